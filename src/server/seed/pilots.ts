import { asc, eq, inArray, sql } from "drizzle-orm";
import type { InnovationScores, PilotState, SiteType } from "../../shared/pilots.js";
import { rows, textArray } from "../core/db.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { pilotMilestones, pilotSites, pilots } from "../modules/pilots/pilots.schema.js";
import { demoChallengeTitles } from "./challenges.js";
import { ownedOrganizations, verifiedMoscowParticipant } from "./organizations.js";
import { seedFullPilots } from "./pilots.full.js";

/*
 * Demo pilot-testing sites of the city bodies and corporations in the demo (ДЗМ's hospitals, Дептранс's
 * depots and interchanges, ДИТ's digital services and the schools of the Moscow e-school, ДИПП's
 * industrial parks, ДПиИР's offices, Газпром's and Газпром нефть's utilities and refinery, КАМАЗ's
 * proving ground) and pilots of Moscow participants in every state, with the expert's scores, agreed
 * dates, milestones and results. Written as rows, dated from now; deterministic: no faker.
 */

const DAY = 24 * 3600_000;

type SitePlan = [
  owner: string,
  name: string,
  type: SiteType,
  place: [okrug: string, district: string, address: string] | [region: string],
  testable: string,
  capacity: number,
  price: number | null,
];

