import { execFile } from "node:child_process";
import { createHash, webcrypto } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkReceipt,
  type Ed25519Jwk,
  fromHex,
  type Receipt,
  verifyConsistency,
  webLogCrypto,
} from "../../../shared/merkle.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { publishTreeHead, sha256 } from "./ipregistry.log.js";
import { ipDeposits, ipTreeHeads } from "./ipregistry.schema.js";

const t = testAppForFile();
const run = promisify(execFile);
const VERIFY = path.resolve("scripts/innocluster-verify.mjs");
const NODE = process.execPath;
const wc = webLogCrypto(webcrypto.subtle as never);

let guest: Client;
let stranger: Client;
let holder: Awaited<ReturnType<typeof orgWithTeam>>;
let plain: Awaited<ReturnType<typeof orgWithTeam>>;
let dir: string;

const FILE = Buffer.from("%PDF-1.4\nОписание изобретения: способ очистки воды\n%%EOF\n");
const fileHash = createHash("sha256").update(FILE).digest("hex");
const body = (organizationId: string, o: Record<string, unknown> = {}) => ({
  organizationId,
  title: "Способ очистки сточных вод сорбентом из торфа",
  type: "invention",
  authors: ["Иванов И. И.", "Петрова А. С."],
  fileSha256: fileHash,
  ...o,
});

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

type Deposit = { id: string; leafIndex: number; holderName: string; holderInn: string; fileSha256: string };
type Page<T> = { items: T[]; total: number };

beforeAll(async () => {
  guest = new Client(t.app);
  stranger = await signedIn(t, await createUser(t.database));
  holder = await orgWithTeam(t, { shortName: "ООО «Чистая вода»", status: "participant" });
  plain = await orgWithTeam(t, { shortName: "ООО «Просто компания»" });
  dir = mkdtempSync(path.join(tmpdir(), "iplog-"));
});

describe("deposits", () => {
  it("a participant's member deposits; a stranger, a guest, a non-participant cannot", async () => {
    const d = await ok<Deposit>(holder.memberC.post("/api/ipregistry/deposits", body(holder.org.id)), 201);
    expect(d).toMatchObject({
      holderName: "ООО «Чистая вода»",
      holderInn: holder.org.inn,
      fileSha256: fileHash,
    });
    expectProblem(await stranger.post("/api/ipregistry/deposits", body(holder.org.id)), 404);
    expectProblem(await guest.post("/api/ipregistry/deposits", body(holder.org.id)), 401);
    expectProblem(
      await plain.ownerC.post("/api/ipregistry/deposits", body(plain.org.id)),
      409,
      "ipregistry-participants-only",
    );
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit?.action).toBe("ipregistry.deposit");
  });

  it("field errors in Russian and English", async () => {
    const bad = body(holder.org.id, { fileSha256: "not-a-hash", title: "", authors: [] });
    const ru = fieldErrors(expectProblem(await holder.ownerC.post("/api/ipregistry/deposits", bad), 400));
    expect(ru.fileSha256).toMatch(/SHA-256 файла/);
    expect(Object.keys(ru)).toEqual(expect.arrayContaining(["title", "authors"]));
    const en = fieldErrors(expectProblem(await holder.adminC.post("/api/ipregistry/deposits", bad), 400));
    expect(en.fileSha256).toMatch(/file's SHA-256/);
    // Half a surrogate pair would be hashed into the leaf but stored as U+FFFD: a receipt that could
    // never verify, in a log that cannot forget it. Refused before anything is appended.
    const lone = body(holder.org.id, { title: "Модель \ud800", authors: ["\udc00"] });
    const e = fieldErrors(expectProblem(await holder.ownerC.post("/api/ipregistry/deposits", lone), 400));
    expect(Object.keys(e)).toEqual(expect.arrayContaining(["title", "authors.0"]));
  });

  it("concurrent appends get dense, unique indices and the tree stays consistent", async () => {
    const before = (await ok<Page<Deposit>>(guest.get("/api/public/iplog/register?pageSize=1"))).total;
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ok<Deposit>(
          holder.ownerC.post(
            "/api/ipregistry/deposits",
            body(holder.org.id, { title: `Программа для ЭВМ № ${i}` }),
          ),
          201,
        ),
      ),
    );
    const indices = made.map((d) => d.leafIndex).sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 12 }, (_, i) => before + i));
  });
});

