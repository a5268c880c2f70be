import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { addDays } from "../../shared/dates.js";
import {
  type GrantCategory,
  type GrantState,
  grantAmount,
  grantReportDue,
  type ProgramCategory,
  REQUIRED_DOCUMENTS,
} from "../../shared/grants.js";
import { makeInn } from "../../shared/identifiers.js";
import { addWorkingDays } from "../../shared/workingDays.js";
import type { Db } from "../core/db.js";
import { files } from "../core/files.schema.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import {
  grantApplications,
  grantDocuments,
  grantEvents,
  grantExperts,
  grantItems,
  grantPrograms,
  grantReports,
} from "../modules/grants/grants.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { projects } from "../modules/projects/projects.schema.js";
import { seedFullGrants } from "./grants.full.js";
import { mulberry32, ownedOrganizations } from "./organizations.js";
import { pdfDocument } from "./verification.js";

/*
 * Demo grant programs (src/shared/grants.ts) modelled on Moscow's cost-compensation grants for the
 * cluster's participants — equipment, connection to utility networks, rights to intellectual property.
 * Their legal basis is plausible but invented (a demo, not a citation of a real decree). 30 applications
 * of verified Moscow participants in every state up to the payment, with 2–4 expense items each, their
 * documents, the demo expert assigned to those accepted into the review (small PDFs, when a storage is given) and the dated timeline. Deterministic, dated from now.
 */

const DAY = 24 * 3600_000;
const RUB = 100;

type ProgramPlan = {
  titleRu: string;
  descriptionRu: string;
  legalBasisRu: string;
  legalBasisNumber: string;
  categories: ProgramCategory[];
  maxPerApplicant: number;
  budget: number;
  opens: number;
  closes: number;
  minAgeMonths: number | null;
};

const BASIS =
  "Порядок предоставления грантов участникам Московского инновационного кластера на компенсацию части затрат, утверждённый постановлением Правительства Москвы (демонстрационная редакция)";

const PROGRAMS: ProgramPlan[] = [
  {
    titleRu: "Компенсация затрат на приобретение оборудования",
    descriptionRu:
      "Грант возмещает до 50% затрат участника кластера на приобретение нового оборудования для производства инновационной продукции и до 30% затрат на программное обеспечение для него. Затраты принимаются без НДС, при условии полной оплаты и постановки оборудования на баланс.",
    legalBasisRu: BASIS,
    legalBasisNumber: "1185-ПП",
    categories: [
      { category: "equipment", share: 5000, cap: null },
      { category: "software", share: 3000, cap: 5_000_000 * RUB },
    ],
    maxPerApplicant: 30_000_000 * RUB,
    budget: 400_000_000 * RUB,
    opens: -75,
    closes: 45,
    minAgeMonths: 12,
  },
  {
    titleRu: "Компенсация затрат на подключение к инженерным сетям",
    descriptionRu:
      "Грант возмещает до 50% затрат на технологическое присоединение производственных и лабораторных помещений к электрическим сетям, сетям тепло-, водоснабжения и водоотведения и до 20% затрат на приобретение таких помещений в Москве.",
    legalBasisRu: BASIS,
    legalBasisNumber: "1186-ПП",
    categories: [
      { category: "utility_connection", share: 5000, cap: null },
      { category: "real_estate", share: 2000, cap: 15_000_000 * RUB },
    ],
    maxPerApplicant: 20_000_000 * RUB,
    budget: 150_000_000 * RUB,
    opens: -300,
    closes: -150,
    minAgeMonths: 24,
  },
  {
    titleRu: "Компенсация затрат на приобретение прав на результаты интеллектуальной деятельности",
    descriptionRu:
      "Грант возмещает до 50% затрат на приобретение исключительных прав или лицензий на изобретения, полезные модели и программы для ЭВМ, используемые в собственном производстве, при условии государственной регистрации перехода прав.",
    legalBasisRu: BASIS,
    legalBasisNumber: "1187-ПП",
    categories: [
      { category: "ip_rights", share: 5000, cap: null },
      { category: "software", share: 5000, cap: 3_000_000 * RUB },
    ],
    maxPerApplicant: 10_000_000 * RUB,
    budget: 60_000_000 * RUB,
    opens: -40,
    closes: 80,
    minAgeMonths: null,
  },
];