const SITES: SitePlan[] = [
  [
    "ДЗМ",
    "ГКБ № 52: приёмное отделение",
    "hospital",
    ["szao", "shchukino", "ул. Пехотная, д. 3"],
    "Сортировка пациентов, прогноз нагрузки и навигация в приёмном отделении",
    2,
    null,
  ],
  [
    "ДЗМ",
    "ГКБ имени С. П. Боткина: отделение лучевой диагностики",
    "hospital",
    ["sao", "begovoy", "2-й Боткинский пр., д. 5"],
    "Сервисы ИИ для описания КТ и рентгенограмм, интеграция с ЕРИС",
    3,
    null,
  ],
  [
    "ДЗМ",
    "ГКБ № 67 имени Л. А. Ворохобова: реанимация",
    "hospital",
    ["szao", "khoroshyovo_mnyovniki", "ул. Саляма Адиля, д. 2/44"],
    "Мониторинг пациентов у постели, раннее предупреждение ухудшения состояния",
    1,
    null,
  ],
  [
    "ДЗМ",
    "ГКБ № 15 имени О. М. Филатова: склад и аптека",
    "hospital",
    ["vao", "veshnyaki", "ул. Вешняковская, д. 23"],
    "Учёт лекарств и расходных материалов, RFID-метки, роботизированная выдача",
    2,
    null,
  ],
  [
    "ДЗМ",
    "НИИ скорой помощи им. Н. В. Склифосовского",
    "hospital",
    ["cao", "meshchansky", "Большая Сухаревская пл., д. 3"],
    "Телемедицинские консультации, маршрутизация бригад скорой помощи",
    1,
    null,
  ],
  [
    "ДЗМ",
    "Городская поликлиника № 195",
    "hospital",
    ["zao", "solntsevo", "ул. Авиаторов, д. 8"],
    "Запись и электронная очередь, инфоматы, голосовые помощники регистратуры",
    2,
    null,
  ],
  [
    "Дептранс Москвы",
    "Филёвский автобусный парк",
    "transport",
    ["zao", "filyovsky_park", "ул. Филёвская Б., д. 26"],
    "Диагностика автобусов и электробусов, предиктивное обслуживание, зарядная инфраструктура",
    2,
    null,
  ],
  [
    "Дептранс Москвы",
    "Электробусный парк «Красная Пахра»",
    "transport",
    ["tao", "krasnopakhorskoye", "пос. Краснопахорское, Калужское ш., 40-й км"],
    "Быстрая зарядка электробусов, управление энергопотреблением парка",
    1,
    null,
  ],
  [
    "Дептранс Москвы",
    "ТПУ «Рязанский проспект»",
    "transport",
    ["yuvao", "ryazansky", "Рязанский пр., вл. 2"],
    "Подсчёт пассажиропотока, навигация для маломобильных пассажиров",
    3,
    null,
  ],
  [
    "Дептранс Москвы",
    "Остановочные павильоны Люблина",
    "transport",
    ["yuvao", "lyublino", "ул. Совхозная и ул. Люблинская"],
    "Датчики на остановках, информационные табло, обезличенный подсчёт ожидающих",
    4,
    null,
  ],
  [
    "Дептранс Москвы",
    "Трамвайное депо имени Апакова",
    "transport",
    ["yuao", "danilovsky", "ул. Лестева, д. 1"],
    "Контроль износа колёсных пар, машинное зрение на пути",
    1,
    null,
  ],
  [
    "Дептранс Москвы",
    "Перехватывающая парковка у станции «Саларьево»",
    "transport",
    ["nao", "sosenskoye", "Киевское ш., 21-й км"],
    "Распознавание свободных мест, оплата парковки без остановки",
    2,
    null,
  ],
  [
    "ДИТ Москвы",
    "Портал mos.ru",
    "digital_service",
    ["Москва"],
    "Сервисы для жителей на портале: чат-боты, персональные рекомендации, доступность",
    3,
    null,
  ],
  [
    "ДИТ Москвы",
    "Московская электронная школа (МЭШ)",
    "digital_service",
    ["Москва"],
    "Цифровые учебные материалы, проверка домашних заданий, аналитика успеваемости",
    3,
    null,
  ],
  [
    "ДИТ Москвы",
    "Единый центр хранения данных видеонаблюдения",
    "digital_service",
    ["Москва"],
    "Видеоаналитика на городских камерах: обезличенные события, качество изображения",
    2,
    600_000,
  ],
  [
    "ДИТ Москвы",
    "Школа № 1535: кабинеты физики и химии",
    "school",
    ["cao", "khamovniki", "ул. Усачёва, д. 50"],
    "Цифровые лаборатории, интерактивные панели, виртуальные практикумы",
    2,
    null,
  ],
  [
    "ДИТ Москвы",
    "Школа № 548 «Царицыно»",
    "school",
    ["yuao", "tsaritsyno", "ул. Ереванская, д. 20"],
    "Системы контроля доступа, учёт питания, датчики качества воздуха в классах",
    2,
    null,
  ],
  [
    "ДИТ Москвы",
    "Школа № 1158",
    "school",
    ["zao", "ochakovo_matveyevskoye", "ул. Наташи Ковшовой, д. 19"],
    "Обучающая робототехника, инженерные классы, 3D-печать",
    1,
    null,
  ],
  [
    "ДИПП Москвы",
    "ОЭЗ «Технополис Москва»: площадка «Печатники»",
    "industrial",
    ["yuvao", "pechatniki", "Волгоградский пр., д. 42, корп. 5"],
    "Производственные линии микроэлектроники, промышленный интернет вещей, чистые помещения",
    3,
    250_000,
  ],
  [
    "ДИПП Москвы",
    "ОЭЗ «Технополис Москва»: площадка «Алабушево»",
    "industrial",
    ["zelao", "kryukovo", "Зеленоград, Георгиевский пр., вл. 8"],
    "Испытания оборудования и материалов, энергоэффективность производственных корпусов",
    2,
    250_000,
  ],
  [
    "ДИПП Москвы",
    "Индустриальный парк «Руднево»",
    "industrial",
    ["vao", "kosino_ukhtomsky", "ул. Рудневка, вл. 15"],
    "Складская логистика, роботизированная сортировка, управление энергией",
    2,
    null,
  ],
  [
    "ДИПП Москвы",
    "Промышленная зона «ЗИЛ»: цех переработки",
    "industrial",
    ["yuao", "danilovsky", "ул. Автозаводская, д. 23"],
    "Переработка строительных отходов, сортировка с машинным зрением",
    1,
    400_000,
  ],
  [
    "ДПиИР",
    "Инновационный центр Москвы: открытый офис",
    "office",
    ["cao", "presnensky", "ул. Тестовская, д. 10"],
    "Офисные сервисы, бронирование переговорных, умные системы здания",
    3,
    null,
  ],
  [
    "ДПиИР",
    "Центр «Мой бизнес»: зона приёма посетителей",
    "office",
    ["cao", "tagansky", "ул. Марксистская, д. 34, корп. 8"],
    "Электронная очередь, виртуальные консультанты, аналитика обращений",
    2,
    null,
  ],
  [
    "ДПиИР",
    "Коворкинг технопарка «Строгино»",
    "office",
    ["szao", "strogino", "ул. Твардовского, д. 8"],
    "Доступ по биометрии, учёт загрузки рабочих мест, энергосбережение",
    2,
    null,
  ],
  [
    "ПАО «Газпром»",
    "Газораспределительная станция «Московская»",
    "utilities",
    ["nao", "moskovsky", "пос. Московский, Киевское ш., 22-й км"],
    "Телеметрия газораспределения, обнаружение утечек метана, беспилотный облёт",
    1,
    1_500_000,
  ],
  [
    "ПАО «Газпром»",
    "АГНКС на МКАД, 14-й км",
    "utilities",
    ["yuvao", "kapotnya", "МКАД, 14-й км, внешняя сторона"],
    "Учёт газа на заправках, предиктивное обслуживание компрессоров",
    1,
    900_000,
  ],
  [
    "ПАО «Газпром нефть»",
    "Московский НПЗ: очистные сооружения",
    "utilities",
    ["yuvao", "kapotnya", "Капотня, 2-й квартал, д. 1, корп. 3"],
    "Контроль качества сточных вод, биологическая очистка, датчики выбросов",
    2,
    2_000_000,
  ],
  [
    "ПАО «Газпром нефть»",
    "Московский НПЗ: установка каталитического крекинга",
    "industrial",
    ["yuvao", "kapotnya", "Капотня, 2-й квартал, д. 1"],
    "Цифровые двойники установок, виброконтроль насосов, промышленная безопасность",
    1,
    3_500_000,
  ],
  [
    "ПАО «КАМАЗ»",
    "Испытательный полигон КАМАЗ",
    "industrial",
    ["Республика Татарстан, Набережные Челны"],
    "Испытания беспилотных грузовиков, систем помощи водителю и телематики",
    2,
    1_200_000,
  ],
];

