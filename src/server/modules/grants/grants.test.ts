import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clusterDate } from "../../../shared/clock.js";
import { makeInn } from "../../../shared/identifiers.js";
import { addWorkingDays } from "../../../shared/workingDays.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import { projectEntries } from "../projects/projects.schema.js";

const t = testAppForFile();
let op: Client;
let expert: Client;
let expertEmail: string;
let otherExpert: Client;
let guest: Client;
let stranger: Client;
let applicant: Awaited<ReturnType<typeof orgWithTeam>>;
let other: Awaited<ReturnType<typeof orgWithTeam>>;

type Item = {
  id: string;
  category: string;
  missing: string[];
  compensation: number;
  documents: { id: string; kind: string }[];
};
type AppView = {
  id: string;
  state: string;
  version: number;
  requested: number;
  approved: number | null;
  dueOn: string | null;
  overdue: boolean;
  returns: number;
  missing: { itemId: string; document: string }[];
  items: Item[];
  events: { move: string; state: string; byOperator: boolean; at: string }[];
  me: { edit: boolean; review: boolean; assigned: boolean };
  experts: { email: string }[];
};
type ProgramView = {
  id: string;
  version: number;
  remaining: number;
  budget: number;
  window: string;
  titleRu: string;
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const RUB = 100;
const inn = () => makeInn("legal", Math.random, { region: "77" });
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const programBody = (o: Record<string, unknown> = {}) => ({
  titleRu: "Компенсация затрат на приобретение оборудования",
  descriptionRu: "Грант возмещает до 50% затрат участника кластера на новое оборудование для производства.",
  legalBasisRu: "Порядок предоставления грантов участникам инновационного кластера",
  legalBasisNumber: "1185-ПП",
  eligibility: {
    participantsOnly: true,
    orgTypes: ["legal_entity"],
    smeCategories: [],
    noTaxDebt: true,
    minAgeMonths: null,
  },
  categories: [
    { category: "equipment", share: 5000, cap: null },
    { category: "software", share: 3000, cap: 1_000_000 * RUB },
  ],
  maxPerApplicant: 5_000_000 * RUB,
  budget: 50_000_000 * RUB,
  opensAt: new Date(Date.now() - 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  checkDays: 10,
  ...o,
});

const item = (o: Record<string, unknown> = {}) => ({
  category: "equipment",
  descriptionRu: "Фрезерный обрабатывающий центр",
  supplierName: "ООО «СтанкоПром»",
  supplierInn: inn(),
  paidOn: "2026-10-01",
  amount: 4_800_000 * RUB,
  amountNoVat: 4_000_000 * RUB,
  ...o,
});

const appBody = (programId: string, organizationId: string, o: Record<string, unknown> = {}) => ({
  programId,
  organizationId,
  titleRu: "Возмещение затрат на фрезерный центр",
  declarations: { no_tax_debt: true, not_bankrupt: true, no_double_funding: true, data_accurate: true },
  kpis: [{ year: 2027, revenue: 120_000_000, jobs: 35, output: 80_000_000 }],
  items: [
    item(),
    item({
      category: "software",
      descriptionRu: "Лицензии САПР",
      amount: 6_000_000 * RUB,
      amountNoVat: 5_000_000 * RUB,
    }),
  ],
  ...o,
});

const contentOf = (a: AppView, body: ReturnType<typeof appBody>, o: Record<string, unknown> = {}) => {
  const { programId: _p, organizationId: _o, ...rest } = body;
  return {
    ...rest,
    items: rest.items.map((it, i) => ({ ...it, id: a.items[i]?.id })),
    version: a.version,
    ...o,
  };
};

async function program(o: Record<string, unknown> = {}) {
  return ok<ProgramView>(op.post("/api/grant-programs", programBody(o)), 201);
}

async function upload(c: Client, itemId: string, kind: string) {
  const { payload, headers } = multipartFile(PDF, `${kind}.pdf`, "application/pdf");
  return c.request("POST", `/api/grant-items/${itemId}/documents/${kind}`, payload, headers);
}

const REQUIRED: Record<string, string[]> = {
  equipment: ["contract", "invoice", "payment_order", "transfer_act"],
  software: ["contract", "invoice", "payment_order", "transfer_act"],
};

async function withDocuments(a: AppView, skip: { item: number; kind: string } | null = null) {
  let last = a;
  for (const [i, it] of a.items.entries())
    for (const kind of REQUIRED[it.category]!)
      if (!(skip && skip.item === i && skip.kind === kind))
        last = await ok<AppView>(upload(applicant.ownerC, it.id, kind), 201);
  return last;
}

async function drafted(programId: string, o: Record<string, unknown> = {}) {
  return ok<AppView>(
    applicant.ownerC.post("/api/grant-applications", appBody(programId, applicant.org.id, o)),
    201,
  );
}

async function submitted(programId: string, o: Record<string, unknown> = {}) {
  const a = await withDocuments(await drafted(programId, o));
  return ok<AppView>(applicant.ownerC.post(`/api/grant-applications/${a.id}/submit`, { version: a.version }));
}

/** Accepted into the review with the expert assigned. */
async function accepted(programId: string, o: Record<string, unknown> = {}) {
  const s = await submitted(programId, o);
  const c = await ok<AppView>(
    op.post(`/api/grant-applications/${s.id}/check`, { decision: "accept", version: s.version }),
  );
  return ok<AppView>(
    op.put(`/api/grant-applications/${s.id}/experts`, { emails: [expertEmail], version: c.version }),
  );
}

async function reviewed(programId: string, o: Record<string, unknown> = {}) {
  const r = await accepted(programId, o);
  const s = r;
  return ok<AppView>(
    expert.post(`/api/grant-applications/${s.id}/review`, {
      items: r.items.map((it) => ({ id: it.id, decision: "accepted" })),
      version: r.version,
    }),
  );
}

beforeAll(async () => {
  const [o, e, e2, u] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { role: "expert" }),
    createUser(t.database, { role: "expert" }),
    createUser(t.database),
  ]);
  expertEmail = e.email;
  [op, expert, otherExpert, stranger] = await Promise.all([
    signedIn(t, o),
    signedIn(t, e),
    signedIn(t, e2),
    signedIn(t, u),
  ]);
  guest = new Client(t.app);
  applicant = await orgWithTeam(t, { shortName: "ООО «Станкотех»", status: "participant" });
  other = await orgWithTeam(t, { shortName: "ООО «Чужая»", status: "participant" });
});

