/** Shapes of the public directory API, from the generated contract (src/web/api). */
import type { ResponseOf, Schemas } from "../../api/types";

export type OrganizationPublic = Schemas["OrganizationPublic"];
export type DirectoryPage = ResponseOf<"/api/directory", "get">;
export type FacetValue = DirectoryPage["facets"]["region"][number];

export const FACETS = [
  "region",
  "status",
  "type",
  "sme",
  "okved",
  "tag",
] as const satisfies readonly (keyof DirectoryPage["facets"])[];
export type FacetName = (typeof FACETS)[number];

export type PublicOrganizationView = ResponseOf<"/api/directory/{id}", "get">;
export type PublicMember = PublicOrganizationView["members"][number];
export type MyOrganizations = ResponseOf<"/api/me/organizations", "get">;
export type MyJoinRequest = Schemas["MyJoinRequest"];

export const SORTS = ["relevance", "name", "newest"] as const;
export type DirectorySort = (typeof SORTS)[number];
