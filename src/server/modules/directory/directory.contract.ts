// The directory module's request/response schemas: the public search of organizations and the public
// page of one organization.
import { z } from "zod";
import { SME_CATEGORIES } from "../../../shared/organizations.js";
import { Page, PageSize } from "../../core/contract.js";
import {
  MemberRole,
  OkvedSection,
  OrganizationPublic,
  OrgStatus,
  OrgType,
  RegionCode,
  Tag,
} from "../organizations/organizations.contract.js";

// ---------- inputs ----------

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(30));

export const DirectoryQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    region: csv(RegionCode).optional(),
    status: csv(OrgStatus).optional(),
    type: csv(OrgType).optional(),
    sme: csv(z.enum(SME_CATEGORIES)).optional(),
    okved: csv(OkvedSection).optional(),
    tag: csv(Tag).optional(),
    sort: z.enum(["relevance", "name", "newest"]).default("relevance"),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

// ---------- outputs ----------

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const DirectoryPage = z.object({
  items: z.array(OrganizationPublic.extend({ rank: z.number().nullable() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({ region: Facet, status: Facet, type: Facet, sme: Facet, okved: Facet, tag: Facet }),
  /**
   * What is estimated rather than counted (the UI shows it as "≈ N"). Searches are counted exactly over
   * the in-memory index (directory.index.ts), so today nothing is: kept for clients and the SQL engine.
   */
  approximate: z.object({
    total: z.boolean(),
    facets: z.array(z.enum(["region", "status", "type", "sme", "okved", "tag"])),
  }),
});

export const PublicOrganizationView = z.object({
  organization: OrganizationPublic,
  members: z.array(z.object({ fullName: z.string(), position: z.string().nullable(), role: MemberRole })),
});
