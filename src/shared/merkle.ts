/*
 * The IP registry's transparency log (RFC 9162 §2.1), shared by the server, the web app's verify page
 * and the command-line verifier (scripts/innocluster-verify.mjs imports this file directly: Node strips
 * its types, so it must stay plain, import-free TypeScript with erasable syntax only).
 *
 * - leaf hash   = SHA-256(0x00 || leaf bytes), node hash = SHA-256(0x01 || left || right);
 * - a tree of n leaves splits at k, the largest power of two below n (RFC 9162 §2.1.1);
 * - the server keeps the hash of every complete subtree by (level, index): the subtree of 2^level leaves
 *   starting at leaf index·2^level. Any hash the log needs — a root, a proof's entry — is the right fold
 *   of O(log n) such nodes (`subtreeNodes`), so appending and proving read O(log n) rows;
 * - proofs are PATH and PROOF of §2.1.3.1 / §2.1.4.1, verified by the algorithms of §2.1.3.2 / §2.1.4.2.
 *
 * Hashing and signatures go through a `LogCrypto` (Web Crypto in the browser and the CLI, node:crypto on
 * the server), so this file has no platform dependency.
 */

export type Bytes = Uint8Array;
/** A complete subtree: 2^level leaves starting at leaf index·2^level. */
export type NodeId = readonly [level: number, index: number];

export interface LogCrypto {
  sha256(data: Bytes): Bytes | Promise<Bytes>;
  /** Verifies an Ed25519 signature with a public key given as a JWK (kty OKP, crv Ed25519). */
  verifyEd25519(jwk: Ed25519Jwk, signature: Bytes, message: Bytes): Promise<boolean>;
}

export type Ed25519Jwk = { kty: "OKP"; crv: "Ed25519"; x: string };

/** The format names a receipt and a signed tree head carry. */
export const RECEIPT_FORMAT = "innocluster-receipt/1";
export const TREE_HEAD_ORIGIN = "innocluster-iplog/1";
export const LOG_KEY_PATH = "/.well-known/innocluster-log-key";

// ---------- bytes ----------

const utf8 = new TextEncoder();

export function toHex(b: Bytes): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

export function fromHex(h: string): Bytes {
  if (!/^([0-9a-f]{2})*$/i.test(h)) throw new Error("not hex");
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toBase64(b: Bytes): string {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export function fromBase64(s: string): Bytes {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] as number) ^ (b[i] as number);
  return d === 0;
}

// ---------- hashes ----------

export async function hashLeaf(c: Pick<LogCrypto, "sha256">, leaf: Bytes): Promise<Bytes> {
  return c.sha256(concat(Uint8Array.of(0), leaf));
}

export async function hashChildren(c: Pick<LogCrypto, "sha256">, left: Bytes, right: Bytes): Promise<Bytes> {
  return c.sha256(concat(Uint8Array.of(1), left, right));
}

/** The node's input to SHA-256 (0x01 || left || right): for a synchronous hasher on the server. */
export function childrenInput(left: Bytes, right: Bytes): Bytes {
  return concat(Uint8Array.of(1), left, right);
}

/** The leaf's input to SHA-256 (0x00 || leaf). */
export function leafInput(leaf: Bytes): Bytes {
  return concat(Uint8Array.of(0), leaf);
}

