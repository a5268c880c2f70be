import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  VERIFICATION_DOCUMENTS,
  VERIFICATION_KINDS,
  VERIFICATION_STATES,
} from "../../../shared/vocabularies.js";
import { primaryId, tz, version } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** A request to verify one's own organization, or a claim to an organization registered by someone else. */
export const verificationKindEnum = pgEnum("verification_kind", VERIFICATION_KINDS);
/**
 * pending → verified | rejected (verification); pending → transferred | merged | removed | rejected (claim).
 */
export const verificationStateEnum = pgEnum("verification_state", VERIFICATION_STATES);
/** An extract from the state register (ЕГРЮЛ / ЕГРИП) or a letter on letterhead signed by the head. */
export const verificationDocumentEnum = pgEnum("verification_document", VERIFICATION_DOCUMENTS);

export const verificationRequests = pgTable(
  "verification_requests",
  {
    id: primaryId(),
    kind: verificationKindEnum("kind").notNull(),
    state: verificationStateEnum("state").notNull().default("pending"),
    /** Null once the organization was removed or merged away; the names below keep the record readable. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    organizationName: text("organization_name").notNull(),
    organizationInn: text("organization_inn"),
    documentType: verificationDocumentEnum("document_type").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** The document itself, in the database as logos are (a later issue moves files to flydrive storage). */
    bytes: bytea("bytes").notNull(),
    comment: text("comment"),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: tz("submitted_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    reason: text("reason"),
    /** What a claim decision did: kept members, the merged organization. */
    outcome: jsonb("outcome"),
    version: version(),
  },
  (t) => [
    index("verification_requests_queue_idx").on(t.state, t.submittedAt),
    index("verification_requests_org_idx").on(t.organizationId),
    index("verification_requests_submitter_idx").on(t.submittedBy),
    uniqueIndex("verification_requests_open_key")
      .on(t.organizationId)
      .where(sql`${t.kind} = 'verification' and ${t.state} = 'pending'`),
    uniqueIndex("verification_claims_open_key")
      .on(t.organizationId, t.submittedBy)
      .where(sql`${t.kind} = 'claim' and ${t.state} = 'pending'`),
  ],
);
