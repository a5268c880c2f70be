import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { rows } from "../../core/db.js";
import { pageMeta } from "../../seo.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import { listingNdaAcceptances } from "./listings.details.schema.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let stranger: Client;
let customer: Awaited<ReturnType<typeof orgWithTeam>>;
let maker: Awaited<ReturnType<typeof orgWithTeam>>;
let unverified: Awaited<ReturnType<typeof orgWithTeam>>;

type FileView = { id: string; name: string; size: number; contentType: string; pending: boolean };
type View = {
  id: string;
  version: number;
  titleRu: string;
  state: string;
  pending: { state: string } | null;
  rejectReason: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  values: Record<string, unknown>;
  files: FileView[];
  nda: { hidden: boolean; version: string; acceptances: { organization: { id: string } }[] } | null;
};

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const STEP = Buffer.from(
  "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('корпус'),'2;1');\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n",
);
const DXF = Buffer.from("  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1027\n  0\nENDSEC\n  0\nEOF\n");
const DWG = Buffer.concat([Buffer.from("AC1032"), Buffer.alloc(120, 0)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);

/** A word only the order's description has (the catalog must not find it through an NDA). */
const SECRET = "термостабилизированный";

const rfq = (orgId: string, o: { nda?: boolean; description?: string; title?: string } = {}) => ({
  organizationId: orgId,
  kind: "rfq",
  titleRu: o.title ?? "Корпус прибора из алюминия, партия 500 штук",
  descriptionRu: o.description ?? `Нужен ${SECRET} корпус по чертежу, допуск 0,01 мм, анодирование.`,
  values: {
    process: "cnc_milling",
    materials: ["aluminium"],
    quantity: 500,
    budget: 750_000,
    deadline: "2099-12-31",
    region: "77",
    ndaRequired: o.nda ?? true,
  },
});

async function published(author: Client, body: ReturnType<typeof rfq>): Promise<View> {
  const res = await author.post("/api/listings", body);
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json() as View;
  const sub = await author.post(`/api/listings/${v.id}/submit`, { version: v.version });
  expect(sub.statusCode, sub.body).toBe(200);
  const ok = await op.post(`/api/operator/listings/${v.id}/decision`, {
    decision: "approve",
    version: (sub.json() as View).version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json() as View;
}

/** The operator decides on the listing (or its change) at its current version. */
async function decided(id: string, decision: "approve" | "reject" = "approve"): Promise<View> {
  const { version } = (await op.get(`/api/listings/${id}`)).json() as View;
  const res = await op.post(`/api/operator/listings/${id}/decision`, {
    decision,
    version,
    ...(decision === "reject" && { reason: "На фото не видно помещения, замените снимок" }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as View;
}

async function draft(author: Client, body: unknown): Promise<View> {
  const res = await author.post("/api/listings", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as View;
}

const upload = (c: Client, id: string, data: Buffer, name: string, type = "application/octet-stream") => {
  const u = multipartFile(data, name, type);
  return c.request("POST", `/api/listings/${id}/files`, u.payload, u.headers);
};

async function uploaded(c: Client, id: string, data: Buffer, name: string): Promise<FileView> {
  const res = await upload(c, id, data, name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FileView;
}

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  customer = await orgWithTeam(t);
  maker = await orgWithTeam(t);
  unverified = await orgWithTeam(t, { verified: false });
});

describe("a listing's files", () => {
  it("takes an order's drawings by their content: PDF, STEP, DXF, DWG and images, listed on the listing", async () => {
    const l = await draft(customer.memberC, rfq(customer.org.id));
    const got = [
      await uploaded(customer.memberC, l.id, PDF, "ТЗ.pdf"),
      await uploaded(customer.memberC, l.id, STEP, "корпус.stp"),
      await uploaded(customer.ownerC, l.id, DXF, "развёртка.dxf"),
      await uploaded(customer.memberC, l.id, DWG, "сборка.DWG"),
      await uploaded(customer.memberC, l.id, PNG, "фото.png"),
    ];
    expect(got.map((f) => f.contentType)).toEqual([
      "application/pdf",
      "model/step",
      "image/vnd.dxf",
      "image/vnd.dwg",
      "image/png",
    ]);
    const view = (await customer.ownerC.get(`/api/listings/${l.id}`)).json() as View;
    expect(view.files.map((f) => f.name)).toEqual([
      "ТЗ.pdf",
      "корпус.stp",
      "развёртка.dxf",
      "сборка.DWG",
      "фото.png",
    ]);
    const dl = await customer.ownerC.get(`/api/listings/${l.id}/files/${got[1]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-type"]).toBe("model/step");
    expect(dl.body).toContain("ISO-10303-21;");
  });

  it("refuses other types, a text signature under another name, and files over 20 MB, in the reader's language", async () => {
    const l = await draft(customer.memberC, rfq(customer.org.id));
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
    for (const [data, name] of [
      [Buffer.from("просто текст"), "чертёж.step"],
      [STEP, "чертёж.txt"],
      [DXF, "план.pdf"],
      [zip, "архив.zip"],
    ] as const) {
      const p = expectProblem(await upload(customer.memberC, l.id, data, name), 400, "validation");
      expect(fieldErrors(p).file).toBe("Файл должен быть в формате PDF, STEP, DWG, DXF, PNG, JPEG или WebP");
    }
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 32)]);
    const p = expectProblem(await upload(customer.adminC, l.id, big, "big.pdf"), 413, "payload-too-large");
    expect(fieldErrors(p).file).toBe("The file must be at most 20 MB");
    // Photos of a capability are images only.
    const cap = await draft(customer.memberC, {
      organizationId: customer.org.id,
      kind: "capability",
      titleRu: "Фрезерная обработка алюминия",
      descriptionRu: "Пятиосевые обрабатывающие центры, партии от одной детали.",
      values: { processes: ["cnc_milling"] },
    });
    const photo = expectProblem(await upload(customer.memberC, cap.id, PDF, "буклет.pdf"), 400);
    expect(fieldErrors(photo).file).toBe("Файл должен быть в формате JPEG, PNG или WebP");
    expect(((await customer.memberC.get(`/api/listings/${l.id}`)).json() as View).files).toEqual([]);
  });

  it("takes at most 10 files a listing", async () => {
    const l = await draft(customer.memberC, rfq(customer.org.id));
    for (let i = 0; i < 10; i++) await uploaded(customer.memberC, l.id, PDF, `лист-${i}.pdf`);
    const p = expectProblem(await upload(customer.memberC, l.id, PDF, "лишний.pdf"), 400);
    expect(fieldErrors(p).file).toBe("К объявлению можно приложить не больше 10 файлов: удалите лишние");
  });

  it("lets only the organization's members upload and delete; deleting audits and removes the download", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id, { nda: false }));
    expectProblem(await upload(stranger, l.id, PDF, "x.pdf"), 404);
    expectProblem(await upload(maker.ownerC, l.id, PDF, "x.pdf"), 404);
    expectProblem(await upload(guest, l.id, PDF, "x.pdf"), 401);
    // A guest's page (kept in the catalog's cache) shows the file once it is approved, and not once it is gone.
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).files).toEqual([]);
    const f = await uploaded(customer.memberC, l.id, PDF, "ТЗ.pdf");
    await decided(l.id);
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).files.map((x) => x.id)).toEqual([
      f.id,
    ]);
    // Not behind an NDA: anyone who reads the listing downloads it.
    expect((await guest.get(`/api/listings/${l.id}/files/${f.id}`)).statusCode).toBe(200);
    expectProblem(await stranger.delete(`/api/listings/${l.id}/files/${f.id}`), 404);
    expectProblem(await maker.ownerC.delete(`/api/listings/${l.id}/files/${f.id}`), 404);
    expect((await customer.adminC.delete(`/api/listings/${l.id}/files/${f.id}`)).statusCode).toBe(204);
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).files).toEqual([]);
    expectProblem(await customer.ownerC.get(`/api/listings/${l.id}/files/${f.id}`), 404);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "listing"), eq(auditLog.entityId, l.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["listing.file_add", "listing.file_delete"]),
    );
    // A file of another listing is not this one's.
    const other = await draft(customer.memberC, rfq(customer.org.id));
    const g = await uploaded(customer.memberC, other.id, PDF, "чужой.pdf");
    expectProblem(await customer.ownerC.get(`/api/listings/${l.id}/files/${g.id}`), 404);
  });
});

describe("files added to a published listing", () => {
  type Queue = {
    items: {
      id: string;
      isChange: boolean;
      version: number;
      content: { titleRu: string };
      published: { titleRu: string } | null;
      files: FileView[];
    }[];
  };
  const catalogGeneration = async () =>
    Number(
      (
        await rows<{ gen: string }>(
          t.database.db,
          sql`select gen from search_generations where catalog = 'listings'`,
        )
      )[0]?.gen,
    );
  const queueItem = async (id: string) =>
    ((await op.get("/api/operator/listings?pageSize=100")).json() as Queue).items.find((i) => i.id === id);

  it("wait for the operator: its organization and operators see and download them, others neither see nor download them until approved", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id, { nda: false }));
    const before = await uploaded(customer.memberC, l.id, PDF, "ТЗ.pdf");
    expect(before.pending).toBe(true);
    await decided(l.id);
    // The guest's page is cached now, with the approved file; a file waiting leaves the cache valid.
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).files).toHaveLength(1);
    const gen = await catalogGeneration();
    const f = await uploaded(customer.memberC, l.id, PNG, "цех.png");
    expect(await catalogGeneration()).toBe(gen);
    for (const c of [guest, stranger, maker.memberC]) {
      const v = (await c.get(`/api/listings/${l.id}`)).json() as View;
      expect(v.files.map((x) => [x.name, x.pending])).toEqual([["ТЗ.pdf", false]]);
      expect(v.pending).toBeNull();
      expectProblem(await c.get(`/api/listings/${l.id}/files/${f.id}`), 404);
      expect((await c.get(`/api/listings/${l.id}/files/${before.id}`)).statusCode).toBe(200);
    }
    // The listing's organization sees it waiting; its change (the published content) is on moderation.
    const mine = (await customer.ownerC.get(`/api/listings/${l.id}`)).json() as View;
    expect(mine.files.map((x) => [x.name, x.pending])).toEqual([
      ["ТЗ.pdf", false],
      ["цех.png", true],
    ]);
    expect(mine).toMatchObject({ state: "published", pending: { state: "moderation" } });
    // The operator's queue has the change with the new file, beside what is published.
    const item = await queueItem(l.id);
    expect(item).toMatchObject({ isChange: true, published: { titleRu: l.titleRu }, version: mine.version });
    expect(item?.files.map((x) => [x.name, x.pending])).toEqual([
      ["ТЗ.pdf", false],
      ["цех.png", true],
    ]);
    for (const c of [customer.memberC, op]) {
      const dl = await c.get(`/api/listings/${l.id}/files/${f.id}`);
      expect(dl.statusCode).toBe(200);
      // A photo opens in the browser; a drawing downloads.
      expect(dl.headers["content-disposition"]).toMatch(/^inline/);
    }
    expect(
      (await customer.memberC.get(`/api/listings/${l.id}/files/${before.id}`)).headers["content-disposition"],
    ).toMatch(/^attachment/);
    // A decision on the version before the file was added is refused: the operator decides on what they saw.
    expectProblem(
      await op.post(`/api/operator/listings/${l.id}/decision`, { decision: "approve", version: l.version }),
      409,
      "listing-changed",
    );
    const approved = await decided(l.id);
    expect(approved.pending).toBeNull();
    expect(await catalogGeneration()).toBeGreaterThan(gen);
    for (const c of [guest, stranger]) {
      const v = (await c.get(`/api/listings/${l.id}`)).json() as View;
      expect(v.files.map((x) => [x.name, x.pending])).toEqual([
        ["ТЗ.pdf", false],
        ["цех.png", false],
      ]);
      expect((await c.get(`/api/listings/${l.id}/files/${f.id}`)).statusCode).toBe(200);
    }
    const audit = await t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.approve"), eq(auditLog.entityId, l.id)));
    expect(audit.map((a) => (a.after as { filesApproved?: string[] }).filesApproved)).toContainEqual([f.id]);
  });

  it("stay hidden when the operator rejects the change; removing the last one withdraws a change of nothing else", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id, { nda: false }));
    const f = await uploaded(customer.memberC, l.id, PNG, "фото.png");
    // A second file joins the change already waiting (which keeps its place in the queue).
    const g = await uploaded(customer.memberC, l.id, PDF, "ТЗ.pdf");
    expect((await queueItem(l.id))?.files.filter((x) => x.pending)).toHaveLength(2);
    const rejected = await decided(l.id, "reject");
    expect(rejected).toMatchObject({ state: "published", pending: { state: "rejected" } });
    expect(await queueItem(l.id)).toBeUndefined();
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).files).toEqual([]);
    expectProblem(await guest.get(`/api/listings/${l.id}/files/${f.id}`), 404);
    expectProblem(await maker.memberC.get(`/api/listings/${l.id}/files/${g.id}`), 404);
    const mine = (await customer.memberC.get(`/api/listings/${l.id}`)).json() as View;
    expect(mine.rejectReason).toBe("На фото не видно помещения, замените снимок");
    expect(mine.files.every((x) => x.pending)).toBe(true);
    // The author removes the rejected files: the change held nothing else, so it is gone.
    expect((await customer.memberC.delete(`/api/listings/${l.id}/files/${f.id}`)).statusCode).toBe(204);
    expect(((await customer.memberC.get(`/api/listings/${l.id}`)).json() as View).pending).toMatchObject({
      state: "rejected",
    });
    expect((await customer.memberC.delete(`/api/listings/${l.id}/files/${g.id}`)).statusCode).toBe(204);
    const after = (await customer.memberC.get(`/api/listings/${l.id}`)).json() as View;
    expect(after).toMatchObject({ state: "published", pending: null, rejectReason: null, files: [] });
    // A new file sends a change to the queue again.
    await uploaded(customer.memberC, l.id, PNG, "новое фото.png");
    expect(await queueItem(l.id)).toMatchObject({ isChange: true });
  });

  it("are refused to an organization no longer verified, changing nothing", async () => {
    const team = await orgWithTeam(t);
    const l = await published(team.memberC, rfq(team.org.id, { nda: false }));
    await t.database.db
      .update(organizations)
      .set({ verifiedAt: null })
      .where(eq(organizations.id, team.org.id));
    expectProblem(await upload(team.memberC, l.id, PNG, "фото.png"), 409, "organization-not-verified");
    const v = (await team.memberC.get(`/api/listings/${l.id}`)).json() as View;
    expect(v).toMatchObject({ files: [], pending: null, version: l.version });
  });

  it("of a draft are approved with the listing's first approval", async () => {
    const d = await draft(customer.memberC, rfq(customer.org.id, { nda: false }));
    const f = await uploaded(customer.memberC, d.id, PNG, "деталь.png");
    const sub = await customer.memberC.post(`/api/listings/${d.id}/submit`, { version: d.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((await queueItem(d.id))?.files.map((x) => [x.id, x.pending])).toEqual([[f.id, true]]);
    await decided(d.id);
    const v = (await guest.get(`/api/listings/${d.id}`)).json() as View;
    expect(v.files.map((x) => [x.id, x.pending])).toEqual([[f.id, false]]);
    expect((await guest.get(`/api/listings/${d.id}/files/${f.id}`)).statusCode).toBe(200);
  });
});

describe("an order behind an NDA", () => {
  it("shows others the public summary only — not the description, the budget or the files, not through the catalog or the download", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id));
    const f = await uploaded(customer.memberC, l.id, PDF, "чертёж.pdf");
    await decided(l.id);
    const open = await published(
      customer.memberC,
      rfq(customer.org.id, {
        nda: false,
        title: "Кронштейн стальной",
        description: `Обычный ${SECRET} кронштейн без NDA.`,
      }),
    );
    for (const c of [guest, stranger, maker.memberC]) {
      const res = await c.get(`/api/listings/${l.id}`);
      expect(res.statusCode).toBe(200);
      const v = res.json() as View;
      expect(v).toMatchObject({ descriptionRu: "", descriptionEn: null, files: [], nda: { hidden: true } });
      expect(v.values).toMatchObject({
        process: "cnc_milling",
        quantity: 500,
        deadline: "2099-12-31",
        region: "77",
      });
      expect(v.values).not.toHaveProperty("budget");
      expect(res.body).not.toContain(SECRET);
      expectProblem(await c.get(`/api/listings/${l.id}/files/${f.id}`), 404);
      const found = await c.get(`/api/listings?kind=rfq&q=${encodeURIComponent(SECRET)}`);
      const ids = (found.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(l.id);
      const all = (await c.get("/api/listings?kind=rfq&pageSize=100")).json() as { items: View[] };
      const card = all.items.find((i) => i.id === l.id);
      expect(card).toMatchObject({ descriptionRu: "", descriptionEn: null });
      expect(card?.values).not.toHaveProperty("budget");
    }
    const page = (await guest.get(`/api/organizations/${customer.org.id}/published-listings`)).json() as {
      items: View[];
    };
    expect(page.items.find((i) => i.id === l.id)).toMatchObject({ descriptionRu: "" });
    // Nor the page's description for search engines.
    const meta = await pageMeta(t.database.db, "https://example.test", `/listings/${l.id}`);
    expect(meta.description).not.toContain(SECRET);
    expect(meta.description).toContain("Корпус прибора");
    // The listing's organization and the operators see everything.
    for (const c of [customer.ownerC, op]) {
      const v = (await c.get(`/api/listings/${l.id}`)).json() as View;
      expect(v.descriptionRu).toContain(SECRET);
      expect(v.values.budget).toBe(750_000);
      expect(v.files.map((x) => x.id)).toEqual([f.id]);
      expect(v.nda?.hidden).toBe(false);
      expect((await c.get(`/api/listings/${l.id}/files/${f.id}`)).statusCode).toBe(200);
    }
  });

  it("opens the details to a verified organization's members once one accepts, recorded with the time, the person and the text's edition, once", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id));
    const f = await uploaded(customer.memberC, l.id, PDF, "чертёж.pdf");
    await decided(l.id);
    const before = Date.now();
    const res = await maker.memberC.post(`/api/listings/${l.id}/nda`, { organizationId: maker.org.id });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    expect(v.descriptionRu).toContain(SECRET);
    expect(v.values.budget).toBe(750_000);
    expect(v.files.map((x) => x.id)).toEqual([f.id]);
    expect(v.nda).toMatchObject({ hidden: false, acceptances: [{ organization: { id: maker.org.id } }] });
    // Every member of the organization now sees the details and downloads the files; others still do not.
    for (const c of [maker.memberC, maker.ownerC]) {
      expect(((await c.get(`/api/listings/${l.id}`)).json() as View).descriptionRu).toContain(SECRET);
      const dl = await c.get(`/api/listings/${l.id}/files/${f.id}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.body).toContain("%PDF-1.7");
    }
    expectProblem(await stranger.get(`/api/listings/${l.id}/files/${f.id}`), 404);
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).descriptionRu).toBe("");
    // A second acceptance for the same organization changes nothing.
    expect(
      (await maker.ownerC.post(`/api/listings/${l.id}/nda`, { organizationId: maker.org.id })).statusCode,
    ).toBe(200);
    const rows = await t.database.db
      .select()
      .from(listingNdaAcceptances)
      .where(eq(listingNdaAcceptances.listingId, l.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: maker.org.id,
      userId: maker.member.id,
      textVersion: v.nda!.version,
    });
    expect(rows[0]!.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.acceptedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.nda_accept"), eq(auditLog.entityId, l.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: maker.member.id });
    // The listing's organization sees who accepted.
    const mine = (await customer.ownerC.get(`/api/listings/${l.id}`)).json() as View;
    expect(mine.nda?.acceptances.map((a) => a.organization.id)).toEqual([maker.org.id]);
  });

  it("is accepted only by a member, for a verified organization other than the listing's, of a listing asking for it", async () => {
    const l = await published(customer.memberC, rfq(customer.org.id));
    expectProblem(await guest.post(`/api/listings/${l.id}/nda`, { organizationId: maker.org.id }), 401);
    expectProblem(await stranger.post(`/api/listings/${l.id}/nda`, { organizationId: maker.org.id }), 404);
    expectProblem(
      await unverified.ownerC.post(`/api/listings/${l.id}/nda`, { organizationId: unverified.org.id }),
      409,
      "organization-not-verified",
    );
    expect(
      fieldErrors(
        expectProblem(
          await customer.ownerC.post(`/api/listings/${l.id}/nda`, { organizationId: customer.org.id }),
          400,
        ),
      ).organizationId,
    ).toBeTruthy();
    const open = await published(customer.memberC, rfq(customer.org.id, { nda: false }));
    expectProblem(
      await maker.ownerC.post(`/api/listings/${open.id}/nda`, { organizationId: maker.org.id }),
      409,
      "listing-no-nda",
    );
    const d = await draft(customer.memberC, rfq(customer.org.id));
    expectProblem(
      await maker.ownerC.post(`/api/listings/${d.id}/nda`, { organizationId: maker.org.id }),
      404,
    );
    expect(
      await t.database.db
        .select()
        .from(listingNdaAcceptances)
        .where(eq(listingNdaAcceptances.listingId, l.id)),
    ).toHaveLength(0);
  });
});
