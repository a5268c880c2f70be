import { z } from "zod";
import { Day, Page, PageSize } from "../../core/contract.js";

export const AuditQuery = z
  .object({
    actor: z.string().trim().min(1).max(254).optional(),
    entity: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    from: Day.optional(),
    to: Day.optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.string(), email: z.string(), fullName: z.string() }).nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export const AuditList = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