describe("grant programs", () => {
  it("operators create and edit (stale 409); the public reads the list and the page with the budget left", async () => {
    const p = await program();
    expect(p).toMatchObject({ version: 1, window: "open", remaining: 50_000_000 * RUB });
    expectProblem(await stranger.post("/api/grant-programs", programBody()), 403);
    expectProblem(await guest.post("/api/grant-programs", programBody()), 401);
    const bad = expectProblem(
      await op.post(
        "/api/grant-programs",
        programBody({
          closesAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          maxPerApplicant: 60_000_000 * RUB,
        }),
      ),
      400,
    );
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["closesAt", "maxPerApplicant"]);
    const edited = await ok<ProgramView>(
      op.patch(`/api/grant-programs/${p.id}`, { ...programBody({ budget: 60_000_000 * RUB }), version: 1 }),
    );
    expect(edited).toMatchObject({ version: 2, budget: 60_000_000 * RUB });
    const stale = expectProblem(
      await op.patch(`/api/grant-programs/${p.id}`, { ...programBody(), version: 1 }),
      409,
      "grant-program-changed",
    );
    expect(stale.current).toMatchObject({ version: 2 });
    const list = await ok<{ items: ProgramView[] }>(guest.get("/api/grant-programs"));
    expect(list.items.map((x) => x.id)).toContain(p.id);
    expect(await ok<ProgramView>(guest.get(`/api/grant-programs/${p.id}`))).toMatchObject({
      remaining: 60_000_000 * RUB,
    });
  });
});