describe("receipts and the log", () => {
  it("a member downloads a receipt that verifies; others get 404", async () => {
    const d = await ok<Deposit>(holder.memberC.post("/api/ipregistry/deposits", body(holder.org.id)), 201);
    const r = await ok<Receipt>(holder.adminC.get(`/api/ipregistry/deposits/${d.id}/receipt`));
    expect(r.leafIndex).toBe(d.leafIndex);
    expect(r.treeHead.treeSize).toBeGreaterThan(d.leafIndex);
    const key = await ok<Ed25519Jwk>(guest.get("/api/public/iplog/key"));
    expect(await checkReceipt(wc, r, key, fileHash)).toBeNull();
    const wellKnown = await t.app.inject({ method: "GET", url: "/.well-known/innocluster-log-key" });
    expect(wellKnown.json()).toEqual(key);
    expectProblem(await stranger.get(`/api/ipregistry/deposits/${d.id}/receipt`), 404);
    expectProblem(await plain.ownerC.get(`/api/ipregistry/deposits/${d.id}/receipt`), 404);
    expectProblem(await guest.get(`/api/ipregistry/deposits/${d.id}/receipt`), 401);
    const mine = await ok<Page<Deposit>>(holder.memberC.get("/api/ipregistry/deposits/mine"));
    expect(mine.items.map((x) => x.id)).toContain(d.id);
    expect((await ok<Page<Deposit>>(plain.ownerC.get("/api/ipregistry/deposits/mine"))).total).toBe(0);
  });

  it("the command-line verifier checks a receipt in its own process: file, tampering, key", async () => {
    const d = await ok<Deposit>(holder.ownerC.post("/api/ipregistry/deposits", body(holder.org.id)), 201);
    const r = await ok<Receipt>(holder.ownerC.get(`/api/ipregistry/deposits/${d.id}/receipt`));
    const key = await ok<Ed25519Jwk>(guest.get("/api/public/iplog/key"));
    const write = (name: string, content: string | Buffer) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const receiptPath = write("receipt.json", JSON.stringify(r));
    const filePath = write("file.pdf", FILE);
    const keyPath = write("key.jwk", JSON.stringify(key));
    const verify = (...args: string[]) =>
      run(NODE, [VERIFY, ...args]).then(
        (o) => ({ code: 0, out: o.stdout, err: o.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          out: e.stdout,
          err: e.stderr,
        }),
      );
    const good = await verify(receiptPath, filePath, "--key", keyPath);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toMatch(/VERIFIED/);
    const other = await verify(receiptPath, write("other.pdf", "другой файл"), "--key", keyPath);
    expect([other.code, other.err]).toEqual([1, expect.stringMatching(/not the deposited file/)]);
    const tampered = write(
      "tampered.json",
      JSON.stringify({ ...r, leaf: { ...r.leaf, holderName: "ООО «Чужая»" } }),
    );
    expect((await verify(tampered, filePath, "--key", keyPath)).err).toMatch(/inclusion proof/);
    const head = { ...r.treeHead, treeSize: r.treeHead.treeSize };
    head.signature = Buffer.from(
      Buffer.from(head.signature, "base64").map((b, i) => (i === 0 ? b ^ 1 : b)),
    ).toString("base64");
    const forged = write("forged.json", JSON.stringify({ ...r, treeHead: head }));
    const sig = await verify(forged, filePath, "--key", keyPath);
    expect([sig.code, sig.err]).toEqual([1, expect.stringMatching(/signature/)]);
    expect((await verify(receiptPath)).code).toBe(2);
    // The key is one the user names: never fetched from the receipt's own logKeyUrl, which a forger
    // would point at its own key.
    const unnamed = await verify(receiptPath, filePath);
    expect([unnamed.code, unnamed.err]).toEqual([2, expect.stringMatching(/--log/)]);
    expect((await verify(receiptPath, filePath, "--log", "file:///etc/passwd")).code).toBe(2);
    expect((await verify(receiptPath, filePath, "--log", "https://a.example", "--key", keyPath)).code).toBe(
      2,
    );
  });

  it("tree heads are published when the log grew, and consistency proofs connect any two", async () => {
    await ok(holder.ownerC.post("/api/ipregistry/deposits", body(holder.org.id)), 201);
    const h1 = await publishTreeHead(t.database.db, t.config);
    expect(await publishTreeHead(t.database.db, t.config)).toEqual(h1);
    await ok(holder.ownerC.post("/api/ipregistry/deposits", body(holder.org.id, { type: "software" })), 201);
    await ok(holder.ownerC.post("/api/ipregistry/deposits", body(holder.org.id, { type: "database" })), 201);
    const h2 = await publishTreeHead(t.database.db, t.config);
    expect(h2!.treeSize).toBe(h1!.treeSize + 2);
    expect(h2!.timestamp).toBeGreaterThan(h1!.timestamp);
    const heads = await ok<Page<{ treeSize: number }>>(guest.get("/api/public/iplog/tree-heads"));
    expect(heads.items[0]!.treeSize).toBe(h2!.treeSize);
    const c = await ok<{ proof: string[] }>(
      guest.get(`/api/public/iplog/consistency?first=${h1!.treeSize}&second=${h2!.treeSize}`),
    );
    const s = { sha256 };
    const args = [h1!.treeSize, h2!.treeSize, c.proof.map(fromHex), fromHex(h1!.rootHash)] as const;
    expect(await verifyConsistency(s, ...args, fromHex(h2!.rootHash))).toBe(true);
    expect(await verifyConsistency(s, ...args, fromHex(h1!.rootHash))).toBe(false);
    expectProblem(
      await guest.get(`/api/public/iplog/consistency?first=${h2!.treeSize}&second=${h1!.treeSize}`),
      400,
    );
    expectProblem(await guest.get(`/api/public/iplog/consistency?first=1&second=${h2!.treeSize + 5}`), 404);
    const rows = await t.database.db.select().from(ipTreeHeads);
    expect(rows.every((h) => h.keyId.length > 0)).toBe(true);
  });

  it("the public register lists title, holder and date, with Russian search, never the file", async () => {
    const page = await ok<Page<Record<string, unknown>>>(
      guest.get("/api/public/iplog/register?q=очистка%20вод"),
    );
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({ holderName: "ООО «Чистая вода»" });
    expect(page.items[0]).not.toHaveProperty("fileSha256");
    const none = await ok<Page<unknown>>(guest.get("/api/public/iplog/register?q=квантовый%20телепорт"));
    expect(none.total).toBe(0);
    const all = await t.database.db.select({ n: ipDeposits.leafIndex }).from(ipDeposits);
    expect(new Set(all.map((x) => x.n)).size).toBe(all.length);
  });
});

