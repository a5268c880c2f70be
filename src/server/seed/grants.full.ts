// The full-scale part of the grants' seed (`--scale full`, the benchmark): beside the demo's 30
// applications, 2,000 more (2,030 in all) across the demo's three programs, each with 10 expense items,
// its dated timeline and, once accepted into the review, an assigned expert (never a member of the
// applicant). States in the proportions of a working programme (the closed program's applications all
// decided); the reviewed ones with each item's decision. A program's committed approvals never exceed its
// budget: an approval that would is a refusal for the budget's exhaustion instead. An organization's asks
// in a program (the demo's counted) sum to at most the program's maximum per applicant, and so do its
// approvals (never above the ask), as the commission's 409 grant-applicant-cap wants. Deterministic: a PRNG
// of its own with a fixed seed. Idempotent: applications are added up to the count, nothing when there
// (the benchmark tops up a database seeded before them).

import { sql } from "drizzle-orm";
import {
  GRANT_COMMITTED,
  type GrantCategory,
  type GrantState,
  grantAmount,
  type ProgramCategory,
} from "../../shared/grants.js";
import { makeInn } from "../../shared/identifiers.js";
import { addWorkingDays } from "../../shared/workingDays.js";
import { rows } from "../core/db.js";
import type { SeedContext } from "../core/seed.js";
import { grantApplications, grantEvents, grantExperts, grantItems } from "../modules/grants/grants.schema.js";
import { AFTER, PATH } from "./grants.js";
import { insertBatches, mulberry32, Random } from "./organizations.js";

const DAY = 24 * 3600_000;
const RUB = 100;

export const FULL_GRANT_APPLICATIONS = 2030;
export const FULL_GRANT_ITEMS = 10;

export type ProgramSlot = {
  id: string;
  categories: ProgramCategory[];
  maxPerApplicant: number;
  budget: number;
  /** Kopecks already committed (the demo's approvals). */
  committed: number;
  /** Kopecks the organizations already requested in the program (organization id → sum; the demo's). */
  requestedBy?: ReadonlyMap<string, number>;
  opensAt: number;
  closesAt: number;
  checkDays: number;
};
export type Applicant = { id: string; owner: string };

type AppRow = typeof grantApplications.$inferInsert & { id: string };
type ItemRow = typeof grantItems.$inferInsert;
type EventRow = typeof grantEvents.$inferInsert;
type ExpertRow = typeof grantExperts.$inferInsert;

/** What is bought, from whom, and the range of its price without VAT in thousands of rubles. */
const ITEMS: Record<GrantCategory, [what: string, supplier: string, from: number, to: number][]> = {
  equipment: [
    ["Токарный станок с ЧПУ", "ООО «СтанкоПром»", 900, 4_500],
    ["Промышленный 3D-принтер для печати полимерами", "ООО «Аддитивные технологии»", 400, 2_500],
    ["Лабораторный спектрофотометр", "ООО «Аналитприбор»", 300, 1_800],
    ["Климатическая камера для испытаний электроники", "АО «Испытательные системы»", 600, 3_200],
    ["Паяльная станция с инфракрасным подогревом", "ООО «Электронное оборудование»", 80, 450],
    ["Осциллограф цифровой, 4 канала", "ООО «Измерительная техника»", 120, 900],
    ["Компрессор винтовой для производственного участка", "ООО «Пневмотехника»", 250, 1_200],
    ["Стенд контроля герметичности", "ООО «Метрология и контроль»", 350, 1_600],
  ],
  software: [
    ["Лицензии САПР для конструкторского бюро на год", "ООО «Инженерные программы»", 150, 1_200],
    ["Система управления производством (MES), модуль планирования", "АО «Цифровое производство»", 400, 2_400],
    ["Лицензии ПО для моделирования методом конечных элементов", "ООО «Вычислительная механика»", 200, 1_500],
    ["Система управления жизненным циклом изделия (PLM)", "АО «Цифровое производство»", 300, 2_000],
  ],
  utility_connection: [
    ["Технологическое присоединение к электрическим сетям", "ПАО «Россети Московский регион»", 500, 4_000],
    ["Подключение к сетям водоснабжения и водоотведения", "АО «Мосводоканал»", 300, 2_200],
    ["Подключение к тепловым сетям", "ПАО «МОЭК»", 400, 2_800],
  ],
  real_estate: [
    ["Производственное помещение, Зеленоград", "ООО «Технопарк-Девелопмент»", 3_000, 9_000],
    ["Лабораторное помещение в технопарке", "АО «Технопарк «Калибр»»", 2_000, 7_000],
  ],
  ip_rights: [
    ["Исключительное право на изобретение", "ООО «Патентные решения»", 300, 2_500],
    ["Лицензия на полезную модель", "ООО «Патентные решения»", 150, 1_200],
    ["Исключительное право на программу для ЭВМ", "ООО «Центр трансфера технологий»", 200, 1_800],
  ],
};

