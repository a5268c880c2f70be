import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from "node:crypto";
import { desc, sql } from "drizzle-orm";
import {
  type Bytes,
  childrenInput,
  consistencyPlan,
  type Ed25519Jwk,
  foldNodes,
  fromHex,
  inclusionPlan,
  type LeafData,
  leafBytes,
  leafInput,
  type NodeId,
  nodesOf,
  rootNodes,
  type TreeHead,
  toBase64,
  toHex,
  treeHeadBytes,
} from "../../../shared/merkle.js";
import { now } from "../../core/clock.js";
import type { Config } from "../../core/config.js";
import type { Executor } from "../../core/db.js";
import { ipDeposits, ipLogKeys, ipLogNodes, ipTreeHeads } from "./ipregistry.schema.js";

/*
 * The IP registry's append-only log (RFC 9162 §2.1; the shapes and proofs in src/shared/merkle.ts) on
 * three tables: the leaves (ip_deposits), the hashes of complete subtrees by (level, index)
 * (ip_log_nodes) and the signed tree heads (ip_tree_heads).
 *
 * - An append holds the transaction-scoped advisory lock LOG_LOCK, so leaf indices are dense and unique
 *   under concurrency; it reads the log's size (the unique index's maximum) and the left siblings of the
 *   subtrees the new leaf completes (one query, ≤ log2 n rows), and writes the leaf's node and theirs.
 * - A root or a proof is the fold of O(log n) complete subtrees, read in one query (`hashesOf`).
 * - Tree heads are signed with Ed25519 (IPLOG_SIGNING_KEY, else a key kept in ip_log_keys) by the job
 *   `ipregistry.tree-head` every minute when the log grew, and on demand when a receipt needs one.
 */

/** The advisory lock of the log: appends and tree heads take turns (a constant key: "iplog"). */
const LOG_LOCK = 0x69706c6f67;

export const sha256 = (b: Bytes): Bytes => createHash("sha256").update(b).digest();
const syncCrypto = { sha256 };

const lock = (tx: Executor) => tx.execute(sql`select pg_advisory_xact_lock(${LOG_LOCK})`);

/** The log's size: the number of leaves. */
export async function logSize(ex: Executor): Promise<number> {
  const [r] = await ex.select({ n: sql<string | null>`max(${ipDeposits.leafIndex})` }).from(ipDeposits);
  return r?.n == null ? 0 : Number(r.n) + 1;
}

/** The stored hashes of these complete subtrees, in one query. */
export async function hashesOf(ex: Executor, ids: readonly NodeId[]): Promise<(id: NodeId) => Bytes> {
  const found = new Map<string, Bytes>();
  if (ids.length) {
    const rows = await ex
      .select({ level: ipLogNodes.level, index: ipLogNodes.index, hash: ipLogNodes.hash })
      .from(ipLogNodes)
      .where(
        sql`(${ipLogNodes.level}, ${ipLogNodes.index}) in (${sql.join(
          ids.map(([l, i]) => sql`(${l}::smallint, ${i}::bigint)`),
          sql`, `,
        )})`,
      );
    for (const r of rows) found.set(`${r.level}:${Number(r.index)}`, fromHex(r.hash));
  }
  return (id) => {
    const h = found.get(`${id[0]}:${id[1]}`);
    if (!h) throw new Error(`the log has no node ${id[0]}:${id[1]}`);
    return h;
  };
}

/** The nodes a new leaf at index n completes: its own and every subtree it closes, bottom up. */
export function completedBy(n: number, leafHash: Bytes, leftOf: (id: NodeId) => Bytes) {
  const size = n + 1;
  const out: { level: number; index: number; hash: string }[] = [
    { level: 0, index: n, hash: toHex(leafHash) },
  ];
  let h = leafHash;
  for (let level = 0; size % 2 ** (level + 1) === 0; level++) {
    h = sha256(childrenInput(leftOf([level, size / 2 ** level - 2]), h));
    out.push({ level: level + 1, index: size / 2 ** (level + 1) - 1, hash: toHex(h) });
  }
  return out;
}

/** The left siblings an append at index n reads. */
export function siblingsOf(n: number): NodeId[] {
  const size = n + 1;
  const ids: NodeId[] = [];
  for (let level = 0; size % 2 ** (level + 1) === 0; level++) ids.push([level, size / 2 ** level - 2]);
  return ids;
}

export type Appended = { leafIndex: number; leafHash: string };

/**
 * Appends a leaf inside the caller's transaction (which inserts the deposit row with the index it
 * gets): takes the log's lock, so the index is the next one and no other append interleaves.
 */