describe("applications", () => {
  it("the owner drafts with items; the server computes the amount by the shared rule; bad input is field errors", async () => {
    const p = await program();
    const a = await drafted(p.id);
    // 50% of 4 000 000 ₽ + 30% of 5 000 000 ₽ capped at 1 000 000 ₽
    expect(a).toMatchObject({ state: "draft", requested: 3_000_000 * RUB, me: { edit: true } });
    expect(a.items[0]!.missing).toEqual(REQUIRED.equipment);
    expect(a.events.map((e) => e.move)).toEqual(["create"]);
    const bad = expectProblem(
      await applicant.ownerC.post(
        "/api/grant-applications",
        appBody(p.id, applicant.org.id, {
          items: [
            item({ supplierInn: "7707083894", amountNoVat: 5_000_000 * RUB }),
            item({ category: "ip_rights", amount: 10.5 }),
          ],
        }),
      ),
      400,
    );
    expect(Object.keys(fieldErrors(bad))).toEqual(["items.1.amount"]);
    const bad2 = expectProblem(
      await applicant.ownerC.post(
        "/api/grant-applications",
        appBody(p.id, applicant.org.id, {
          items: [
            item({ supplierInn: "7707083895", amountNoVat: 5_000_000 * RUB }),
            item({ category: "ip_rights" }),
          ],
        }),
      ),
      400,
    );
    expect(Object.keys(fieldErrors(bad2)).sort()).toEqual([
      "items.0.amountNoVat",
      "items.0.supplierInn",
      "items.1.category",
    ]);
    // a plain member, a stranger: 404; a guest 401
    expectProblem(
      await applicant.memberC.post("/api/grant-applications", appBody(p.id, applicant.org.id)),
      404,
    );
    expectProblem(await stranger.post("/api/grant-applications", appBody(p.id, applicant.org.id)), 404);
    expectProblem(await guest.post("/api/grant-applications", appBody(p.id, applicant.org.id)), 401);
    // others' applications: 404
    expectProblem(await other.ownerC.get(`/api/grant-applications/${a.id}`), 404);
    expectProblem(await expert.get(`/api/grant-applications/${a.id}`), 404);
    expectProblem(
      await other.ownerC.put(
        `/api/grant-applications/${a.id}`,
        contentOf(a, appBody(p.id, applicant.org.id)),
      ),
      404,
    );
    expectProblem(await upload(other.ownerC, a.items[0]!.id, "contract"), 404);
    // edit: the amount recomputed; stale 409
    const body = appBody(p.id, applicant.org.id);
    const e = await ok<AppView>(
      applicant.adminC.put(
        `/api/grant-applications/${a.id}`,
        contentOf(a, { ...body, items: [body.items[0]!] }),
      ),
    );
    expect(e).toMatchObject({ requested: 2_000_000 * RUB, version: a.version + 1 });
    expect(e.items[0]!.id).toBe(a.items[0]!.id);
    expectProblem(
      await applicant.ownerC.put(`/api/grant-applications/${a.id}`, contentOf(a, body)),
      409,
      "grant-application-changed",
    );
    const mine = await ok<{ items: { id: string }[] }>(applicant.ownerC.get("/api/grant-applications/mine"));
    expect(mine.items.map((x) => x.id)).toContain(a.id);
    expect(
      (await ok<{ items: { id: string }[] }>(other.ownerC.get("/api/grant-applications/mine"))).items.map(
        (x) => x.id,
      ),
    ).not.toContain(a.id);
  });

  it("submitting checks the documents and eligibility, sets the due day in working days, tells the operators", async () => {
    const p = await program();
    const a = await withDocuments(await drafted(p.id), { item: 1, kind: "payment_order" });
    const lacking = expectProblem(
      await applicant.ownerC.post(`/api/grant-applications/${a.id}/submit`, { version: a.version }),
      400,
    );
    expect(Object.keys(fieldErrors(lacking))).toEqual(["items.1.documents"]);
    const full = await ok<AppView>(upload(applicant.ownerC, a.items[1]!.id, "payment_order"), 201);
    const s = await ok<AppView>(
      applicant.ownerC.post(`/api/grant-applications/${a.id}/submit`, { version: full.version }),
    );
    expect(s).toMatchObject({
      state: "submitted",
      dueOn: addWorkingDays(clusterDate(), 10),
      overdue: false,
      me: { edit: false },
    });
    expect(s.events.map((e) => e.move)).toEqual(["create", "submit"]);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "grants.submitted"));
    expect(told.length).toBeGreaterThan(0);
    // not a participant: 409 with the reasons
    await t.database.db
      .update(organizations)
      .set({ status: "registered" })
      .where(eq(organizations.id, applicant.org.id));
    const b = await withDocuments(await drafted(p.id, { declarations: { not_bankrupt: true } }));
    const refused = expectProblem(
      await applicant.ownerC.post(`/api/grant-applications/${b.id}/submit`, { version: b.version }),
      409,
      "grant-not-eligible",
    );
    expect((refused as unknown as { reasons: string[] }).reasons).toEqual(["not-participant", "tax-debt"]);
    await t.database.db
      .update(organizations)
      .set({ status: "participant" })
      .where(eq(organizations.id, applicant.org.id));
    // a closed window
    const closed = await program({
      opensAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expectProblem(
      await applicant.ownerC.post("/api/grant-applications", appBody(closed.id, applicant.org.id)),
      409,
      "grant-window-closed",
    );
  });

  it("the completeness check: the queue oldest first with overdue flagged; returned once with a list; resubmitted; a second return 409", async () => {
    const p = await program();
    const s = await submitted(p.id);
    const older = await submitted(p.id);
    await t.database.rawQuery(
      `update grant_applications set submitted_at = now() - interval '30 days', due_on = '2026-01-12' where id = $1`,
      [older.id],
    );
    const q = await ok<{ items: { id: string; overdue: boolean }[] }>(
      op.get("/api/operator/grant-applications?pageSize=100"),
    );
    const ids = q.items.map((x) => x.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(s.id));
    expect(q.items.find((x) => x.id === older.id)!.overdue).toBe(true);
    expectProblem(await applicant.ownerC.get("/api/operator/grant-applications"), 403);
    // returning needs the list
    const noList = expectProblem(
      await op.post(`/api/grant-applications/${s.id}/check`, { decision: "return", version: s.version }),
      400,
    );
    expect(Object.keys(fieldErrors(noList))).toEqual(["missing"]);
    expectProblem(
      await applicant.ownerC.post(`/api/grant-applications/${s.id}/check`, {
        decision: "accept",
        version: s.version,
      }),
      403,
    );
    const r = await ok<AppView>(
      op.post(`/api/grant-applications/${s.id}/check`, {
        decision: "return",
        missing: [{ itemId: s.items[0]!.id, document: "transfer_act" }],
        comment: "Акт приёма-передачи не подписан поставщиком",
        version: s.version,
      }),
    );
    expect(r).toMatchObject({
      state: "returned",
      returns: 1,
      missing: [{ itemId: s.items[0]!.id, document: "transfer_act" }],
    });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "grants.decided"), eq(notifications.userId, applicant.owner.id)));
    expect(told.length).toBeGreaterThan(0);
    // the applicant fixes and resubmits
    const fixed = await ok<AppView>(upload(applicant.ownerC, s.items[0]!.id, "transfer_act"), 201);
    const again = await ok<AppView>(
      applicant.ownerC.post(`/api/grant-applications/${s.id}/submit`, { version: fixed.version }),
    );
    expect(again.state).toBe("submitted");
    expect(again.events.map((e) => e.move)).toEqual(["create", "submit", "return", "resubmit"]);
    expect(again.events.map((e) => e.byOperator)).toEqual([false, false, true, false]);
    expectProblem(
      await op.post(`/api/grant-applications/${s.id}/check`, {
        decision: "return",
        missing: [{ itemId: s.items[0]!.id, document: "invoice" }],
        version: again.version,
      }),
      409,
      "grant-returned-once",
    );
    const accepted = await ok<AppView>(
      op.post(`/api/grant-applications/${s.id}/check`, { decision: "accept", version: again.version }),
    );
    expect(accepted.state).toBe("review");
    // an illegal move: accepting again
    expectProblem(
      await op.post(`/api/grant-applications/${s.id}/check`, {
        decision: "accept",
        version: accepted.version,
      }),
      409,
      "grant-application-changed",
    );
  });

  it("the expert review recomputes the amount; the commission approves within it or refuses with reasons", async () => {
    const p = await program();
    const r = await accepted(p.id);
    const s = r;
    // the assigned expert now sees it; an applicant cannot review
    expect((await ok<AppView>(expert.get(`/api/grant-applications/${s.id}`))).me).toMatchObject({
      review: true,
      assigned: true,
    });
    expectProblem(
      await applicant.ownerC.post(`/api/grant-applications/${s.id}/review`, {
        items: [],
        version: r.version,
      }),
      403,
    );
    const bad = expectProblem(
      await expert.post(`/api/grant-applications/${s.id}/review`, {
        items: [{ id: r.items[0]!.id, decision: "partial", accepted: 5_000_000 * RUB }],
        version: r.version,
      }),
      400,
    );
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["items.0.accepted", "items.0.reason", "items.1"]);
    const done = await ok<AppView>(
      expert.post(`/api/grant-applications/${s.id}/review`, {
        items: [
          {
            id: r.items[0]!.id,
            decision: "partial",
            accepted: 3_000_000 * RUB,
            reason: "Доставка и монтаж не возмещаются",
          },
          { id: r.items[1]!.id, decision: "rejected", reason: "Лицензии оплачены до начала периода" },
        ],
        version: r.version,
      }),
    );
    expect(done).toMatchObject({ state: "commission", approved: 1_500_000 * RUB });
    expectProblem(
      await op.post(`/api/grant-applications/${s.id}/decision`, {
        decision: "approve",
        amount: 2_000_000 * RUB,
        version: done.version,
      }),
      400,
    );
    expectProblem(
      await op.post(`/api/grant-applications/${s.id}/decision`, {
        decision: "refuse",
        version: done.version,
      }),
      400,
    );
    const ok1 = await ok<AppView>(
      op.post(`/api/grant-applications/${s.id}/decision`, { decision: "approve", version: done.version }),
    );
    expect(ok1).toMatchObject({ state: "approved", approved: 1_500_000 * RUB });
    expect((await ok<ProgramView>(guest.get(`/api/grant-programs/${p.id}`))).remaining).toBe(
      48_500_000 * RUB,
    );

    const other2 = await reviewed(p.id);
    const refused = await ok<AppView>(
      op.post(`/api/grant-applications/${other2.id}/decision`, {
        decision: "refuse",
        reason: "Затраты не связаны с проектом",
        version: other2.version,
      }),
    );
    expect(refused).toMatchObject({ state: "refused", approved: null });
    expect(refused.events.map((e) => e.move)).toEqual(["create", "submit", "accept", "review", "refuse"]);
  });

  it("the operator assigns experts: only they read and review it, a member of the applicant is refused, the expert is told", async () => {
    const p = await program();
    const s = await submitted(p.id);
    const c = await ok<AppView>(
      op.post(`/api/grant-applications/${s.id}/check`, { decision: "accept", version: s.version }),
    );
    // accepted, nobody assigned: no expert reads or reviews it
    expectProblem(await expert.get(`/api/grant-applications/${s.id}`), 404);
    const items = c.items.map((it) => ({ id: it.id, decision: "accepted" }));
    expectProblem(
      await expert.post(`/api/grant-applications/${s.id}/review`, { items, version: c.version }),
      404,
    );
    // an expert of the applying organization: a conflict of interest; an unknown e-mail: a field error
    const insider = await createUser(t.database, { role: "expert" });
    await addMember(t.database, applicant.org.id, insider.id, "member");
    expectProblem(
      await op.put(`/api/grant-applications/${s.id}/experts`, {
        emails: [expertEmail, insider.email],
        version: c.version,
      }),
      409,
      "grant-conflict-of-interest",
    );
    const unknown = expectProblem(
      await op.put(`/api/grant-applications/${s.id}/experts`, {
        emails: [applicant.owner.email],
        version: c.version,
      }),
      400,
    );
    expect(Object.keys(fieldErrors(unknown))).toEqual(["emails.0"]);
    // only operators assign
    expectProblem(
      await expert.put(`/api/grant-applications/${s.id}/experts`, {
        emails: [expertEmail],
        version: c.version,
      }),
      403,
    );
    const a = await ok<AppView>(
      op.put(`/api/grant-applications/${s.id}/experts`, { emails: [expertEmail], version: c.version }),
    );
    expect(a.experts.map((e) => e.email)).toEqual([expertEmail]);
    const [note] = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "grants.assigned"),
          eq(notifications.link, `/grants/applications/${s.id}`),
        ),
      );
    expect(note).toBeTruthy();
    // the assigned expert reads it (the expert list is the operators'), sees it in their list; another 404
    const seen = await ok<AppView>(expert.get(`/api/grant-applications/${s.id}`));
    expect(seen.me).toMatchObject({ review: true, assigned: true });
    expect(seen.experts).toEqual([]);
    const mine = await ok<{ items: { id: string }[] }>(expert.get("/api/grant-applications/assigned"));
    expect(mine.items.map((i) => i.id)).toContain(s.id);
    const theirs = await ok<{ items: { id: string }[] }>(otherExpert.get("/api/grant-applications/assigned"));
    expect(theirs.items.map((i) => i.id)).not.toContain(s.id);
    expectProblem(await otherExpert.get(`/api/grant-applications/${s.id}`), 404);
    expectProblem(
      await otherExpert.post(`/api/grant-applications/${s.id}/review`, { items, version: a.version }),
      404,
    );
    const done = await ok<AppView>(
      expert.post(`/api/grant-applications/${s.id}/review`, { items, version: a.version }),
    );
    expect(done.state).toBe("commission");
    // after the review the experts stay as they were
    expectProblem(
      await op.put(`/api/grant-applications/${s.id}/experts`, {
        emails: [expertEmail],
        version: done.version,
      }),
      409,
      "grant-application-changed",
    );
  });

  it("the maximum is per applicant: a second application of the same organization gets only the rest", async () => {
    const p = await program({ maxPerApplicant: 3_000_000 * RUB });
    const first = await reviewed(p.id);
    await ok(
      op.post(`/api/grant-applications/${first.id}/decision`, {
        decision: "approve",
        amount: 2_000_000 * RUB,
        version: first.version,
      }),
    );
    const second = await reviewed(p.id);
    const over = expectProblem(
      await op.post(`/api/grant-applications/${second.id}/decision`, {
        decision: "approve",
        amount: 2_000_000 * RUB,
        version: second.version,
      }),
      409,
      "grant-applicant-cap",
    );
    expect(over.remaining).toBe(1_000_000 * RUB);
    const done = await ok<AppView>(
      op.post(`/api/grant-applications/${second.id}/decision`, {
        decision: "approve",
        amount: 1_000_000 * RUB,
        version: second.version,
      }),
    );
    expect(done).toMatchObject({ state: "approved", approved: 1_000_000 * RUB });
  });

  it("an operator who belongs to the applying organization never decides on its application", async () => {
    const p = await program();
    const s = await submitted(p.id);
    const insider = await createUser(t.database, { role: "operator" });
    await addMember(t.database, applicant.org.id, insider.id, "member");
    const mine = await signedIn(t, insider);
    expectProblem(
      await mine.post(`/api/grant-applications/${s.id}/check`, { decision: "accept", version: s.version }),
      403,
      "own-organization",
    );
    const still = await ok<AppView>(applicant.ownerC.get(`/api/grant-applications/${s.id}`));
    expect(still.state).toBe("submitted");
  });

  it("the budget is never over-committed: two approvals racing for the last money, one wins, the other 409", async () => {
    // each approval is 3 000 000 ₽; the budget has room for one
    const p = await program({ budget: 5_000_000 * RUB, maxPerApplicant: 5_000_000 * RUB });
    const a = await reviewed(p.id);
    const b = await reviewed(p.id);
    const res = await Promise.all(
      [a, b].map((x) =>
        op.post(`/api/grant-applications/${x.id}/decision`, { decision: "approve", version: x.version }),
      ),
    );
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = expectProblem(res.find((r) => r.statusCode === 409)!, 409, "grant-budget-exhausted");
    expect((lost as unknown as { remaining: number }).remaining).toBe(2_000_000 * RUB);
    expect((await ok<ProgramView>(guest.get(`/api/grant-programs/${p.id}`))).remaining).toBe(2_000_000 * RUB);
  });

  it("the agreement and the payment: the grant becomes confirmed city support on the applicant's project", async () => {
    const project = await ok<{ id: string }>(
      applicant.ownerC.post("/api/projects", {
        leadOrganizationId: applicant.org.id,
        titleRu: "Серийное производство корпусов приборов",
        descriptionRu: "Механическая обработка корпусов приборов учёта на новом оборудовании.",
        stage: "production",
        trl: 8,
      }),
      201,
    );
    const p = await program();
    const c = await reviewed(p.id, { projectId: project.id });
    const ap = await ok<AppView>(
      op.post(`/api/grant-applications/${c.id}/decision`, { decision: "approve", version: c.version }),
    );
    const { payload, headers } = multipartFile(PDF, "agreement.pdf", "application/pdf");
    const signed = await ok<AppView>(
      op.request(
        "POST",
        `/api/grant-applications/${c.id}/agreement?applicantSignedOn=2026-12-01&operatorSignedOn=2026-12-03&version=${ap.version}`,
        payload,
        headers,
      ),
    );
    expect(signed).toMatchObject({
      state: "agreement",
      applicantSignedOn: "2026-12-01",
      operatorSignedOn: "2026-12-03",
    });
    const agreementFile = await applicant.ownerC.get(`/api/grant-applications/${c.id}/agreement`);
    expect(agreementFile.statusCode).toBe(200);
    const paid = await ok<AppView>(
      op.post(`/api/grant-applications/${c.id}/payment`, { paidOn: "2026-12-04", version: signed.version }),
    );
    expect(paid.state).toBe("paid");
    const entries = await t.database.db
      .select()
      .from(projectEntries)
      .where(eq(projectEntries.projectId, project.id));
    expect(entries).toEqual([
      expect.objectContaining({ kind: "support", state: "confirmed", amount: 3_000_000 }),
    ]);
    const pub = await ok<{ totals: { support: number } }>(guest.get(`/api/projects/${project.id}`));
    expect(pub.totals.support).toBe(3_000_000);
  });
});