type PilotPlan = {
  site: number;
  state: PilotState;
  solution: string;
  effect: string;
  assisted?: boolean;
  publish?: boolean;
  scores?: InnovationScores;
  success?: boolean;
  measured?: string;
  reason?: string;
  /** Days from now the dates start (negative: past). */
  from: number;
};

const S = (novelty: number, readiness: number, effect: number, feasibility: number): InnovationScores => ({
  novelty,
  readiness,
  effect,
  feasibility,
});

const PLANS: PilotPlan[] = [
  {
    site: 0,
    state: "submitted",
    from: 60,
    solution:
      "Компьютерное зрение для подсчёта очереди и прогноза нагрузки приёмного отделения на 4 часа вперёд",
    effect: "Время ожидания сортировки снизится на 20%",
  },
  {
    site: 12,
    state: "submitted",
    assisted: true,
    from: 45,
    solution: "Голосовой помощник для записи к врачу через портал и телефонную линию",
    effect: "Половина звонков записи без оператора",
  },
  {
    site: 9,
    state: "operator_review",
    assisted: true,
    from: 50,
    solution: "Обезличенные датчики подсчёта ожидающих пассажиров на остановках",
    effect: "Точность подсчёта не ниже 90%",
  },
  {
    site: 1,
    state: "innovation_review",
    from: 40,
    solution: "ИИ-сервис предварительного описания КТ органов грудной клетки",
    effect: "Описание исследования быстрее на 30%",
  },
  {
    site: 18,
    state: "innovation_review",
    from: 35,
    solution: "Система промышленного интернета вещей для контроля чистых помещений",
    effect: "Снижение брака на 15%",
  },
  {
    site: 6,
    state: "site_review",
    scores: S(7, 8, 7, 8),
    from: 30,
    solution: "Предиктивная диагностика тяговых батарей электробусов",
    effect: "Сокращение внеплановых ремонтов на четверть",
  },
  {
    site: 15,
    state: "site_review",
    scores: S(6, 9, 6, 9),
    from: 25,
    solution: "Виртуальный практикум по физике с датчиками для школьных лабораторий",
    effect: "Рост доли выполненных лабораторных работ",
  },
  {
    site: 22,
    state: "agreed",
    scores: S(5, 9, 6, 9),
    from: 14,
    solution: "Умная система бронирования переговорных с датчиками присутствия",
    effect: "Загрузка переговорных выше на 20%",
  },
  {
    site: 3,
    state: "running",
    scores: S(7, 7, 8, 7),
    from: -40,
    solution: "RFID-учёт лекарств и расходных материалов на больничном складе",
    effect: "Потери при инвентаризации ниже на 30%",
  },
  {
    site: 27,
    state: "running",
    scores: S(8, 6, 8, 6),
    publish: true,
    from: -70,
    solution: "Биосенсоры контроля качества сточных вод в реальном времени",
    effect: "Отклонения обнаруживаются за минуты вместо суток",
  },
  {
    site: 8,
    state: "completed",
    scores: S(7, 8, 8, 8),
    publish: true,
    success: true,
    from: -200,
    solution: "Обезличенный подсчёт пассажиропотока в транспортно-пересадочном узле",
    effect: "Данные о загрузке ТПУ каждые 5 минут",
    measured:
      "Точность подсчёта 94% против ручного учёта; интервалы автобусов в час пик скорректированы на трёх маршрутах",
  },
  {
    site: 5,
    state: "completed",
    scores: S(6, 9, 7, 9),
    publish: true,
    success: true,
    from: -180,
    solution: "Электронная очередь с прогнозом времени ожидания в регистратуре",
    effect: "Ожидание в регистратуре короче на 25%",
    measured: "Среднее ожидание в регистратуре сократилось с 14 до 9 минут",
  },
  {
    site: 21,
    state: "completed",
    scores: S(8, 5, 7, 5),
    publish: false,
    success: false,
    from: -150,
    solution: "Сортировка строительных отходов с машинным зрением",
    effect: "Доля вторсырья выше на 40%",
    measured: "Распознавание бетона и кирпича 71% при требуемых 85%; нужна доработка модели",
  },
  {
    site: 4,
    state: "rejected",
    scores: S(6, 4, 6, 4),
    reason: "Решение не сертифицировано как медицинское изделие; вернитесь после регистрации",
    from: 20,
    solution: "Телемедицинская платформа для консультаций бригад скорой помощи",
    effect: "Время до решения о госпитализации короче на 10 минут",
  },
  {
    site: 20,
    state: "withdrawn",
    from: 30,
    solution: "Роботизированная тележка для складской логистики",
    effect: "Сборка заказов быстрее на 35%",
  },
];

