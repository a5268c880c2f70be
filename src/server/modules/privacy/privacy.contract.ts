import { z } from "zod";
import { PASSWORD_MAX } from "../../../shared/constants.js";
import { ERASURE_REASONS, EXPORT_STATES } from "../../../shared/privacy.js";
import { Page, PageSize } from "../../core/contract.js";

const DateTime = z.iso.datetime({ offset: true });

/** One export of the user's own data: queued, ready (downloadable until `expiresAt`), expired or failed. */
export const DataExport = z
  .object({
    id: z.uuid(),
    state: z.enum(EXPORT_STATES),
    requestedAt: DateTime,
    readyAt: DateTime.nullable(),
    expiresAt: DateTime.nullable(),
    size: z.number().int().nullable(),
  })
  .meta({ id: "DataExport" });

export const DataExportList = z.object({ items: z.array(DataExport) });

/** Asking to delete the account needs the password again; `reason` says whether it is a consent withdrawal. */
export const ErasureBody = z
  .object({
    password: z.string().min(1).max(PASSWORD_MAX),
    reason: z.enum(ERASURE_REASONS).default("deletion"),
  })
  .strict();

export const ErasureAnswer = z
  .object({ requestedAt: DateTime, erasesAt: DateTime, message: z.string() })
  .meta({ id: "ErasureAnswer" });

/** Cancelling is signing in: the e-mail and password of the account waiting for its erasure. */
export const CancelErasureBody = z
  .object({
    email: z.string().trim().max(254).pipe(z.email()),
    password: z.string().min(1).max(PASSWORD_MAX),
    altcha: z.string().max(4000).optional(),
  })
  .strict();

export const PendingErasuresQuery = z.object({ page: Page, pageSize: PageSize }).strict();

/** A pending erasure as the operator sees it. */
export const PendingErasure = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    reason: z.enum(ERASURE_REASONS),
    requestedAt: DateTime,
    erasesAt: DateTime,
    daysLeft: z.number().int(),
    /** Failed runs of the erasure job; the last one's error (null when none failed). */
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "PendingErasure" });

export const PendingErasureList = z.object({
  items: z.array(PendingErasure),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