const STATE_WEIGHTS: [GrantState, number][] = [
  ["draft", 8],
  ["submitted", 12],
  ["returned", 5],
  ["review", 10],
  ["commission", 7],
  ["approved", 6],
  ["refused", 18],
  ["agreement", 5],
  ["paid", 12],
];
/** A closed program's applications are all decided. */
const CLOSED_WEIGHTS = STATE_WEIGHTS.filter(([s]) =>
  ["approved", "refused", "agreement", "paid"].includes(s),
);

const REFUSALS = [
  "Затраты не связаны с производством инновационной продукции, заявленной в проекте",
  "Плановые показатели не обоснованы: выручка растёт быстрее, чем позволяет объём производства",
  "Организация получала средства бюджета города на те же затраты",
];
const BUDGET_REFUSAL = "Лимит бюджетных ассигнований программы на текущий год исчерпан";
const RETURN_COMMENT = "Не приложены платёжные поручения по третьей позиции";

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `count` applications across the programs (their budgets kept: an approval that does not fit is refused
 * for the exhausted budget), 10 items each, the timeline and the experts of the accepted ones.
 */
export function fullGrants(
  seed: number,
  now: number,
  count: number,
  programs: ProgramSlot[],
  applicants: Applicant[],
  experts: string[],
  /** "expertId:organizationId" of the experts' memberships: never assigned to their own organization. */
  conflicts: Set<string>,
  operatorId: string | null,
) {
  const r = new Random(mulberry32(seed));
  const apps: AppRow[] = [];
  const items: ItemRow[] = [];
  const events: EventRow[] = [];
  const assigned: ExpertRow[] = [];
  const committed = new Map(programs.map((p) => [p.id, p.committed]));
  const requestedIn = new Map(programs.map((p) => [p.id, new Map(p.requestedBy)]));
  for (let n = 0; n < count; n++) {
    const p = programs[n % programs.length]!;
    const closed = p.closesAt < now;
    let state = r.weighted(closed ? CLOSED_WEIGHTS : STATE_WEIGHTS);
    const id = r.uuid();
    const last = Math.min(p.closesAt, now) - 4 * DAY;
    const created = p.opensAt + r.int(0, Math.max(1, Math.floor((last - p.opensAt) / DAY))) * DAY;
    const list = Array.from({ length: FULL_GRANT_ITEMS }, (_, i) => {
      const cat = r.pick(p.categories).category;
      const [what, supplier, from, to] = r.pick(ITEMS[cat]);
      const noVat = r.int(from, to) * 1000 * RUB + r.int(0, 99) * RUB;
      return {
        id: r.uuid(),
        position: i,
        category: cat,
        descriptionRu: what,
        supplierName: supplier,
        supplierInn: makeInn("legal", r.rng, { region: "77" }),
        paidOn: dayOf(created - r.int(20, 200) * DAY),
        amountNoVat: noVat,
        amount: cat === "ip_rights" ? noVat : noVat + Math.floor(noVat / 5),
      };
    });
    const requested = grantAmount(p, list).total;
    // The maximum is per applicant across its applications to the program (409 grant-applicant-cap):
    // an organization asks in all at most that, so its approvals, never above what it asked, stay under.
    const asked = requestedIn.get(p.id)!;
    const fits = (a: Applicant) => (asked.get(a.id) ?? 0) + requested <= p.maxPerApplicant;
    let org = r.pick(applicants);
    for (let tries = 0; !fits(org) && tries < 20; tries++) org = r.pick(applicants);
    if (!fits(org)) {
      const free = applicants.find(fits);
      if (!free) continue;
      org = free;
    }
    asked.set(org.id, (asked.get(org.id) ?? 0) + requested);
    const reviewed = list.map((it) => {
      const d = r.weighted([
        ["accepted", 82],
        ["partial", 12],
        ["rejected", 6],
      ] as const);
      return d === "accepted"
        ? { ...it, review: d, accepted: it.amountNoVat, reviewReason: null }
        : d === "partial"
          ? {
              ...it,
              review: d,
              accepted: Math.floor(it.amountNoVat * 0.7),
              reviewReason: "Часть затрат — доставка и пусконаладка, программой не возмещаются",
            }
          : {
              ...it,
              review: d,
              accepted: 0,
              reviewReason: "Оплата произведена до начала периода, за который возмещаются затраты",
            };
    });
    let approved = PATH[state]!.includes("review") ? grantAmount(p, reviewed).total : null;
    let reason: string | null = null;
    if (GRANT_COMMITTED.includes(state)) {
      const left = p.budget - committed.get(p.id)!;
      if (approved! > left) {
        state = "refused";
        reason = BUDGET_REFUSAL;
      } else committed.set(p.id, committed.get(p.id)! + approved!);
    }
    if (state === "refused") {
      reason ??= r.pick(REFUSALS);
      approved = null;
    }
    if (state === "returned") reason = RETURN_COMMENT;
    const path = PATH[state]!;
    const span = Math.max(4, Math.floor((now - created) / DAY) - 1);
    const step = Math.max(1, Math.floor(span / (path.length + 1)));
    const times = path.map((_, i) =>
      Math.min(created + (3 + i * step) * DAY, now - (path.length - i) * 3600_000),
    );
    if (state === "submitted" && times[0]) times[0] = now - r.int(0, 20) * DAY;
    const submitAt = path.length ? times[path.lastIndexOf("submit")]! : null;
    const lastAt = times.at(-1) ?? created;
    apps.push({
      id,
      programId: p.id,
      organizationId: org.id,
      authorId: org.owner,
      state,
      titleRu: `Возмещение затрат: ${list[0]!.descriptionRu.toLowerCase()} и другие (${FULL_GRANT_ITEMS} статей)`,
      declarations: { no_tax_debt: true, not_bankrupt: true, no_double_funding: true, data_accurate: true },
      kpis: [1, 2, 3].map((k) => ({
        year: new Date(now).getUTCFullYear() + k,
        revenue: r.int(20, 400) * 1_000_000 + k * 10_000_000,
        jobs: r.int(5, 120) + k * 3,
        output: r.int(10, 300) * 1_000_000 + k * 8_000_000,
      })),
      requested,
      approved,
      submittedAt: submitAt ? new Date(submitAt) : null,
      dueOn: submitAt ? addWorkingDays(dayOf(submitAt + 3 * 3600_000), p.checkDays) : null,
      returns: path.includes("return") ? 1 : 0,
      missing: state === "returned" ? [{ itemId: list[2]!.id, document: "payment_order" }] : [],
      reason,
      applicantSignedOn: ["agreement", "paid"].includes(state) ? dayOf(lastAt - 3 * DAY) : null,
      operatorSignedOn: ["agreement", "paid"].includes(state) ? dayOf(lastAt - DAY) : null,
      paidOn: state === "paid" ? dayOf(lastAt) : null,
      createdAt: new Date(created),
      updatedAt: new Date(lastAt),
    });
    const isReviewed = path.includes("review");
    for (const it of isReviewed ? reviewed : list) items.push({ ...it, applicationId: id });
    events.push({
      applicationId: id,
      move: "create",
      state: "draft",
      actorId: org.owner,
      at: new Date(created),
    });
    for (const [i, move] of path.entries())
      events.push({
        applicationId: id,
        move,
        state: AFTER[move]!,
        actorId: move === "submit" ? org.owner : operatorId,
        byOperator: move !== "submit",
        note:
          move === "return"
            ? { missing: [{ itemId: list[2]!.id, document: "payment_order" }], comment: RETURN_COMMENT }
            : move === "review" || move === "approve"
              ? { approved }
              : move === "refuse"
                ? { reason }
                : {},
        at: new Date(times[i]!),
      });
    if (path.includes("accept") && experts.length) {
      let expert = r.pick(experts);
      for (let i = 0; conflicts.has(`${expert}:${org.id}`) && i < 20; i++) expert = r.pick(experts);
      if (!conflicts.has(`${expert}:${org.id}`))
        assigned.push({
          applicationId: id,
          userId: expert,
          assignedBy: operatorId,
          createdAt: new Date(times[path.indexOf("accept")]!),
        });
    }
  }
  return { applications: apps, items, events, experts: assigned };
}

