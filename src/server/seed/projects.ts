import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { OkvedSectionLetter } from "../../shared/okved.js";
import {
  type InvestmentType,
  type MemberState,
  type ProjectStage,
  SHARE_WHOLE,
  shareIssues,
} from "../../shared/projects.js";
import type { TagSlug } from "../../shared/tags.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { topicsText } from "../modules/challenges/challenges.matching.js";
import { measures } from "../modules/measures/measures.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { PROJECT_FILES } from "../modules/projects/projects.entries.service.js";
import { projectEntries, projectMembers, projects } from "../modules/projects/projects.schema.js";
import { storedPdf } from "./files.js";
import { ownedOrganizations, verifiedMoscowParticipant } from "./organizations.js";
import { seedFullProjects } from "./projects.full.js";

/*
 * Demo innovative projects (src/shared/projects.ts): 40 projects of verified Moscow participants, a
 * third of them joint with 2–5 organizations (universities and research institutes, other companies),
 * partners accepted, a few invitations pending and one declined (its share back with the lead); money
 * entries of investment and city support, confirmed by the operator, declared and waiting, one
 * rejected, each with its document (a PDF of its contract or agreement, when the seed is given a
 * storage). Written as rows, dated from now; deterministic: no faker.
 */

const DAY = 24 * 3600_000;

type Plan = [
  title: string,
  description: string,
  industries: OkvedSectionLetter[],
  tags: TagSlug[],
  stage: ProjectStage,
  trl: number,
];

