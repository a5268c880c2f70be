import type { MemberRole, OrgStatus, OrgType, SmeCategory } from "../../../shared/organizations";

/**
 * Shapes of the public directory API, written by hand from
 * src/server/modules/organizations/organizations.contract.ts (OrganizationPublic, DirectoryPage,
 * PublicOrganizationView, MyOrganizations, JoinRequest).
 */

export interface OrganizationPublic {
  id: string;
  type: OrgType;
  inn: string | null;
  ogrn: string | null;
  country: string | null;
  regionCode: string | null;
  fullName: string;
  shortName: string;
  foundedOn: string | null;
  website: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  smeCategory: SmeCategory | null;
  okvedSections: string[];
  okvedMain: string | null;
  tags: string[];
  status: OrgStatus;
  statusSince: string;
  statusSuspended: boolean;
  verified: boolean;
  logoUrl: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: string;
}

export interface FacetValue {
  value: string;
  count: number;
}

export const FACETS = ["region", "status", "type", "sme", "okved", "tag"] as const;
export type FacetName = (typeof FACETS)[number];

export interface DirectoryPage {
  items: (OrganizationPublic & { rank: number | null })[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, FacetValue[]>;
  /** Counts estimated from a sample (broad searches): shown with "≈". */
  approximate?: { total: boolean; facets: FacetName[] };
}

export interface PublicMember {
  fullName: string;
  position: string | null;
  role: MemberRole;
}

export interface PublicOrganizationView {
  organization: OrganizationPublic;
  members: PublicMember[];
}

export interface MyOrganizations {
  items: { organization: OrganizationPublic; role: MemberRole }[];
  activeOrganizationId: string | null;
}

export interface MyJoinRequest {
  id: string;
  message: string | null;
  state: "pending" | "approved" | "rejected" | "cancelled";
  createdAt: string;
  organization: { id: string; shortName: string };
}

export const SORTS = ["relevance", "name", "newest"] as const;
export type DirectorySort = (typeof SORTS)[number];
