import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tz } from "./columns.js";

/**
 * A record of every stored file (core/files.ts); the contents live in the storage under `storage_key`,
 * a generated name, never the user's. Owners are plain ids (no foreign keys into modules' tables): the
 * record a file is attached to decides who may download it.
 */
export const files = pgTable(
  "files",
  {
    id: primaryId(),
    storageKey: text("storage_key").notNull().unique(),
    purpose: text("purpose").notNull(),
    uploadedBy: uuid("uploaded_by"),
    originalName: text("original_name").notNull(),
    /** Bytes; bigint, as an export zip may pass 2 GiB (up to 4 GiB). */
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    contentType: text("content_type").notNull(),
    createdAt: createdAt(),
    /** Set in the transaction that attaches the file to its record; unattached files go after 24 h. */
    attachedAt: tz("attached_at"),
  },
  (t) => [index("files_unattached_idx").on(t.createdAt).where(sql`attached_at is null`)],
);
