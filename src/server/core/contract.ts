// Contract primitives every module's zod contracts share.
import { z } from "zod";

/** PostgreSQL's `integer`: a larger number would fail in the database (a 500), so it is a 400 here. */
export const INT4_MAX = 2_147_483_647;

/** The version of a record an edit or a decision was based on (optimistic concurrency; stale → 409). */
export const Version = z.number().int().min(1).max(INT4_MAX);

/** An e-mail address as people type it: trimmed, at most 254 characters (RFC 5321). */
export const Email = z.string().trim().max(254).pipe(z.email());

/** `:id` path parameters. */
export const IdParams = z.object({ id: z.uuid() });

/** 1-based page numbers and page sizes of every list. */
export const Page = z.coerce.number().int().min(1).max(100000).default(1);
export const PageSize = z.coerce.number().int().min(1).max(100).default(20);

/** A calendar day, YYYY-MM-DD, that PostgreSQL can store (it has no year 0). */
export const Day = z.iso.date().refine((d) => d >= "0001-01-01", { error: "field.date" });
