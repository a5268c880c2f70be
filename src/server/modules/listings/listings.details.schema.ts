import { index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId, tz } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { organizations } from "../organizations/organizations.schema.js";
import { listings } from "./listings.schema.js";

/**
 * A listing's files (an order's drawings, photos of premises): stored files (core/files.ts) taken by the
 * listing; they go with it, and the file's record with them. A file is moderated with the listing:
 * `approved_at` is set when the operator approves the listing or its change (a file added to a published
 * listing sends the change to moderation); until then only the listing's organization and operators
 * see it.
 */
export const listingFiles = pgTable(
  "listing_files",
  {
    fileId: uuid("file_id")
      .primaryKey()
      .references(() => files.id, { onDelete: "cascade" }),
    listingId: parentRef("listing_id", () => listings.id),
    createdAt: createdAt(),
    /** When the operator approved it (with the listing's first approval, or with a change); null: waiting. */
    approvedAt: tz("approved_at"),
  },
  (t) => [index("listing_files_listing_idx").on(t.listingId, t.createdAt)],
);

/**
 * An organization's acceptance of the platform's NDA text for a listing behind an NDA: once per listing
 * and organization, with the person who accepted it, when, and the edition (version and SHA-256 of the
 * Russian text) they were shown. The organization's members then see the listing's details and files.
 */
export const listingNdaAcceptances = pgTable(
  "listing_nda_acceptances",
  {
    id: primaryId(),
    listingId: parentRef("listing_id", () => listings.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    userId: uuid("user_id").notNull(),
    acceptedAt: tz("accepted_at").notNull().defaultNow(),
    textVersion: text("text_version").notNull(),
    textSha256: text("text_sha256").notNull(),
  },
  (t) => [
    unique("listing_nda_acceptances_once").on(t.listingId, t.organizationId),
    index("listing_nda_acceptances_org_idx").on(t.organizationId),
  ],
);