const dayOf = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
const past = ["agreed", "running", "completed"];

export const pilotsSeeder: Seeder = {
  name: "pilots",
  async run(ctx) {
    await seedDemoPilots(ctx.db);
    if (ctx.scale === "full") await seedFullPilots(ctx);
  },
};

async function seedDemoPilots(db: SeedContext["db"]) {
  const owners = await ownedOrganizations(db).where(
    inArray(organizations.shortName, [...new Set(SITES.map((s) => s[0]))]),
  );
  const byName = new Map(owners.map((o) => [o.shortName, o]));
  const companies = await ownedOrganizations(db)
    .where(verifiedMoscowParticipant())
    .orderBy(asc(organizations.inn))
    .offset(30)
    .limit(10);
  const [expert] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "expert"))
    .orderBy(asc(users.email))
    .limit(1);
  const now = Date.now();
  const siteIds: (string | null)[] = [];
  for (const [n, [owner, name, type, place, testable, capacity, price]] of SITES.entries()) {
    const org = byName.get(owner);
    if (!org) {
      siteIds.push(null);
      continue;
    }
    const created = new Date(now - (300 - n * 3) * DAY);
    const [s] = await db
      .insert(pilotSites)
      .values({
        organizationId: org.id,
        name,
        type,
        ...(place.length === 3
          ? { okrug: place[0], district: place[1], address: place[2] }
          : { region: place[0] }),
        testable,
        conditions:
          price === null
            ? "Бесплатно для участников кластера. Доступ по согласованию с администрацией площадки, график работ — вне часов пик."
            : "Платное пилотирование: стоимость за период пилота, договор с владельцем площадки. Допуск персонала после инструктажа.",
        capacity,
        periodFrom: dayOf(now, -365),
        periodTo: dayOf(now, 365),
        paid: price !== null,
        price,
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: pilotSites.id });
    siteIds.push(s!.id);
  }
  if (!companies.length) return;
  for (const [n, p] of PLANS.entries()) {
    const siteId = siteIds[p.site];
    if (!siteId) continue;
    const company = companies[n % companies.length]!;
    const created = new Date(now + (Math.min(p.from, 0) - 30) * DAY);
    const reviewed = p.scores !== undefined;
    const agreed = past.includes(p.state);
    const [row] = await db
      .insert(pilots)
      .values({
        siteId,
        organizationId: company.id,
        authorId: company.owner,
        state: p.state,
        solution: p.solution,
        trl: 5 + (n % 4),
        expectedEffect: p.effect,
        team: "Руководитель проекта, два инженера-разработчика, аналитик данных",
        needs:
          "Доступ на площадку в рабочие часы, ответственный сотрудник со стороны площадки, место для оборудования",
        dateFrom: dayOf(now, p.from),
        dateTo: dayOf(now, p.from + 120),
        operatorAssisted: p.assisted ?? false,
        publishResult: p.publish ?? false,
        expertId: p.state === "innovation_review" || reviewed ? (expert?.id ?? null) : null,
        scores: p.scores ?? null,
        scoreComment: reviewed
          ? "Решение применимо на площадке; эффект нужно подтвердить измерениями до и после пилота."
          : null,
        scoredAt: reviewed ? new Date(created.getTime() + 7 * DAY) : null,
        agreedFrom: agreed ? dayOf(now, p.from) : null,
        agreedTo: agreed ? dayOf(now, p.from + 120) : null,
        agreedConditions: agreed ? "Работы по согласованному графику, отчёт раз в две недели" : null,
        rejectReason: p.reason ?? null,
        rejectedAt: p.state === "rejected" ? "site_review" : null,
        success: p.success ?? null,
        measuredEffect: p.measured ?? null,
        completedAt: p.state === "completed" ? new Date(now + (p.from + 120) * DAY) : null,
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: pilots.id });
    if (p.state === "running" || p.state === "completed")
      await db.insert(pilotMilestones).values(
        [
          ["Оборудование установлено", 10],
          ["Промежуточный отчёт", 60],
          ["Итоговые измерения", 110],
        ].map(([title, d]) => ({
          pilotId: row!.id,
          title: String(title),
          due: dayOf(now, p.from + Number(d)),
          doneAt: p.from + Number(d) < 0 ? new Date(now + (p.from + Number(d)) * DAY) : null,
        })),
      );
  }
  await seedWinnerPilot(db, now, expert?.id ?? null);
}

