import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  type AwardKind,
  type ChallengeState,
  type Criterion,
  criteriaIssues,
  type Decision,
  type IpStatus,
  type RewardType,
} from "../../shared/challenges.js";
import { clusterDate } from "../../shared/clock.js";
import type { OrgType } from "../../shared/organizations.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { recordChallengeMatches, topicsOf } from "../modules/challenges/challenges.matching.js";
import {
  challengeAwards,
  challengeExperts,
  challengeScores,
  challengeSubmissions,
  challenges,
} from "../modules/challenges/challenges.schema.js";
import { teamMembers, teams } from "../modules/challenges/challenges.teams.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { seedFullChallenges } from "./challenges.full.js";
import { seedChallengeQa } from "./challenges.qa.js";
import { ownedOrganizations, verifiedMoscowParticipant } from "./organizations.js";
import { seedFullTeams } from "./teams.full.js";

/*
 * Demo challenges of Moscow city bodies and corporations, one or more in every state: open for
 * submissions (with submissions), on moderation, a draft the moderator sent back, one in its first of
 * two stages with part of the scores in, one with its results published (every submission decided, its
 * feedback sent once) and a closed one. Written as rows, dated in the past; criteria pass the shared
 * rule and scores are whole 0–10. Deterministic: no faker.
 */

const DAY = 24 * 3600_000;

type Plan = {
  owner: string;
  state: ChallengeState;
  titleRu: string;
  problemRu: string;
  expectedResultRu: string;
  requirementsRu: string;
  minTrl: number | null;
  rewardType: RewardType;
  rewardAmount: number | null;
  /** Days from now (negative: past). */
  deadline: number;
  stages: 1 | 2;
  criteria: Criterion[];
  rejectReason?: string;
  /** How many submissions (from the submitters, in turn). */
  submissions: number;
  /** For evaluation: the stage being scored; for results/closed: the decisions in submission order. */
  stage?: number;
  decisions?: Decision[];
  /** OKVED sections and technology tags (the catalog's filters, the matching). */
  industries: string[];
  tags: string[];
  /** Who may submit (absent: any organization). */
  orgTypes?: OrgType[];
  participantsOnly?: boolean;
  teamsAllowed?: boolean;
  /** A hackathon: teams only. */
  teamsOnly?: boolean;
  /** How many submissions of the demo teams (after the organizations'; decisions continue in order). */
  teams?: number;
};

const C = (name: string, weight: number, description = ""): Criterion => ({ name, description, weight });