const ITEMS: Record<GrantCategory, [string, string][]> = {
  equipment: [
    ["Пятиосевой фрезерный обрабатывающий центр", "ООО «СтанкоПром»"],
    ["Установка селективного лазерного спекания металлов", "АО «Лазерные системы»"],
    ["Координатно-измерительная машина", "ООО «Метрология и контроль»"],
    ["Линия поверхностного монтажа печатных плат", "ООО «Электронное оборудование»"],
  ],
  software: [
    ["Лицензии САПР для конструкторского бюро на 3 года", "ООО «Инженерные программы»"],
    ["Система управления производством (MES)", "АО «Цифровое производство»"],
  ],
  utility_connection: [
    ["Технологическое присоединение к электрическим сетям, 450 кВт", "ПАО «Россети Московский регион»"],
    ["Подключение к сетям водоснабжения и водоотведения", "АО «Мосводоканал»"],
  ],
  real_estate: [["Производственное помещение 1 200 м², Зеленоград", "ООО «Технопарк-Девелопмент»"]],
  ip_rights: [
    ["Исключительное право на изобретение «Способ очистки сточных вод»", "ФГБОУ ВО «МГТУ-Тест»"],
    ["Лицензия на полезную модель «Датчик утечки газа»", "ООО «Патентные решения»"],
  ],
};

/** The 30 applications' states: every one up to the payment, most where the operator's work waits. */
const STATES: GrantState[] = [
  ...Array<GrantState>(4).fill("draft"),
  ...Array<GrantState>(6).fill("submitted"),
  ...Array<GrantState>(3).fill("returned"),
  ...Array<GrantState>(4).fill("review"),
  ...Array<GrantState>(3).fill("commission"),
  ...Array<GrantState>(3).fill("approved"),
  ...Array<GrantState>(2).fill("refused"),
  ...Array<GrantState>(2).fill("agreement"),
  ...Array<GrantState>(3).fill("paid"),
];

