import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  customType,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { IP_OBJECT_TYPES } from "../../../shared/listings.js";
import { createdAt, primaryId, tz } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const ipDepositTypeEnum = pgEnum("ip_deposit_type", IP_OBJECT_TYPES);

/**
 * A deposit: one leaf of the IP registry's log (src/shared/merkle.ts). Rows are only ever inserted:
 * `leafIndex` is dense from 0 (appends hold the log's advisory lock), and the fields the leaf commits to
 * (`leafBytes`: file hash, title, type, holder's INN and name, authors, `timestamp`) never change — the
 * organization may be renamed or deleted, the deposit keeps the holder as deposited. `depositorId` is
 * the member who deposited (null once erased).
 */
export const ipDeposits = pgTable(
  "ip_deposits",
  {
    id: primaryId(),
    leafIndex: bigint("leaf_index", { mode: "number" }).notNull().unique(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    depositorId: uuid("depositor_id"),
    /** Lowercase hex. */
    fileSha256: text("file_sha256").notNull(),
    title: text("title").notNull(),
    type: ipDepositTypeEnum("type").notNull(),
    holderInn: text("holder_inn").notNull(),
    holderName: text("holder_name").notNull(),
    authors: text("authors").array().notNull(),
    /** The leaf's timestamp exactly as hashed (ISO 8601, milliseconds, UTC). */
    timestamp: text("timestamp").notNull(),
    /** Lowercase hex of the leaf hash. */
    leafHash: text("leaf_hash").notNull(),
    createdAt: createdAt(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${ipDeposits.title}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${ipDeposits.holderName}, '')), 'B')`,
    ),
  },
  (t) => [
    index("ip_deposits_search_idx").using("gin", t.search),
    index("ip_deposits_org_idx").on(t.organizationId, t.leafIndex),
    index("ip_deposits_file_idx").on(t.fileSha256),
  ],
);

/**
 * The hash of every complete subtree of the log: 2^level leaves from leaf index·2^level (level 0 are
 * the leaf hashes). Written once when the subtree completes; any root or proof folds O(log n) of them.
 */
export const ipLogNodes = pgTable(
  "ip_log_nodes",
  {
    level: smallint("level").notNull(),
    index: bigint("index", { mode: "number" }).notNull(),
    /** Lowercase hex. */
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** The signed tree heads the log published (src/shared/merkle.ts `treeHeadBytes`), one per tree size. */
export const ipTreeHeads = pgTable("ip_tree_heads", {
  treeSize: bigint("tree_size", { mode: "number" }).primaryKey(),
  rootHash: text("root_hash").notNull(),
  /** Milliseconds since the Unix epoch, as signed. */
  timestamp: bigint("timestamp", { mode: "number" }).notNull(),
  /** Base64 Ed25519 signature. */
  signature: text("signature").notNull(),
  /** Base64url SHA-256 of the public key's raw bytes (which key signed it). */
  keyId: text("key_id").notNull(),
});

/**
 * The development signing key (PKCS#8, base64) when IPLOG_SIGNING_KEY is not set: generated on first
 * use and kept here so restarts keep signing with it. A production log sets IPLOG_SIGNING_KEY.
 */
export const ipLogKeys = pgTable("ip_log_keys", {
  id: text("id").primaryKey(),
  privateKey: text("private_key").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
});
