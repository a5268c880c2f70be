// Contract primitives every module's zod contracts share.
import { z } from "zod";

/** PostgreSQL's `integer`: a larger number would fail in the database (a 500), so it is a 400 here. */
export const INT4_MAX = 2_147_483_647;

/** The version of a record an edit or a decision was based on (optimistic concurrency; stale → 409). */
export const Version = z.number().int().min(1).max(INT4_MAX);
