import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tz } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";

/**
 * The manifest of the open data (src/shared/opendata.ts): one row per data set, its last generation —
 * when, how many rows, and the two stored files (CSV and JSON; their size and SHA-256 in `files`).
 * The nightly job replaces the row and removes the previous generation's files.
 */
export const opendataDatasets = pgTable("opendata_datasets", {
  name: text("name").primaryKey(),
  generatedAt: tz("generated_at").notNull(),
  rows: integer("rows").notNull(),
  csvFileId: uuid("csv_file_id")
    .notNull()
    .references(() => files.id),
  jsonFileId: uuid("json_file_id")
    .notNull()
    .references(() => files.id),
});