const PLANS: Plan[] = [
  [
    "Цифровой двойник водопроводной сети района",
    "Модель сети водоснабжения с датчиками давления и расхода: прогноз аварий, планирование ремонтов и снижение потерь воды.",
    ["E", "J"],
    ["big-data", "iot", "urban-tech"],
    "pilot",
    7,
  ],
  [
    "Система компьютерного зрения для контроля качества сварных швов",
    "Камеры и нейросеть находят дефекты швов на конвейере в реальном времени и ведут журнал качества для каждой партии.",
    ["C", "J"],
    ["ai", "robotics"],
    "production",
    8,
  ],
  [
    "Беспилотная уборка внутридворовых территорий",
    "Малогабаритная автономная машина для уборки дворов и тротуаров с картой маршрутов и удалённым контролем диспетчером.",
    ["N", "C"],
    ["robotics", "urban-tech", "drones"],
    "prototype",
    5,
  ],
  [
    "Биоразлагаемая упаковка из отходов пищевого производства",
    "Плёнка и лотки из жома и отрубей, разлагающиеся за 90 дней; замена пластиковой упаковки для готовой еды.",
    ["C", "E"],
    ["new-materials", "cleantech", "foodtech"],
    "rnd",
    4,
  ],
  [
    "Платформа ранней диагностики диабетической ретинопатии",
    "Анализ снимков глазного дна в поликлинике: сервис ИИ отмечает признаки ретинопатии и направляет пациента к офтальмологу.",
    ["Q", "J"],
    ["medtech", "ai"],
    "pilot",
    7,
  ],
  [
    "Накопитель энергии на натрий-ионных аккумуляторах",
    "Стационарная система хранения энергии для зарядных станций и объектов ЖКХ без лития и кобальта.",
    ["D", "C"],
    ["energy", "new-materials"],
    "prototype",
    6,
  ],
  [
    "Сервис предиктивного обслуживания подвижного состава",
    "Датчики вибрации и температуры на тележках вагонов и модель отказов: ремонт по состоянию вместо планового.",
    ["H", "J"],
    ["transport", "iot", "big-data"],
    "scaling",
    9,
  ],
  [
    "Тренажёр виртуальной реальности для подготовки хирургов",
    "Симулятор лапароскопических операций с обратной связью по усилию и оценкой действий обучающегося.",
    ["P", "Q"],
    ["vr-ar", "medtech", "edtech"],
    "pilot",
    6,
  ],
  [
    "Аддитивное производство титановых имплантатов",
    "Индивидуальные имплантаты по данным КТ пациента: проектирование, печать и постобработка в одном цикле.",
    ["C", "Q"],
    ["additive-manufacturing", "medtech", "new-materials"],
    "production",
    8,
  ],
  [
    "Защищённый шлюз для промышленного интернета вещей",
    "Аппаратно-программный шлюз с отечественной криптографией для подключения станков и датчиков к облаку предприятия.",
    ["J", "C"],
    ["cybersecurity", "iot", "microelectronics"],
    "prototype",
    6,
  ],
  [
    "Вертикальная ферма для городских ресторанов",
    "Модульная гидропонная ферма с LED-освещением и управлением микроклиматом: зелень в 30 км от потребителя.",
    ["A", "I"],
    ["agritech", "foodtech", "iot"],
    "pilot",
    7,
  ],
  [
    "Фотонный датчик утечек газа для трубопроводов",
    "Оптоволоконный распределённый датчик, который находит место утечки с точностью до метра на участке до 40 км.",
    ["B", "D"],
    ["photonics", "energy"],
    "rnd",
    4,
  ],
  [
    "Голосовой помощник регистратуры поликлиники",
    "Робот принимает звонки, записывает к врачу и отвечает на типовые вопросы пациентов круглосуточно.",
    ["Q", "J"],
    ["ai", "medtech"],
    "scaling",
    9,
  ],
  [
    "Спутниковый мониторинг состояния городских зелёных насаждений",
    "Анализ мультиспектральных снимков: карта здоровья деревьев, ранние признаки болезней и вредителей.",
    ["N", "M"],
    ["space", "big-data", "urban-tech"],
    "prototype",
    5,
  ],
  [
    "Образовательная платформа по робототехнике для школ",
    "Наборы, курсы и онлайн-симулятор для 5–9 классов с автоматической проверкой заданий.",
    ["P", "J"],
    ["edtech", "robotics"],
    "production",
    8,
  ],
  [
    "Модуль квантового распределения ключей для банковских сетей",
    "Защищённый канал между отделениями банка на основе квантового распределения ключей по городской оптике.",
    ["K", "J"],
    ["quantum", "cybersecurity", "fintech"],
    "rnd",
    3,
  ],
  [
    "Ферментация белка для кормов из углекислого газа",
    "Бактериальный синтез кормового белка на отходящих газах предприятий: меньше выбросов и импорта соевого шрота.",
    ["C", "A"],
    ["biotech", "cleantech", "agritech"],
    "idea",
    2,
  ],
  [
    "Дроны для инспекции кровель и фасадов",
    "Автоматические облёты зданий с тепловизором и камерой, отчёт о дефектах для управляющих компаний.",
    ["F", "L"],
    ["drones", "ai", "urban-tech"],
    "pilot",
    7,
  ],
  [
    "Отечественный контроллер для станков с ЧПУ",
    "Система ЧПУ на российской элементной базе для фрезерных и токарных станков с совместимостью по G-кодам.",
    ["C"],
    ["microelectronics", "robotics"],
    "prototype",
    6,
  ],
  [
    "Скоринг малого бизнеса по открытым данным",
    "Модель кредитного риска по данным ФНС, госзакупок и отзывам клиентов для решения по займу за минуты.",
    ["K", "J"],
    ["fintech", "big-data", "ai"],
    "scaling",
    9,
  ],
];

/** A plan's second project: the next stage of the work (or a new line), by another lead. */
const SECOND = [
  "вторая очередь",
  "масштабирование на округ",
  "экспортная версия",
  "версия для регионов",
] as const;

/** The title of the demo project n. */
const titleOf = (n: number) => {
  const title = PLANS[n % PLANS.length]![0];
  return n >= PLANS.length ? `${title}: ${SECOND[n % SECOND.length]}` : title;
};