export async function appendLeaf<L extends LeafData>(
  tx: Executor,
  makeLeaf: () => L,
): Promise<Appended & { leaf: L }> {
  await lock(tx);
  // The leaf (with its time) is made under the log's lock, so a later index never carries an earlier time.
  const leaf = makeLeaf();
  const n = await logSize(tx);
  const leafHash = sha256(leafInput(leafBytes(leaf)));
  const nodes = completedBy(n, leafHash, await hashesOf(tx, siblingsOf(n)));
  await tx.insert(ipLogNodes).values(nodes);
  return { leafIndex: n, leafHash: toHex(leafHash), leaf };
}

/** The root hash of the first `size` leaves. */
export async function rootOf(ex: Executor, size: number): Promise<Bytes> {
  const ids = rootNodes(size);
  return foldNodes(syncCrypto, ids, await hashesOf(ex, ids));
}

async function proofOf(ex: Executor, plan: NodeId[][]): Promise<string[]> {
  const get = await hashesOf(ex, nodesOf(plan));
  return Promise.all(plan.map(async (p) => toHex(await foldNodes(syncCrypto, p, get))));
}

/** The inclusion proof of leaf `index` in the tree of `size` leaves (hex, leaf to root). */
export const inclusionProof = (ex: Executor, index: number, size: number) =>
  proofOf(ex, inclusionPlan(index, size));
/** The consistency proof from the tree of `first` leaves to the tree of `second` (hex). */
export const consistencyProof = (ex: Executor, first: number, second: number) =>
  proofOf(ex, consistencyPlan(first, second));

// ---------- the signing key ----------

export type SigningKey = { privateKey: KeyObject; jwk: Ed25519Jwk & { kid: string }; keyId: string };
const keys = new WeakMap<object, SigningKey>();

function keyOf(privateKey: KeyObject): SigningKey {
  const pub = createPublicKey(privateKey).export({ format: "jwk" }) as Ed25519Jwk;
  const keyId = createHash("sha256").update(Buffer.from(pub.x, "base64url")).digest("base64url");
  return { privateKey, jwk: { kty: "OKP", crv: "Ed25519", x: pub.x, kid: keyId }, keyId };
}

/** Parses IPLOG_SIGNING_KEY (PKCS#8 DER, base64); throws on anything but an Ed25519 private key. */
export function parseSigningKey(base64: string): SigningKey {
  const k = createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
  if (k.asymmetricKeyType !== "ed25519") throw new Error("IPLOG_SIGNING_KEY is not an Ed25519 key");
  return keyOf(k);
}

/** A new Ed25519 key as IPLOG_SIGNING_KEY takes it (PKCS#8 DER, base64). */
export function newSigningKey(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return (privateKey.export({ format: "der", type: "pkcs8" }) as Buffer).toString("base64");
}

/** The log's key: from the configuration, else the one kept in the database (made on first use). */
export async function signingKey(db: Executor, config: Pick<Config, "ipLogSigningKey">): Promise<SigningKey> {
  if (config.ipLogSigningKey) {
    const cached = keys.get(config);
    if (cached) return cached;
    const k = parseSigningKey(config.ipLogSigningKey);
    keys.set(config, k);
    return k;
  }
  const cached = keys.get(db);
  if (cached) return cached;
  await db.insert(ipLogKeys).values({ id: "log", privateKey: newSigningKey() }).onConflictDoNothing();
  const [row] = await db.select().from(ipLogKeys);
  const k = parseSigningKey(row!.privateKey);
  keys.set(db, k);
  return k;
}

// ---------- tree heads ----------

const HEAD = {
  treeSize: ipTreeHeads.treeSize,
  rootHash: ipTreeHeads.rootHash,
  timestamp: ipTreeHeads.timestamp,
  signature: ipTreeHeads.signature,
};

export async function latestHead(ex: Executor): Promise<TreeHead | null> {
  const [h] = await ex.select(HEAD).from(ipTreeHeads).orderBy(desc(ipTreeHeads.treeSize)).limit(1);
  return h ?? null;
}

/**
 * Signs and publishes a tree head for the log as it is, unless the latest one already covers it;
 * returns the latest head (null while the log is empty). Timestamps never go back.
 */
export async function publishTreeHead(
  db: Executor,
  config: Pick<Config, "ipLogSigningKey">,
): Promise<TreeHead | null> {
  const key = await signingKey(db, config);
  return db.transaction(async (tx) => {
    await lock(tx);
    const size = await logSize(tx);
    const latest = await latestHead(tx);
    if (size === 0 || (latest && latest.treeSize >= size)) return latest;
    const rootHash = toHex(await rootOf(tx, size));
    const timestamp = Math.max(now().getTime(), (latest?.timestamp ?? 0) + 1);
    const signature = toBase64(
      sign(null, treeHeadBytes({ treeSize: size, rootHash, timestamp }), key.privateKey),
    );
    const head = { treeSize: size, rootHash, timestamp, signature };
    await tx.insert(ipTreeHeads).values({ ...head, keyId: key.keyId });
    return head;
  });
}