// ---------- the tree's shape ----------

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * The complete subtrees whose right fold is MTH(D[start:end]) for a range of the RFC's recursion
 * (start is a multiple of the range's split point): left to right, at most log2(n)+1 of them.
 */
export function subtreeNodes(start: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let s = start;
  while (s < end) {
    const size = end - s;
    const k = isPowerOfTwo(size) ? size : splitPoint(size);
    out.push([Math.log2(k), s / k]);
    s += k;
  }
  return out;
}

/** The root's nodes of a tree of n ≥ 1 leaves. */
export const rootNodes = (n: number): NodeId[] => subtreeNodes(0, n);

/** Each entry of the inclusion proof of leaf m in a tree of n leaves (PATH, §2.1.3.1), as nodes to fold. */
export function inclusionPlan(m: number, n: number): NodeId[][] {
  if (!(m >= 0 && m < n)) throw new RangeError("leaf index out of range");
  const out: NodeId[][] = [];
  const walk = (m: number, start: number, end: number) => {
    if (end - start <= 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      walk(m, start, start + k);
      out.push(subtreeNodes(start + k, end));
    } else {
      walk(m - k, start + k, end);
      out.push(subtreeNodes(start, start + k));
    }
  };
  walk(m, 0, n);
  return out;
}

/** Each entry of the consistency proof from size m to size n (PROOF, §2.1.4.1), as nodes to fold. */
export function consistencyPlan(m: number, n: number): NodeId[][] {
  if (!(m >= 0 && m <= n)) throw new RangeError("tree sizes out of order");
  if (m === 0 || m === n) return [];
  const out: NodeId[][] = [];
  const sub = (m: number, start: number, end: number, b: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!b) out.push(subtreeNodes(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, b);
      out.push(subtreeNodes(start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      out.push(subtreeNodes(start, start + k));
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** Every node a set of plans needs, once each (key "level:index"). */
export function nodesOf(plans: NodeId[][]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const p of plans) for (const id of p) seen.set(`${id[0]}:${id[1]}`, id);
  return [...seen.values()];
}

/** The right fold of complete subtrees' hashes: MTH of the range they cover. */
export async function foldNodes(
  c: Pick<LogCrypto, "sha256">,
  ids: readonly NodeId[],
  hashOf: (id: NodeId) => Bytes,
): Promise<Bytes> {
  if (!ids.length) throw new RangeError("no nodes");
  let r = hashOf(ids[ids.length - 1] as NodeId);
  for (let i = ids.length - 2; i >= 0; i--) r = await hashChildren(c, hashOf(ids[i] as NodeId), r);
  return r;
}

// ---------- verification (RFC 9162 §2.1.3.2, §2.1.4.2) ----------

/** Right-shifts fn and sn together until fn is odd or 0 (step 4b of §2.1.3.2, 6b of §2.1.4.2). */
function toOddOrZero(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return [fn, sn];
}

/** Whether `proof` proves that the leaf with hash `leaf` is at `index` in the tree of `size` with `root`. */
export async function verifyInclusion(
  c: Pick<LogCrypto, "sha256">,
  index: number,
  size: number,
  leaf: Bytes,
  proof: readonly Bytes[],
  root: Bytes,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (leaf.length !== 32 || root.length !== 32) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await hashChildren(c, p, r);
      if (fn % 2 === 0) [fn, sn] = toOddOrZero(fn, sn);
    } else {
      r = await hashChildren(c, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/** Whether `proof` proves that the tree of size1 with root1 is a prefix of the tree of size2 with root2. */
export async function verifyConsistency(
  c: Pick<LogCrypto, "sha256">,
  size1: number,
  size2: number,
  proof: readonly Bytes[],
  root1: Bytes,
  root2: Bytes,
): Promise<boolean> {
  // RFC 9162 §2.1.4 defines proofs for 0 < size1 ≤ size2 (every tree extends the empty one: nothing to prove).
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size2 < size1)
    return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (root1.length !== 32 || root2.length !== 32) return false;
  if (!proof.length) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Bytes;
  let sr = path[0] as Bytes;
  for (const p of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await hashChildren(c, p, fr);
      sr = await hashChildren(c, p, sr);
      if (fn % 2 === 0) [fn, sn] = toOddOrZero(fn, sn);
    } else {
      sr = await hashChildren(c, sr, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

// ---------- the log's records ----------

/** What a deposit commits to: everything but its place in the log. */
export type LeafData = {
  /** SHA-256 of the file, lowercase hex. */
  fileSha256: string;
  title: string;
  /** One of IP_OBJECT_TYPES (src/shared/listings.ts). */
  type: string;
  holderInn: string;
  holderName: string;
  authors: string[];
  /** When the log accepted it: ISO 8601 UTC with milliseconds. */
  timestamp: string;
};

/**
 * The leaf's bytes: UTF-8 of the JSON array
 * `["innocluster-deposit/1", fileSha256, title, type, holderInn, holderName, [authors…], timestamp]`
 * written by JSON.stringify (no spaces), strings NFC-normalized. An array fixes the order of fields.
 */
export function leafBytes(d: LeafData): Bytes {
  const n = (s: string) => s.normalize("NFC");
  return utf8.encode(
    JSON.stringify([
      "innocluster-deposit/1",
      d.fileSha256.toLowerCase(),
      n(d.title),
      d.type,
      d.holderInn,
      n(d.holderName),
      d.authors.map(n),
      d.timestamp,
    ]),
  );
}

export type TreeHead = {
  treeSize: number;
  /** Lowercase hex. */
  rootHash: string;
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  /** Ed25519 over `treeHeadBytes`, base64. */
  signature: string;
};

/**
 * The bytes a tree head's signature covers: UTF-8 of four lines, each ended by "\n":
 * `innocluster-iplog/1`, the tree size in decimal, the root hash in lowercase hex, the timestamp in
 * milliseconds since the Unix epoch in decimal.
 */
export function treeHeadBytes(h: Omit<TreeHead, "signature">): Bytes {
  return utf8.encode(`${TREE_HEAD_ORIGIN}\n${h.treeSize}\n${h.rootHash.toLowerCase()}\n${h.timestamp}\n`);
}

export type Receipt = {
  format: typeof RECEIPT_FORMAT;
  /** Where the log's public key is published (JWK). */
  logKeyUrl: string;
  leaf: LeafData;
  leafIndex: number;
  treeHead: TreeHead;
  /** Hex hashes, leaf to root. */
  inclusionProof: string[];
};

export type ReceiptCheck = "format" | "file" | "inclusion" | "signature";

/**
 * Checks a receipt: its shape, the file's hash (when given), the inclusion proof against the tree
 * head's root, the tree head's signature by the log's key. Returns the first failed check, or null.
 */
export async function checkReceipt(
  c: LogCrypto,
  receipt: unknown,
  key: Ed25519Jwk,
  fileSha256?: string,
): Promise<ReceiptCheck | null> {
  if (!isReceipt(receipt)) return "format";
  const r = receipt;
  if (fileSha256 !== undefined && fileSha256.toLowerCase() !== r.leaf.fileSha256.toLowerCase()) return "file";
  const leaf = await hashLeaf(c, leafBytes(r.leaf));
  const ok = await verifyInclusion(
    c,
    r.leafIndex,
    r.treeHead.treeSize,
    leaf,
    r.inclusionProof.map(fromHex),
    fromHex(r.treeHead.rootHash),
  );
  if (!ok) return "inclusion";
  const signed = await c
    .verifyEd25519(key, fromBase64(r.treeHead.signature), treeHeadBytes(r.treeHead))
    .catch(() => false);
  return signed ? null : "signature";
}

const HEX32 = /^[0-9a-f]{64}$/i;
const isString = (v: unknown): v is string => typeof v === "string";

export function isReceipt(v: unknown): v is Receipt {
  const r = v as Receipt;
  if (!r || typeof r !== "object" || r.format !== RECEIPT_FORMAT || !isString(r.logKeyUrl)) return false;
  const l = r.leaf;
  const h = r.treeHead;
  return (
    !!l &&
    typeof l === "object" &&
    isString(l.fileSha256) &&
    HEX32.test(l.fileSha256) &&
    [l.title, l.type, l.holderInn, l.holderName, l.timestamp].every(isString) &&
    Array.isArray(l.authors) &&
    l.authors.every(isString) &&
    Number.isSafeInteger(r.leafIndex) &&
    !!h &&
    typeof h === "object" &&
    Number.isSafeInteger(h.treeSize) &&
    Number.isSafeInteger(h.timestamp) &&
    isString(h.rootHash) &&
    HEX32.test(h.rootHash) &&
    isString(h.signature) &&
    Array.isArray(r.inclusionProof) &&
    r.inclusionProof.length <= 64 &&
    r.inclusionProof.every((p) => isString(p) && HEX32.test(p))
  );
}

type Subtle = {
  digest(alg: string, data: Bytes): Promise<ArrayBuffer>;
  importKey(...args: unknown[]): Promise<unknown>;
  verify(...args: unknown[]): Promise<boolean>;
};

/** A LogCrypto over Web Crypto (the browser's `crypto.subtle`, or node:crypto's `webcrypto.subtle`). */
export function webLogCrypto(subtle: Subtle): LogCrypto {
  return {
    sha256: async (data) => new Uint8Array(await subtle.digest("SHA-256", data)),
    async verifyEd25519(jwk, signature, message) {
      const key = await subtle.importKey(
        "jwk",
        { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
        { name: "Ed25519" },
        false,
        ["verify"],
      );
      return subtle.verify({ name: "Ed25519" }, key, signature, message);
    },
  };
}