/** Adds the full scale's applications up to their count; nothing when they are there already. */
export async function seedFullGrants(ctx: SeedContext) {
  const { db } = ctx;
  const now = Date.now();
  const [have] = await rows<{ n: number }>(db, sql`select count(*)::int as n from grant_applications`);
  const missing = FULL_GRANT_APPLICATIONS - (have?.n ?? 0);
  if (missing <= 0) return;
  const programs = (
    await rows<{
      id: string;
      categories: ProgramCategory[];
      max: string;
      budget: string;
      committed: string;
      opens: Date | string;
      closes: Date | string;
      days: number;
    }>(
      db,
      sql`select p.id, p.categories, p.max_per_applicant::text as max, p.budget::text,
            (select coalesce(sum(a.approved), 0)::text from grant_applications a
              where a.program_id = p.id and a.state::text in ('approved', 'agreement', 'paid', 'reporting', 'closed', 'refund_required')) as committed,
            p.opens_at as opens, p.closes_at as closes, p.check_days as days
          from grant_programs p order by p.created_at, p.id`,
    )
  ).map((p) => ({
    id: p.id,
    categories: p.categories,
    maxPerApplicant: Number(p.max),
    budget: Number(p.budget),
    committed: Number(p.committed),
    opensAt: new Date(p.opens).getTime(),
    closesAt: new Date(p.closes).getTime(),
    checkDays: p.days,
    requestedBy: new Map<string, number>(),
  }));
  // what each organization already asked in each program (the demo's applications)
  for (const a of await rows<{ program: string; org: string; requested: string }>(
    db,
    sql`select program_id as program, organization_id as org, sum(requested)::text as requested
        from grant_applications group by program_id, organization_id`,
  )) {
    const p = programs.find((x) => x.id === a.program);
    if (p) p.requestedBy.set(a.org, Number(a.requested));
  }
  const applicants = await rows<Applicant>(
    db,
    sql`select o.id, m.user_id as owner from organizations o
        join memberships m on m.organization_id = o.id and m.role = 'owner'
        where o.type = 'legal_entity' and o.verified_at is not null and o.region_code = '77'
          and o.status::text = 'participant'
        order by o.inn, o.id limit 3000`,
  );
  const experts = (
    await rows<{ id: string }>(db, sql`select id from users where role = 'expert' order by email limit 40`)
  ).map((e) => e.id);
  const conflicts = new Set(
    (
      await rows<{ k: string }>(
        db,
        sql`select m.user_id || ':' || m.organization_id as k from memberships m
            join users u on u.id = m.user_id where u.role = 'expert'`,
      )
    ).map((c) => c.k),
  );
  const [operator] = await rows<{ id: string }>(
    db,
    sql`select id from users where role = 'operator' order by email limit 1`,
  );
  if (!programs.length || !applicants.length) return;
  const g = fullGrants(
    20261207,
    now,
    missing,
    programs,
    applicants,
    experts,
    conflicts,
    operator?.id ?? null,
  );
  await insertBatches(ctx, "grant applications", g.applications, (b) =>
    db.insert(grantApplications).values(b),
  );
  await insertBatches(ctx, "grant items", g.items, (b) => db.insert(grantItems).values(b));
  await insertBatches(ctx, "grant events", g.events, (b) => db.insert(grantEvents).values(b));
  await insertBatches(ctx, "grant experts", g.experts, (b) => db.insert(grantExperts).values(b));
  for (const t of ["grant_applications", "grant_items", "grant_events", "grant_experts"])
    await db.execute(sql.raw(`analyze ${t}`));
}