const PLANS: Plan[] = [
  {
    owner: "Дептранс Москвы",
    state: "accepting",
    titleRu: "Подсчёт пассажиропотока на остановках наземного транспорта",
    problemRu:
      "На 12 тысячах остановок Москвы пассажиропоток оценивается по валидациям, а ожидающих автобус пассажиров никто не считает. Нужны решения, которые считают людей на остановке без сбора персональных данных и передают данные в центр управления движением.",
    expectedResultRu:
      "Пилот на 50 остановках в течение трёх месяцев с точностью подсчёта не ниже 90% по сравнению с ручным учётом.",
    requirementsRu:
      "Обезличивание на устройстве, без передачи изображений; питание от сети остановочного павильона; интеграция по открытому API.",
    minTrl: 6,
    rewardType: "paid_pilot",
    rewardAmount: 4_500_000,
    deadline: 21,
    stages: 2,
    criteria: [
      C("Точность подсчёта", 40, "Сравнение с ручным учётом на тестовых остановках"),
      C("Защита персональных данных", 25),
      C("Стоимость масштабирования", 20, "Цена одной остановки при тиражировании"),
      C("Опыт внедрений", 15),
    ],
    industries: ["H", "J"],
    tags: ["ai", "iot", "transport"],
    submissions: 3,
    teamsAllowed: true,
    teams: 1,
  },
  {
    owner: "ДЗМ",
    state: "accepting",
    titleRu: "Предварительный разбор маммограмм с помощью ИИ",
    problemRu:
      "Рентгенологи городских поликлиник описывают более 600 тысяч маммографических исследований в год. Нужен сервис, который сортирует исследования по вероятности патологии и помогает не пропустить подозрительные снимки.",
    expectedResultRu:
      "Интеграция с ЕРИС и пилот в десяти поликлиниках с оценкой чувствительности и специфичности.",
    requirementsRu: "Регистрационное удостоверение медицинского изделия или поданная заявка на регистрацию.",
    minTrl: 7,
    rewardType: "contract",
    rewardAmount: 12_000_000,
    deadline: 35,
    stages: 1,
    criteria: [
      C("Чувствительность", 35),
      C("Специфичность", 25),
      C("Интеграция с ЕРИС", 20),
      C("Стоимость", 20),
    ],
    industries: ["Q"],
    tags: ["ai", "medtech"],
    orgTypes: ["legal_entity", "research_institute"],
    submissions: 1,
  },
  {
    owner: "ДИТ Москвы",
    state: "moderation",
    titleRu: "Голосовой помощник для горячей линии «Госуслуги Москвы»",
    problemRu:
      "Операторы горячей линии отвечают на типовые вопросы о записи к врачу и оплате ЖКУ. Нужен голосовой помощник, который решает не менее 40% обращений без оператора.",
    expectedResultRu:
      "Пилот на одном из направлений горячей линии с долей автоматически решённых обращений не ниже 40%.",
    requirementsRu: "Размещение в контуре города; распознавание речи на русском языке с акцентами.",
    minTrl: 6,
    rewardType: "paid_pilot",
    rewardAmount: 3_000_000,
    deadline: 40,
    stages: 1,
    criteria: [C("Доля решённых обращений", 50), C("Качество распознавания", 30), C("Стоимость", 20)],
    industries: ["J", "O"],
    tags: ["ai"],
    participantsOnly: true,
    submissions: 0,
  },
  {
    owner: "ДИПП Москвы",
    state: "draft",
    titleRu: "Роботизированная сортировка строительных отходов",
    problemRu:
      "На площадках временного накопления строительных отходов сортировка ведётся вручную. Нужны роботизированные линии, отделяющие бетон, металл, дерево и пластик.",
    expectedResultRu: "Линия производительностью не менее 20 тонн в час на одной из площадок.",
    requirementsRu: "",
    minTrl: 5,
    rewardType: "grant",
    rewardAmount: null,
    deadline: 50,
    stages: 1,
    criteria: [C("Производительность", 60), C("Чистота фракций", 40)],
    rejectReason:
      "Укажите размер гранта или выберите другой вид вознаграждения и опишите требования к решению: без них заявители не поймут условий.",
    industries: ["E", "F"],
    tags: ["robotics", "cleantech"],
    submissions: 0,
  },
  {
    owner: "Дептранс Москвы",
    state: "evaluation",
    titleRu: "Мониторинг состояния контактной сети электробусов",
    problemRu:
      "Зарядные станции электробусов на конечных остановках выходят из строя из-за износа токоприёмников. Нужны средства предиктивной диагностики по данным зарядных сессий.",
    expectedResultRu: "Прогноз отказа за 7 суток с точностью не ниже 80% на парке из 200 электробусов.",
    requirementsRu:
      "Работа с данными зарядных станций без установки дополнительного оборудования на электробусы.",
    minTrl: 5,
    rewardType: "paid_pilot",
    rewardAmount: 6_000_000,
    deadline: -5,
    stages: 2,
    criteria: [C("Точность прогноза", 45), C("Срок внедрения", 20), C("Стоимость владения", 35)],
    industries: ["D", "H"],
    tags: ["transport", "energy", "big-data"],
    participantsOnly: true,
    submissions: 4,
    stage: 1,
  },
  {
    owner: "ДЗМ",
    state: "results",
    titleRu: "Учёт лекарственных средств в стационарах по RFID-меткам",
    problemRu:
      "В стационарах до 5% лекарственных средств списывается с истёкшим сроком годности из-за ручного учёта. Нужна система учёта движения препаратов от аптеки до отделения.",
    expectedResultRu: "Пилот в двух стационарах с сокращением списаний не менее чем вдвое.",
    requirementsRu: "Совместимость с ЕМИАС; метки, выдерживающие обработку дезинфицирующими растворами.",
    minTrl: 6,
    rewardType: "paid_pilot",
    rewardAmount: 8_000_000,
    deadline: -30,
    stages: 1,
    criteria: [
      C("Снижение списаний", 40),
      C("Интеграция с ЕМИАС", 30),
      C("Стоимость", 20),
      C("Удобство для персонала", 10),
    ],
    industries: ["Q"],
    tags: ["medtech", "iot"],
    orgTypes: ["legal_entity"],
    submissions: 3,
    decisions: ["winner", "reserve", "not_selected"],
  },
  {
    owner: "ДИТ Москвы",
    state: "closed",
    titleRu: "Распознавание нарушений благоустройства по фото с камер",
    problemRu:
      "Жители сообщают о переполненных контейнерах и неубранном снеге через портал «Наш город». Нужно находить такие нарушения автоматически по видеопотоку городских камер.",
    expectedResultRu: "Автоматическое создание обращений по пяти типам нарушений с точностью не ниже 85%.",
    requirementsRu: "Работа на мощностях городского ЦОД; разметка данных силами исполнителя.",
    minTrl: 6,
    rewardType: "prize",
    rewardAmount: 1_500_000,
    deadline: -75,
    stages: 1,
    criteria: [C("Точность", 50), C("Число типов нарушений", 25), C("Нагрузка на ЦОД", 25)],
    industries: ["E", "O"],
    tags: ["ai", "urban-tech", "big-data"],
    submissions: 2,
    decisions: ["winner", "not_selected"],
  },
  {
    owner: "ДИТ Москвы",
    state: "results",
    titleRu: "Хакатон «Открытые данные Москвы»: сервисы для жителей за 48 часов",
    problemRu:
      "На портале открытых данных Москвы опубликовано более 700 наборов данных, но жители редко пользуются ими напрямую. Нужны прототипы сервисов, которые превращают открытые данные в понятные подсказки для жителей.",
    expectedResultRu: "Работающий прототип на открытых данных и презентация на защите перед жюри.",
    requirementsRu: "Только команды из 1–10 человек; исходный код прототипа в открытом репозитории.",
    minTrl: null,
    rewardType: "prize",
    rewardAmount: 500_000,
    deadline: -20,
    stages: 1,
    industries: ["J", "O"],
    tags: ["big-data", "urban-tech"],
    criteria: [C("Польза для жителей", 40), C("Качество прототипа", 35), C("Презентация", 25)],
    submissions: 0,
    teamsAllowed: true,
    teamsOnly: true,
    teams: 2,
    decisions: ["winner", "not_selected"],
  },
];

