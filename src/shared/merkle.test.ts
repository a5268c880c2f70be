import { createHash, generateKeyPairSync, sign, webcrypto } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Bytes,
  checkReceipt,
  consistencyPlan,
  type Ed25519Jwk,
  foldNodes,
  fromBase64,
  fromHex,
  inclusionPlan,
  leafBytes,
  type NodeId,
  RECEIPT_FORMAT,
  type Receipt,
  rootNodes,
  splitPoint,
  toBase64,
  toHex,
  treeHeadBytes,
  verifyConsistency,
  verifyInclusion,
  webLogCrypto,
} from "./merkle.js";
import vectors from "./merkle.vectors.json" with { type: "json" };

const sha256 = (b: Bytes) => new Uint8Array(createHash("sha256").update(b).digest());
const c = { sha256 };
const leafH = (b: Bytes) => sha256(Uint8Array.from([0, ...b]));
const nodeH = (l: Bytes, r: Bytes) => sha256(Uint8Array.from([1, ...l, ...r]));

// The RFC 9162 §2.1 definitions, written literally over an array of leaf hashes: the reference.
function mth(d: Bytes[]): Bytes {
  if (d.length === 1) return d[0] as Bytes;
  const k = splitPoint(d.length);
  return nodeH(mth(d.slice(0, k)), mth(d.slice(k)));
}
function path(m: number, d: Bytes[]): Bytes[] {
  if (d.length === 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...path(m, d.slice(0, k)), mth(d.slice(k))]
    : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function subproof(m: number, d: Bytes[], b: boolean): Bytes[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

/** The complete subtrees' hashes by "level:index", as the server stores them. */
function store(d: Bytes[]) {
  const s = new Map<string, Bytes>();
  for (const [i, h] of d.entries()) s.set(`0:${i}`, h);
  for (let level = 1; 2 ** level <= d.length; level++)
    for (let i = 0; (i + 1) * 2 ** level <= d.length; i++)
      s.set(`${level}:${i}`, nodeH(s.get(`${level - 1}:${2 * i}`)!, s.get(`${level - 1}:${2 * i + 1}`)!));
  return (id: NodeId) => {
    const h = s.get(`${id[0]}:${id[1]}`);
    if (!h) throw new Error(`no node ${id}`);
    return h;
  };
}
const planned = (plan: NodeId[][], get: (id: NodeId) => Bytes) =>
  Promise.all(plan.map((p) => foldNodes(c, p, get)));
const leavesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => leafH(new TextEncoder().encode(`leaf ${i}`)));
const flip = (b: Bytes, at = 0) => {
  const x = Uint8Array.from(b);
  x[at % x.length]! ^= 1;
  return x;
};

describe("RFC 9162 test vectors (transparency-dev/merkle)", () => {
  const b = (s: string | null | undefined) => (s ? fromBase64(s) : new Uint8Array());
  it.each(vectors.inclusion.map((v) => [v.file, v] as const))("inclusion %s", async (_f, v) => {
    const ok = await verifyInclusion(
      c,
      v.leafIdx,
      v.treeSize,
      b(v.leafHash),
      (v.proof ?? []).map(b),
      b(v.root),
    );
    expect(ok).toBe(!v.wantErr);
  });
  it.each(vectors.consistency.map((v) => [v.file, v] as const))("consistency %s", async (_f, v) => {
    const ok = await verifyConsistency(c, v.size1, v.size2, (v.proof ?? []).map(b), b(v.root1), b(v.root2));
    expect(ok).toBe(!v.wantErr);
  });

  it("generates the vectors' proofs from their eight leaves", async () => {
    const inputs = [
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f",
    ];
    const d = inputs.map((h) => leafH(fromHex(h)));
    const get = store(d);
    expect(toHex(await foldNodes(c, rootNodes(8), get))).toBe(
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    );
    for (const v of vectors.inclusion.filter(
      (v) => v.desc === "happy path" && v.treeSize <= 8 && v.treeSize > 0,
    )) {
      const proof = await planned(inclusionPlan(v.leafIdx, v.treeSize), store(d.slice(0, v.treeSize)));
      expect(proof.map(toBase64)).toEqual(v.proof ?? []);
    }
    for (const v of vectors.consistency.filter(
      (v) => v.desc === "happy path" && v.size2 <= 8 && v.size1 > 0,
    )) {
      const proof = await planned(consistencyPlan(v.size1, v.size2), store(d.slice(0, v.size2)));
      expect(proof.map(toBase64)).toEqual(v.proof ?? []);
    }
  });
});

describe("proofs over random tree sizes", () => {
  it("every inclusion proof equals the RFC's PATH, verifies, and a tampered leaf, root or proof fails", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 600 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }))),
        async ([n, m]) => {
          const d = leavesOf(n);
          const get = store(d);
          const root = await foldNodes(c, rootNodes(n), get);
          expect(toHex(root)).toBe(toHex(mth(d)));
          const proof = await planned(inclusionPlan(m, n), get);
          expect(proof.map(toHex)).toEqual(path(m, d).map(toHex));
          expect(await verifyInclusion(c, m, n, d[m]!, proof, root)).toBe(true);
          expect(await verifyInclusion(c, m, n, flip(d[m]!), proof, root)).toBe(false);
          expect(await verifyInclusion(c, m, n, d[m]!, proof, flip(root))).toBe(false);
          if (proof.length) {
            const bad = proof.map((p, i) => (i === proof.length - 1 ? flip(p) : p));
            expect(await verifyInclusion(c, m, n, d[m]!, bad, root)).toBe(false);
          }
          if (n > 1) expect(await verifyInclusion(c, (m + 1) % n, n, d[m]!, proof, root)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("every consistency proof equals the RFC's PROOF, verifies, and a tampered root fails", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 600 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        async ([m, n]) => {
          const d = leavesOf(n);
          const get = store(d);
          const proof = await planned(consistencyPlan(m, n), get);
          expect(proof.map(toHex)).toEqual((m === n ? [] : subproof(m, d, true)).map(toHex));
          const r1 = mth(d.slice(0, m));
          const r2 = mth(d);
          expect(await verifyConsistency(c, m, n, proof, r1, r2)).toBe(true);
          expect(await verifyConsistency(c, m, n, proof, flip(r1), r2)).toBe(false);
          expect(await verifyConsistency(c, m, n, proof, r1, flip(r2))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads O(log n) complete subtrees for a root, an inclusion and a consistency proof at 100,000 leaves", () => {
    const n = 100_000;
    const count = (plans: NodeId[][]) => new Set(plans.flat().map((id) => id.join(":"))).size;
    expect(rootNodes(n).length).toBeLessThanOrEqual(17);
    for (const m of [0, 1, 65_535, 99_999]) expect(count(inclusionPlan(m, n))).toBeLessThanOrEqual(34);
    expect(count(consistencyPlan(77_777, n))).toBeLessThanOrEqual(34);
  });
});

describe("receipts", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" }) as Ed25519Jwk;
  const wc = webLogCrypto(webcrypto.subtle as never);

  async function receiptAt(n: number, m: number): Promise<Receipt> {
    const leaf = {
      fileSha256: toHex(sha256(new TextEncoder().encode("the file"))),
      title: "Способ очистки воды",
      type: "invention",
      holderInn: "7701234567",
      holderName: "ООО «Ромашка»",
      authors: ["Иванов И. И.", "Петрова А. С."],
      timestamp: "2026-12-07T10:00:00.000Z",
    };
    const d = leavesOf(n);
    d[m] = leafH(leafBytes(leaf));
    const get = store(d);
    const rootHash = toHex(await foldNodes(c, rootNodes(n), get));
    const head = { treeSize: n, rootHash, timestamp: 1_796_000_000_000 };
    const signature = toBase64(sign(null, treeHeadBytes(head), privateKey));
    const proof = await planned(inclusionPlan(m, n), get);
    return {
      format: RECEIPT_FORMAT,
      logKeyUrl: "http://localhost/.well-known/innocluster-log-key",
      leaf,
      leafIndex: m,
      treeHead: { ...head, signature },
      inclusionProof: proof.map(toHex),
    };
  }

  it("a receipt verifies with Web Crypto; a changed file, leaf, tree head or signature is named", async () => {
    const r = await receiptAt(37, 21);
    expect(await checkReceipt(wc, r, jwk, r.leaf.fileSha256)).toBeNull();
    expect(await checkReceipt(wc, r, jwk, "0".repeat(64))).toBe("file");
    expect(await checkReceipt(wc, { ...r, leaf: { ...r.leaf, title: "Другое" } }, jwk)).toBe("inclusion");
    expect(await checkReceipt(wc, { ...r, leafIndex: 20 }, jwk)).toBe("inclusion");
    const head = { ...r.treeHead, timestamp: r.treeHead.timestamp + 1 };
    expect(await checkReceipt(wc, { ...r, treeHead: head }, jwk)).toBe("signature");
    const other = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }) as Ed25519Jwk;
    expect(await checkReceipt(wc, r, other)).toBe("signature");
    expect(await checkReceipt(wc, { ...r, format: "x" }, jwk)).toBe("format");
  });

  it("the leaf's bytes are the documented JSON array", () => {
    const bytes = leafBytes({
      fileSha256: "AB".repeat(32),
      title: "T",
      type: "software",
      holderInn: "7701234567",
      holderName: "H",
      authors: ["A"],
      timestamp: "2026-01-01T00:00:00.000Z",
    });
    expect(new TextDecoder().decode(bytes)).toBe(
      `["innocluster-deposit/1","${"ab".repeat(32)}","T","software","7701234567","H",["A"],"2026-01-01T00:00:00.000Z"]`,
    );
  });
});