/**
 * The earliest demo challenge winner (of an organization) took its solution to a pilot, running since a
 * month after the results at a site of the challenge's owner with room (else any site with room): the
 * challenges' funnel runs from a challenge to a pilot. Scored like every pilot past the expert's step.
 */
async function seedWinnerPilot(db: SeedContext["db"], now: number, expertId: string | null) {
  const [w] = await rows<{
    id: string;
    org: string;
    owner: string;
    solution: string;
    trl: number;
    results: number;
  }>(
    db,
    sql`select s.id, s.organization_id as org, c.organization_id as owner, s.solution, s.trl,
          (extract(epoch from c.results_at) * 1000)::float8 as results
        from challenge_submissions s join challenges c on c.id = s.challenge_id
        where s.decision = 'winner' and s.organization_id is not null and c.results_at is not null
          and c.title_ru = any(${textArray(demoChallengeTitles())})
          and not exists (select 1 from pilots p where p.challenge_submission_id = s.id)
        order by c.results_at, s.id limit 1`,
  );
  if (!w) return;
  const [site] = await rows<{ id: string }>(
    db,
    sql`select s.id from pilot_sites s
        where s.capacity > (select count(*) from pilots p where p.site_id = s.id and p.state::text in ('agreed', 'running'))
        order by s.organization_id = ${w.owner} desc, s.created_at, s.id limit 1`,
  );
  if (!site) return;
  const from = Math.min(-1, Math.round((Number(w.results) + 30 * DAY - now) / DAY));
  const created = new Date(Number(w.results) + 7 * DAY);
  await db.insert(pilots).values({
    siteId: site.id,
    organizationId: w.org,
    state: "running",
    solution: w.solution,
    trl: w.trl,
    expectedEffect: "Подтвердить на площадке эффект, показанный в решении запроса",
    team: "Руководитель проекта, два инженера, аналитик данных",
    needs: "Доступ на площадку, ответственный сотрудник со стороны заказчика",
    dateFrom: dayOf(now, from),
    dateTo: dayOf(now, from + 120),
    expertId,
    scores: { novelty: 8, readiness: 7, effect: 8, feasibility: 7 },
    scoreComment: "Решение оценено экспертами запроса; пилот подтверждает эффект на площадке.",
    scoredAt: created,
    agreedFrom: dayOf(now, from),
    agreedTo: dayOf(now, from + 120),
    agreedConditions: "Работы по согласованному графику, отчёт раз в две недели",
    challengeSubmissionId: w.id,
    createdAt: created,
    updatedAt: created,
  });
}