/** The text of a money entry's document (its source: a contract, an agreement), as its PDF's lines. */
function documentLines(e: typeof projectEntries.$inferInsert, project: string, lead: string): string[] {
  const rubles = `${e.amount.toLocaleString("ru-RU").replace(/\s/g, " ")} руб.`;
  return [
    e.sourceRu,
    `Москва, ${e.receivedOn.split("-").reverse().join(".")}`,
    "",
    `Получатель: ${lead}`,
    e.kind === "investment"
      ? `Инвестор: ${e.investorRu ?? ""}`
      : "Предоставляющая сторона: Правительство Москвы",
    `Проект: ${project}`,
    `Сумма: ${rubles}`,
    e.kind === "investment"
      ? "Средства перечисляются на расчётный счёт получателя в течение 10 рабочих дней."
      : "Субсидия предоставляется на возмещение затрат, подтверждённых документами.",
  ];
}

/** Partner roles by the partner's organization type. */
const ROLES: Record<string, string> = {
  university: "Научные исследования и подготовка кадров",
  research_institute: "Испытания и экспертиза",
  legal_entity: "Производство и внедрение",
  corporation: "Заказчик и площадка внедрения",
};

/** The consortium of a plan (n of 40): partners 0–4; every third project is joint. */
const partnersOf = (n: number) => (n % 3 === 0 ? 1 + (n % 4) : 0);

export const projectsSeeder: Seeder = {
  name: "projects",
  async run(ctx) {
    await seedDemoProjects(ctx);
    if (ctx.scale === "full") await seedFullProjects(ctx);
  },
};