/** The moves that lead to a state, in order. */
export const PATH: Record<string, string[]> = {
  draft: [],
  submitted: ["submit"],
  returned: ["submit", "return"],
  review: ["submit", "accept"],
  commission: ["submit", "accept", "review"],
  approved: ["submit", "accept", "review", "approve"],
  refused: ["submit", "accept", "review", "refuse"],
  agreement: ["submit", "accept", "review", "approve", "sign"],
  paid: ["submit", "accept", "review", "approve", "sign", "pay"],
};
export const AFTER: Record<string, GrantState> = {
  submit: "submitted",
  return: "returned",
  accept: "review",
  review: "commission",
  approve: "approved",
  refuse: "refused",
  sign: "agreement",
  pay: "paid",
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const grantsSeeder: Seeder = {
  name: "grants",
  async run(ctx) {
    if (ctx.scale !== "demo" && ctx.scale !== "full") return;
    await seedDemoGrants(ctx);
    if (ctx.scale === "full") await seedFullGrants(ctx);
  },
};

async function seedDemoGrants({ db, storage }: SeedContext) {
  {
    const orgs = await ownedOrganizations(db)
      .where(
        and(
          isNotNull(organizations.verifiedAt),
          eq(organizations.regionCode, "77"),
          eq(organizations.type, "legal_entity"),
          sql`${organizations.status} = 'participant'`,
        ),
      )
      .orderBy(asc(organizations.inn))
      .limit(30);
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "operator"))
      .orderBy(asc(users.email))
      .limit(1);
    // the demo expert (expert@innocluster.demo first) reviews every application accepted into the review
    const [expert] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "expert"))
      .orderBy(sql`${users.email} <> 'expert@innocluster.demo'`, asc(users.email))
      .limit(1);
    const now = Date.now();
    const rng = mulberry32(1466);
    const ids: string[] = [];
    const eligibility = (minAgeMonths: number | null) => ({
      participantsOnly: true,
      orgTypes: ["legal_entity", "individual_entrepreneur"] as ("legal_entity" | "individual_entrepreneur")[],
      smeCategories: ["micro", "small", "medium"] as ("micro" | "small" | "medium")[],
      noTaxDebt: true,
      minAgeMonths,
    });
    for (const p of PROGRAMS) {
      const [row] = await db
        .insert(grantPrograms)
        .values({
          titleRu: p.titleRu,
          descriptionRu: p.descriptionRu,
          legalBasisRu: p.legalBasisRu,
          legalBasisNumber: p.legalBasisNumber,
          eligibility: eligibility(p.minAgeMonths),
          categories: p.categories,
          maxPerApplicant: p.maxPerApplicant,
          budget: p.budget,
          opensAt: new Date(now + p.opens * DAY),
          closesAt: new Date(now + p.closes * DAY),
          checkDays: 10,
          authorId: operator?.id ?? null,
          createdAt: new Date(now + (p.opens - 20) * DAY),
          updatedAt: new Date(now + (p.opens - 20) * DAY),
        })
        .returning({ id: grantPrograms.id });
      ids.push(row!.id);
    }
    if (!orgs.length) return;
    const projectOf = new Map(
      (
        await db
          .select({ id: projects.id, lead: projects.leadOrganizationId })
          .from(projects)
          .orderBy(asc(projects.createdAt))
      ).map((r) => [r.lead, r.id]),
    );
    for (let n = 0; n < STATES.length; n++) {
      const state = STATES[n]!;
      const org = orgs[n % orgs.length]!;
      // the closed program's applications are the older, decided ones
      const pi =
        ["approved", "agreement", "paid", "refused"].includes(state) && n % 2 === 0 ? 1 : n % 3 === 1 ? 2 : 0;
      const plan =
        PROGRAMS[pi === 1 && !["approved", "agreement", "paid", "refused"].includes(state) ? 0 : pi]!;
      const programId = ids[PROGRAMS.indexOf(plan)]!;
      const start = PROGRAMS.indexOf(plan) === 1 ? now - 280 * DAY : now - 35 * DAY;
      // the closed program's applications spread over its window (a few weeks apart), so the dashboards
      // show its submissions, decisions and payments month by month; the open programs' half a day apart
      const created = start + (PROGRAMS.indexOf(plan) === 1 ? (n % 8) * 17 : n * 0.5) * DAY;
      const count = 2 + (n % 3);
      const items = Array.from({ length: count }, (_, i) => {
        const cat = plan.categories[(n + i) % plan.categories.length]!.category;
        const [what, supplier] = ITEMS[cat][(n + i) % ITEMS[cat].length]!;
        const noVat = (800_000 + Math.floor(rng() * 9_000_000)) * RUB;
        return {
          position: i,
          category: cat,
          descriptionRu: what,
          supplierName: supplier,
          supplierInn: makeInn("legal", rng, { region: "77" }),
          paidOn: day(created - (40 + i * 9) * DAY),
          amountNoVat: noVat,
          amount: cat === "ip_rights" ? noVat : noVat + Math.floor(noVat / 5),
        };
      });
      const requested = grantAmount(plan, items).total;
      const path = PATH[state]!;
      // the steps, a few working days apart; the overdue submitted ones waited longer than the period
      const overdueWait = state === "submitted" && n % 3 === 0;
      const times = path.map((_, i) => created + (3 + i * 9) * DAY);
      const submitAt = times[0] ?? null;
      if (state === "submitted" && submitAt) times[0] = overdueWait ? now - 20 * DAY : now - (n % 4) * DAY;
      const submittedAt = path.length ? new Date(times[path.lastIndexOf("submit")]!) : null;
      const reviewed = items.map((it, i) =>
        i === 1 && n % 2 === 0
          ? {
              ...it,
              review: "partial" as const,
              accepted: Math.floor(it.amountNoVat * 0.7),
              reviewReason: "Часть затрат — доставка и пусконаладка, программой не возмещаются",
            }
          : i === 2 && n % 5 === 0
            ? {
                ...it,
                review: "rejected" as const,
                accepted: 0,
                reviewReason: "Оплата произведена до начала периода, за который возмещаются затраты",
              }
            : { ...it, review: "accepted" as const, accepted: it.amountNoVat, reviewReason: null },
      );
      const isReviewed = path.includes("review");
      const approved = isReviewed && state !== "refused" ? grantAmount(plan, reviewed).total : null;
      const last = times.at(-1) ?? created;
      const [a] = await db
        .insert(grantApplications)
        .values({
          programId,
          organizationId: org.id,
          projectId: projectOf.get(org.id) ?? null,
          authorId: org.owner,
          state,
          titleRu: `${plan.titleRu.replace("Компенсация затрат на", "Возмещение затрат на")}: ${items[0]!.descriptionRu.toLowerCase()}`,
          declarations: {
            no_tax_debt: true,
            not_bankrupt: true,
            no_double_funding: true,
            data_accurate: true,
          },
          kpis: [1, 2, 3].map((k) => ({
            year: new Date(now).getUTCFullYear() + k,
            revenue: (60 + n * 7 + k * 15) * 1_000_000,
            jobs: 20 + n + k * 4,
            output: (40 + n * 5 + k * 12) * 1_000_000,
          })),
          requested,
          approved,
          submittedAt,
          dueOn: submittedAt ? addWorkingDays(day(submittedAt.getTime() + 3 * 3600_000), 10) : null,
          returns: path.includes("return") ? 1 : 0,
          reason:
            state === "refused"
              ? "Комиссия отказала: затраты на оборудование не связаны с производством инновационной продукции, заявленной в проекте"
              : state === "returned"
                ? "Не приложены платёжные поручения по второй позиции"
                : null,
          applicantSignedOn: ["agreement", "paid"].includes(state) ? day(last - 3 * DAY) : null,
          operatorSignedOn: ["agreement", "paid"].includes(state) ? day(last - 1 * DAY) : null,
          paidOn: state === "paid" ? day(last) : null,
          createdAt: new Date(created),
          updatedAt: new Date(last),
        })
        .returning({ id: grantApplications.id });
      const rows = await db
        .insert(grantItems)
        .values((isReviewed ? reviewed : items).map((it) => ({ ...it, applicationId: a!.id })))
        .returning({ id: grantItems.id, category: grantItems.category, position: grantItems.position });
      if (expert && path.includes("accept"))
        await db.insert(grantExperts).values({
          applicationId: a!.id,
          userId: expert.id,
          assignedBy: operator?.id ?? null,
          createdAt: new Date(times[path.indexOf("accept")]!),
        });
      if (state === "returned")
        await db
          .update(grantApplications)
          .set({ missing: [{ itemId: rows[1]!.id, document: "payment_order" }] })
          .where(eq(grantApplications.id, a!.id));
      await db.insert(grantEvents).values([
        { applicationId: a!.id, move: "create", state: "draft", actorId: org.owner, at: new Date(created) },
        ...path.map((move, i) => ({
          applicationId: a!.id,
          move,
          state: AFTER[move]!,
          actorId: move === "submit" ? org.owner : (operator?.id ?? null),
          byOperator: move !== "submit",
          note:
            move === "submit"
              ? { dueOn: addWorkingDays(day(times[i]! + 3 * 3600_000), 10) }
              : move === "return"
                ? {
                    missing: [{ itemId: rows[1]!.id, document: "payment_order" }],
                    comment: "Не приложены платёжные поручения по второй позиции",
                  }
                : move === "review" || move === "approve"
                  ? { approved }
                  : {},
          at: new Date(times[i]!),
        })),
      ]);
      if (!storage) continue;
      for (const r of rows) {
        const kinds = REQUIRED_DOCUMENTS[r.category].filter(
          (k) =>
            !(state === "returned" && r.position === 1 && k === "payment_order") &&
            !(state === "draft" && r.position > 0),
        );
        for (const kind of kinds) {
          const data = pdfDocument([`${kind} ${n}-${r.position}`]);
          const key = `grant-document/seed/${randomUUID()}`;
          await storage.put(key, Readable.from([data]));
          const [f] = await db
            .insert(files)
            .values({
              storageKey: key,
              purpose: "grant-document",
              uploadedBy: org.owner,
              originalName: `${kind}-${n + 1}-${r.position + 1}.pdf`,
              size: data.length,
              sha256: createHash("sha256").update(data).digest("hex"),
              contentType: "application/pdf",
              createdAt: new Date(created),
              attachedAt: new Date(created),
            })
            .returning({ id: files.id });
          await db.insert(grantDocuments).values({ itemId: r.id, kind, fileId: f!.id });
        }
      }
    }
    await seedGrantReports(db, now, operator?.id ?? null);
  }
}