/** The demo challenges' titles (the pilots' seeder starts a pilot for a demo winner). */
export const demoChallengeTitles = () => PLANS.map((p) => p.titleRu);

/** The award a demo challenge's winner got for its reward (a paid pilot is a contract). */
const AWARD_OF: Partial<Record<RewardType, AwardKind>> = {
  paid_pilot: "contract",
  contract: "contract",
  grant: "grant",
  prize: "prize",
};

const AWARD_DOCUMENT: Record<AwardKind, string> = {
  contract: "Договор",
  grant: "Соглашение о предоставлении гранта",
  prize: "Приказ о награждении",
};

/** Demo teams without a legal entity (the first is of МГТУ им. Н. Э. Баумана's students). */
const TEAMS = [
  {
    name: "Бауманские сенсоры",
    description:
      "Студенты кафедры ИУ МГТУ им. Н. Э. Баумана: компьютерное зрение и встраиваемые системы для городского транспорта.",
    people: 3,
  },
  {
    name: "Данные города",
    description: "Аналитики и разработчики из ВШЭ и МФТИ: сервисы на открытых данных Москвы.",
    people: 2,
  },
];

const SOLUTIONS: { solution: string; trl: number; ip: IpStatus; price: number | null; plan: string }[] = [
  {
    solution:
      "Компьютерное зрение на edge-устройстве: модель считает людей и сразу стирает кадр, в сеть уходят только числа. Устройства уже работают в двух торговых центрах.",
    trl: 7,
    ip: "patented",
    price: 3_900_000,
    plan: "Месяц — установка на 10 площадках и сверка с ручным учётом, два месяца — эксплуатация и отчёт каждые две недели.",
  },
  {
    solution:
      "Программная платформа анализа данных с существующих датчиков и сессий: градиентный бустинг по истории отказов и отчёт для диспетчера каждое утро.",
    trl: 6,
    ip: "know_how",
    price: 2_800_000,
    plan: "Две недели на подключение к данным, шесть недель обучения модели и восемь недель опытной эксплуатации.",
  },
  {
    solution:
      "Комплекс из пассивных RFID-меток, считывателей в шкафах отделений и модуля учёта, встроенного в существующую медицинскую информационную систему.",
    trl: 8,
    ip: "application_filed",
    price: 7_200_000,
    plan: "Обследование двух стационаров, установка за шесть недель, затем три месяца работы с еженедельной сверкой остатков.",
  },
  {
    solution:
      "Открытая модель детекции объектов, дообученная на городских данных, и сервис отправки обращений в систему «Наш город» через её API.",
    trl: 6,
    ip: "open_source",
    price: null,
    plan: "Разметка 20 тысяч кадров, обучение за месяц и два месяца опытной эксплуатации на 300 камерах.",
  },
];