describe("the database keeps the log append-only", () => {
  /** The database's refusal, whatever wraps it (the driver's error or drizzle's around it). */
  async function refusal(p: Promise<unknown>): Promise<string> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, "the database accepted the change").not.toBeNull();
    const e = err as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
  }
  const db = () => t.database.db;
  const firstLeaf = async () => {
    const [leaf] = await db().select().from(ipDeposits).where(eq(ipDeposits.leafIndex, 0));
    if (!leaf) throw new Error("no leaf 0");
    return leaf;
  };

  it("an UPDATE or a DELETE of a leaf is refused, and the leaf stays as deposited", async () => {
    const leaf = await firstLeaf();
    expect(
      await refusal(
        db().update(ipDeposits).set({ title: "Подменённое название" }).where(eq(ipDeposits.id, leaf.id)),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(
        db()
          .update(ipDeposits)
          .set({ fileSha256: "0".repeat(64) })
          .where(eq(ipDeposits.id, leaf.id)),
      ),
    ).toMatch(/append-only/);
    expect(await refusal(db().delete(ipDeposits).where(eq(ipDeposits.id, leaf.id)))).toMatch(/append-only/);
    expect(await firstLeaf()).toEqual(leaf);
  });

  it("subtree hashes and signed tree heads can be neither changed nor deleted; no log table is truncated", async () => {
    await publishTreeHead(t.database.db, t.config);
    const heads = () => db().select().from(ipTreeHeads);
    const before = await heads();
    for (const statement of [
      sql`update ip_log_nodes set hash = repeat('0', 64) where level = 0 and index = 0`,
      sql`delete from ip_log_nodes where level = 0 and index = 0`,
      sql`update ip_tree_heads set root_hash = repeat('0', 64)`,
      sql`delete from ip_tree_heads`,
      sql`truncate ip_tree_heads`,
      sql`truncate ip_log_nodes`,
      sql`truncate ip_deposits`,
    ])
      expect(await refusal(db().execute(statement))).toMatch(/append-only/);
    expect(await heads()).toEqual(before);
  });

  it("the depositor (erasure) and the organization (deleted) may only be cleared", async () => {
    const leaf = await firstLeaf();
    expect(
      await refusal(
        db()
          .update(ipDeposits)
          .set({ depositorId: webcrypto.randomUUID() })
          .where(eq(ipDeposits.id, leaf.id)),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(
        db().update(ipDeposits).set({ organizationId: plain.org.id }).where(eq(ipDeposits.id, leaf.id)),
      ),
    ).toMatch(/append-only/);
    await db().update(ipDeposits).set({ depositorId: null }).where(eq(ipDeposits.id, leaf.id));
    expect((await firstLeaf()).depositorId).toBeNull();
  });
});