/**
 * The yearly reports of the paid grants (grants.reports.service.ts): each commits to the year before
 * the payment and the next two; the report on the year already over is due 30 days after the payment
 * (`grantReportDue`). The first was paid 10 days ago (its report due in 20 days); the second's report is
 * submitted and waits for the operator; the third's is accepted.
 */
async function seedGrantReports(db: Db, now: number, operatorId: string | null) {
  const paid = await db
    .select()
    .from(grantApplications)
    .where(eq(grantApplications.state, "paid"))
    .orderBy(asc(grantApplications.createdAt))
    .limit(3);
  const today = day(now);
  const year = new Date(now).getUTCFullYear();
  for (const [i, a] of paid.entries()) {
    const paidOn = addDays(today, -[10, 35, 75][i]!);
    const kpis = a.kpis.map((k, j) => ({ ...k, year: year - 1 + j }));
    const step = i === 0 ? "paid" : "reporting";
    await db
      .update(grantApplications)
      .set({ kpis, paidOn, state: step, updatedAt: new Date(now - (i === 0 ? 10 : 5) * DAY) })
      .where(eq(grantApplications.id, a.id));
    await db
      .update(grantEvents)
      .set({ at: new Date(`${paidOn}T12:00:00+03:00`) })
      .where(and(eq(grantEvents.applicationId, a.id), eq(grantEvents.move, "pay")));
    const first = kpis[0]!;
    // the actual figures: a little under the plan for the submitted one, above it for the accepted one
    const actual = (f: number) => ({
      revenue: Math.round(first.revenue * f),
      jobs: Math.round(first.jobs * f),
      output: Math.round(first.output * f),
    });
    const submittedAt = new Date(now - (i === 1 ? 7 : 50) * DAY);
    await db.insert(grantReports).values(
      kpis.map((k, j) => ({
        applicationId: a.id,
        year: k.year,
        dueOn: grantReportDue(k.year, paidOn),
        ...(j === 0 && i > 0
          ? {
              state: i === 1 ? ("submitted" as const) : ("accepted" as const),
              ...actual(i === 1 ? 0.94 : 1.08),
              submittedAt,
              submittedBy: a.authorId,
              decidedAt: i === 2 ? new Date(now - 45 * DAY) : null,
              version: i === 2 ? 3 : 2,
            }
          : {}),
      })),
    );
    if (i === 0) continue;
    await db.insert(grantEvents).values([
      {
        applicationId: a.id,
        move: "report",
        state: "reporting",
        actorId: a.authorId,
        note: { year: first.year, ...actual(i === 1 ? 0.94 : 1.08) },
        at: submittedAt,
      },
      ...(i === 2
        ? [
            {
              applicationId: a.id,
              move: "report_accept",
              state: "reporting" as const,
              actorId: operatorId,
              byOperator: true,
              note: { year: first.year, reason: null },
              at: new Date(now - 45 * DAY),
            },
          ]
        : []),
    ]);
  }
}