const COMMENTS = [
  "Решение проработано, есть подтверждённые внедрения; стоит уточнить стоимость сопровождения.",
  "Сильная техническая часть, но план пилота слишком оптимистичен по срокам.",
  "Подход интересный, однако нет данных о точности на реальных объектах.",
  "Хорошее соотношение цены и ожидаемого эффекта, команда с опытом в отрасли.",
];

/** Whole scores 0–10 per criterion, varied by submission and expert (deterministic). */
const scoresFor = (criteria: number, sub: number, expert: number) =>
  Array.from({ length: criteria }, (_, i) => Math.max(2, Math.min(10, 9 - sub * 2 + ((i + expert) % 3))));

export const challengesSeeder: Seeder = {
  name: "challenges",
  async run(ctx) {
    await seedDemoChallenges(ctx);
    if (ctx.scale === "full") {
      await seedFullChallenges(ctx);
      await seedFullTeams(ctx);
    }
  },
};

async function seedDemoChallenges({ db }: SeedContext) {
  const owned = await ownedOrganizations(db).where(
    inArray(organizations.shortName, [...new Set(PLANS.map((p) => p.owner))]),
  );
  const submitters = await ownedOrganizations(db)
    .where(verifiedMoscowParticipant())
    .orderBy(asc(organizations.inn))
    .offset(20)
    .limit(8);
  const experts = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "expert"))
    .orderBy(asc(users.email))
    .limit(2);
  const byName = new Map(owned.map((o) => [o.shortName, o]));
  if (!submitters.length || !experts.length) return;
  const teamIds = await seedTeams(db);
  const now = Date.now();
  let turn = 0;
  for (const [n, p] of PLANS.entries()) {
    const owner = byName.get(p.owner);
    if (!owner) continue;
    if (criteriaIssues(p.criteria).length) throw new Error(`seed: criteria of ${p.titleRu}`);
    // The open ones were posted in the last three months; the ones past their deadline over the year
    // before (a month or so apart), so the dashboards show a year of challenges and solutions.
    const created = new Date(now - (p.deadline < 0 ? 60 - p.deadline + 30 * n : 90 - n * 5) * DAY);
    const deadline = new Date(now + p.deadline * DAY);
    deadline.setUTCHours(20, 59, 0, 0); // 23:59 in Moscow
    const opened =
      p.state === "draft" || p.state === "moderation" ? null : new Date(created.getTime() + 2 * DAY);
    const scored = p.state === "evaluation" || p.state === "results" || p.state === "closed";
    const [c] = await db
      .insert(challenges)
      .values({
        organizationId: owner.id,
        authorId: owner.owner,
        state: p.state,
        titleRu: p.titleRu,
        problemRu: p.problemRu,
        expectedResultRu: p.expectedResultRu,
        requirementsRu: p.requirementsRu,
        minTrl: p.minTrl,
        rewardType: p.rewardType,
        rewardAmount: p.rewardAmount,
        deadline,
        stages: p.stages,
        stage: p.state === "evaluation" ? (p.stage ?? 1) : scored ? p.stages + 1 : null,
        criteria: p.criteria,
        ...topicsOf({
          industries: p.industries,
          tags: p.tags,
          orgTypes: p.orgTypes ?? [],
          participantsOnly: p.participantsOnly ?? false,
        }),
        rejectReason: p.rejectReason ?? null,
        teamsAllowed: Boolean(p.teamsAllowed || p.teamsOnly),
        teamsOnly: Boolean(p.teamsOnly),
        submittedAt: p.state === "draft" && !p.rejectReason ? null : new Date(created.getTime() + DAY),
        openedAt: opened,
        resultsAt:
          p.state === "results" || p.state === "closed" ? new Date(deadline.getTime() + 14 * DAY) : null,
        createdAt: created,
        updatedAt: created,
      })
      .returning();
    // An open challenge's matching organizations were told when it opened: recorded, as the job does.
    if (opened) await recordChallengeMatches(db, c!);
    if (p.state !== "draft" && p.state !== "moderation")
      await db.insert(challengeExperts).values(
        experts.map((e) => ({
          challengeId: c!.id,
          userId: e.id,
          assignedBy: owner.owner,
          noConflictAt: scored ? new Date(deadline.getTime() + DAY) : null,
        })),
      );
    const teamSubs = Math.min(p.teams ?? 0, teamIds.length);
    for (let k = 0; k < p.submissions + teamSubs; k++) {
      const team = k >= p.submissions ? teamIds[k - p.submissions]! : null;
      const org = team ? { id: null, owner: team.captain } : submitters[turn++ % submitters.length]!;
      const s = SOLUTIONS[(n + k) % SOLUTIONS.length]!;
      const decision = p.decisions?.[k] ?? null;
      const [sub] = await db
        .insert(challengeSubmissions)
        .values({
          challengeId: c!.id,
          organizationId: org.id,
          teamId: team?.id ?? null,
          authorId: org.owner,
          solution: s.solution,
          trl: Math.max(s.trl, p.minTrl ?? 1),
          ipStatus: s.ip,
          price: s.price,
          pilotPlan: s.plan,
          passed: decision && decision !== "not_selected" ? p.stages : 0,
          decision,
          feedbackAt: decision ? new Date(deadline.getTime() + 14 * DAY) : null,
          createdAt: new Date(created.getTime() + (3 + k) * DAY),
          updatedAt: new Date(created.getTime() + (3 + k) * DAY),
        })
        .returning({ id: challengeSubmissions.id });
      const kind = AWARD_OF[p.rewardType];
      if (decision === "winner" && kind && p.rewardAmount)
        await db.insert(challengeAwards).values({
          submissionId: sub!.id,
          challengeId: c!.id,
          kind,
          amount: p.rewardAmount,
          awardedOn: clusterDate(new Date(deadline.getTime() + 18 * DAY)),
          documentRu: `${AWARD_DOCUMENT[kind]} № ${40 + n}-ИК/${clusterDate(deadline).slice(0, 4)}`,
          recordedBy: owner.owner,
        });
      if (!scored) continue;
      // In evaluation the first expert has scored every submission, the second only the first two.
      for (const [e, expert] of experts.entries()) {
        if (p.state === "evaluation" && e === 1 && k >= 2) continue;
        const scores = scoresFor(p.criteria.length, k, e);
        await db.insert(challengeScores).values({
          submissionId: sub!.id,
          expertId: expert.id,
          stage: p.state === "evaluation" ? (p.stage ?? 1) : 1,
          scores,
          comments: scores.map((v, i) => (i === 0 && v <= 6 ? "Нужны подтверждающие данные пилотов." : null)),
          comment: COMMENTS[(k + e) % COMMENTS.length]!,
        });
      }
    }
  }
  await seedChallengeQa(db, now);
}

/**
 * The demo teams: plain users (not the demo accounts) in turn, the first the captain; the demo user
 * joins the first team, so "Мои команды" is not empty for them.
 */
async function seedTeams(db: Parameters<Seeder["run"]>[0]["db"]) {
  const need = TEAMS.reduce((n, x) => n + x.people, 0);
  const people = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "user"), sql`${users.email} not like '%@innocluster.demo'`))
    .orderBy(asc(users.email))
    .limit(need);
  if (people.length < need) return [];
  const [demo] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "user@innocluster.demo"));
  const out: { id: string; captain: string }[] = [];
  let i = 0;
  for (const x of TEAMS) {
    const members = people.slice(i, i + x.people).map((p) => p.id);
    i += x.people;
    const [t] = await db
      .insert(teams)
      .values({ name: x.name, description: x.description, captainId: members[0]! })
      .returning({ id: teams.id });
    if (demo && out.length === 0 && !members.includes(demo.id)) members.push(demo.id);
    await db.insert(teamMembers).values(members.map((userId) => ({ teamId: t!.id, userId })));
    out.push({ id: t!.id, captain: members[0]! });
  }
  return out;
}