/** The 40 hand-planned projects (both scales). */
async function seedDemoProjects({ db, storage }: SeedContext) {
  const leads = await ownedOrganizations(db)
    .where(verifiedMoscowParticipant())
    .orderBy(asc(organizations.inn))
    .limit(40);
  if (!leads.length) return;
  const partners = await db
    .select({ id: organizations.id, type: organizations.type })
    .from(organizations)
    .where(
      and(
        isNotNull(organizations.verifiedAt),
        inArray(organizations.type, ["university", "research_institute", "corporation", "legal_entity"]),
      ),
    )
    .orderBy(asc(organizations.inn))
    .offset(40)
    .limit(60);
  const [operator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "operator"))
    .orderBy(asc(users.email))
    .limit(1);
  const measureIds = (
    await db
      .select({ id: measures.id })
      .from(measures)
      .where(eq(measures.status, "published"))
      .orderBy(asc(measures.titleRu))
      .limit(10)
  ).map((m) => m.id);
  const now = Date.now();
  const leadIds = new Set(leads.map((l) => l.id));
  const pool = partners.filter((p) => !leadIds.has(p.id));
  for (let n = 0; n < 40; n++) {
    const plan = PLANS[n % PLANS.length]!;
    const lead = leads[n % leads.length]!;
    const [, description, industries, tags, stage, trl] = plan;
    // started over the last three years (the oldest 35 months ago), so the money below spreads over
    // them and the cluster in numbers' charts show a plausible history, not a few busy months
    const startAgo = 1060 - n * 25;
    const created = new Date(now - (startAgo + 20) * DAY);
    const start = new Date(now - startAgo * DAY).toISOString().slice(0, 10);
    const end = new Date(now + (300 + n * 11) * DAY).toISOString().slice(0, 10);
    const budget = (5 + ((n * 37) % 95)) * 1_000_000;
    const count = Math.min(partnersOf(n), pool.length);
    const chosen = Array.from({ length: count }, (_, i) => pool[(n * 3 + i * 7) % pool.length]!).filter(
      (p, i, list) => list.findIndex((x) => x.id === p.id) === i,
    );
    // each partner 10–25%, the lead the rest; the 4th joint project's last invitation was declined,
    // every 5th's last is still pending
    const members: { organizationId: string; share: number; state: MemberState; roleRu: string }[] =
      chosen.map((p, i) => ({
        organizationId: p.id,
        share: 1000 + ((n + i * 5) % 4) * 500,
        state:
          i === chosen.length - 1 && n === 9
            ? "declined"
            : i === chosen.length - 1 && n % 5 === 0
              ? "invited"
              : "accepted",
        roleRu: ROLES[p.type] ?? ROLES.legal_entity!,
      }));
    const counted = members.filter((m) => m.state !== "declined").reduce((s, m) => s + m.share, 0);
    const all = [
      {
        organizationId: lead.id,
        share: SHARE_WHOLE - counted,
        state: "lead" as const,
        roleRu: "Ведущий разработчик",
      },
      ...members,
    ];
    if (shareIssues(all).length) throw new Error(`the demo project ${n} breaks the share rule`);
    const [p] = await db
      .insert(projects)
      .values({
        leadOrganizationId: lead.id,
        authorId: lead.owner,
        titleRu: titleOf(n),
        descriptionRu: description,
        industries,
        tags,
        stage,
        trl,
        startOn: start,
        endOn: end,
        budget,
        joint: all.some((m) => m.state === "accepted"),
        searchText: topicsText(industries, tags),
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: projects.id });
    await db.insert(projectMembers).values(
      all.map((m) => ({
        projectId: p!.id,
        ...m,
        invitedBy: lead.owner,
        decidedAt:
          m.state === "accepted" || m.state === "declined" ? new Date(created.getTime() + 5 * DAY) : null,
        createdAt: created,
        updatedAt: created,
      })),
    );
    // money: every other project has confirmed investment, every third city support; some waiting
    const entries: (typeof projectEntries.$inferInsert)[] = [];
    const on = (days: number) => new Date(now - days * DAY).toISOString().slice(0, 10);
    // received some months into the project (never in the future), confirmed ten days later
    const investedAgo = Math.max(20, startAgo - (60 + ((n * 17) % 90)));
    const supportedAgo = Math.max(25, startAgo - (120 + ((n * 11) % 60)));
    if (n % 2 === 0)
      entries.push({
        projectId: p!.id,
        kind: "investment",
        investorRu: [
          "Фонд «Технологии будущего»",
          "ООО «Венчурные инвестиции»",
          "АО «Индустриальный капитал»",
        ][n % 3]!,
        investmentType: (
          ["venture_fund", "equity", "corporate", "loan", "external_grant"] as InvestmentType[]
        )[n % 5]!,
        amount: Math.round(budget * 0.3),
        receivedOn: on(investedAgo),
        sourceRu: `Договор инвестирования № ${n + 10}/И`,
        state: "confirmed",
        decidedBy: operator?.id ?? null,
        decidedAt: new Date(now - (investedAgo - 10) * DAY),
      });
    if (n % 3 === 1)
      entries.push({
        projectId: p!.id,
        kind: "support",
        measureId: measureIds.length ? measureIds[n % measureIds.length]! : null,
        supportRu: measureIds.length ? null : "Субсидия на приобретение оборудования",
        amount: Math.round(budget * 0.15),
        receivedOn: on(supportedAgo),
        sourceRu: `Соглашение о предоставлении субсидии № ${n + 100}-С`,
        state: "confirmed",
        decidedBy: operator?.id ?? null,
        decidedAt: new Date(now - (supportedAgo - 10) * DAY),
      });
    if (n % 4 === 3)
      entries.push({
        projectId: p!.id,
        kind: "investment",
        investorRu: "Бизнес-ангел",
        investmentType: "equity",
        amount: Math.round(budget * 0.1),
        receivedOn: on(20),
        sourceRu: `Договор купли-продажи доли № ${n}-Д`,
        state: n === 7 ? "rejected" : "declared",
        rejectReason: n === 7 ? "Договор не подписан инвестором: приложите подписанный экземпляр" : null,
        decidedBy: n === 7 ? (operator?.id ?? null) : null,
        decidedAt: n === 7 ? new Date(now - 10 * DAY) : null,
      });
    // Each entry's document, the PDF of its source (the lead's owner uploaded it when declaring).
    if (storage)
      for (const e of entries)
        e.fileId = await storedPdf(db, storage, {
          purpose: PROJECT_FILES.name,
          name: `${e.sourceRu
            .replace(/\//g, "-")
            .replace(/[«»"№]/g, "")
            .replace(/\s+/g, " ")
            .trim()}.pdf`,
          lines: documentLines(e, titleOf(n), lead.shortName),
          uploadedBy: lead.owner,
          at: new Date(`${e.receivedOn}T12:00:00Z`),
        });
    if (entries.length) await db.insert(projectEntries).values(entries);
  }
}
