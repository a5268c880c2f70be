// The full-scale part of the challenges' seed (`--scale full`, the benchmark): 2,000 challenges of the
// full data set's city bodies and corporations and 30,000 submissions to them, one of which — an
// evaluation in its first stage — has 500 submissions scored by three experts (the ranking the
// benchmark reads).
//
// Texts are composed from realistic fragments per field (transport, healthcare, housing and utilities,
// education, ecology, construction, energy, industry, retail, the city's digital services): a subject,
// where it is needed, the problem, the result expected and the requirements; criteria pass the shared
// rule (weights sum to 100). Most challenges are closed or have their results published (every
// submission decided and its feedback sent, every assigned expert's scores in), some accept submissions
// or are being evaluated, a few wait for moderation or are drafts. Deterministic: a PRNG of its own with a
// fixed seed (no faker: the shared generator's sequence is not shifted).

import { sql } from "drizzle-orm";
import {
  type ChallengeState,
  type Criterion,
  criteriaIssues,
  type Decision,
  IP_STATUSES,
  type RewardType,
} from "../../shared/challenges.js";
import { rows, textArray } from "../core/db.js";
import type { SeedContext } from "../core/seed.js";
import { topicsOf } from "../modules/challenges/challenges.matching.js";
import {
  challengeExperts,
  challengeScores,
  challengeSubmissions,
  challenges,
} from "../modules/challenges/challenges.schema.js";
import { insertBatches, mulberry32, Random } from "./organizations.js";

const DAY = 24 * 3600_000;

export const FULL_CHALLENGES = 2000;
export const FULL_SUBMISSIONS = 30_000;
/** The submissions of the one challenge the benchmark ranks (an evaluation in its first stage). */
export const RANKED_SUBMISSIONS = 500;
/** Its title, by which the benchmark finds it. */
export const RANKED_TITLE = "Цифровой двойник городской застройки для оценки инсоляции и ветровых нагрузок";

type Theme = {
  /** Who posts it: a city body or a corporation. */
  owner: "city_body" | "corporation";
  subjects: string[];
  places: string[];
  problems: string[];
  results: string[];
  requirements: string[];
  criteria: Criterion[][];
  rewards: [RewardType, number][];
  /** The theme's OKVED sections and technology tags (every challenge of it has them). */
  industries: string[];
  tags: string[];
  /** Reward amounts in thousands of rubles, min and max. */
  amount: [number, number];
};

const C = (name: string, weight: number, description = ""): Criterion => ({ name, description, weight });

const COMMON_CRITERIA: Criterion[][] = [
  [
    C("Соответствие задаче", 30, "Насколько решение закрывает описанную проблему"),
    C("Технологическая готовность", 25, "Подтверждённый уровень TRL, пилоты"),
    C("Экономический эффект", 25),
    C("Команда и опыт внедрений", 20),
  ],
  [
    C("Эффективность решения", 40),
    C("Стоимость внедрения и владения", 30),
    C("Сроки пилота", 15),
    C("Импортонезависимость", 15, "Российские компоненты и ПО из реестра"),
  ],
  [C("Новизна", 20), C("Измеримый эффект", 35), C("Масштабируемость", 25), C("Риски внедрения", 20)],
];

const THEMES: Theme[] = [
  {
    owner: "city_body",
    industries: ["H", "J"],
    tags: ["transport", "ai", "iot"],
    subjects: [
      "Подсчёт пассажиропотока",
      "Прогноз загрузки подвижного состава",
      "Контроль занятости парковочных мест",
      "Мониторинг состояния контактной сети",
      "Распознавание дефектов дорожного покрытия",
      "Оптимизация светофорного регулирования",
    ],
    places: [
      "на остановках наземного транспорта",
      "в электробусных парках",
      "на перехватывающих парковках",
      "на выделенных полосах",
      "на вылетных магистралях",
      "в транспортно-пересадочных узлах",
    ],
    problems: [
      "Сейчас данные собираются вручную или по косвенным признакам, с задержкой в несколько дней, и диспетчеры не могут оперативно перераспределять ресурсы.",
      "Существующие датчики дороги в обслуживании и не покрывают и трети объектов; нужна технология, которую можно тиражировать без капитального строительства.",
      "Жалобы жителей поступают быстрее, чем дефекты выявляют обходчики; нужен автоматический мониторинг с привязкой к координатам.",
    ],
    results: [
      "Пилот на 20 объектах в течение трёх месяцев с точностью не ниже 90% по сравнению с ручным учётом.",
      "Сервис, передающий данные в центр управления движением по открытому API не реже раза в минуту.",
      "Методика и расчёт эффекта для тиражирования на все объекты города.",
    ],
    requirements: [
      "Обезличивание данных на устройстве; хранение на территории России.",
      "Работа при температуре от −35 до +40 °C, питание от городской сети.",
      "Интеграция по открытому API; программное обеспечение из реестра российского ПО.",
    ],
    criteria: COMMON_CRITERIA,
    rewards: [
      ["paid_pilot", 6],
      ["contract", 2],
      ["none", 1],
    ],
    amount: [1500, 9000],
  },
  {
    owner: "city_body",
    industries: ["Q"],
    tags: ["medtech", "ai"],
    subjects: [
      "Предварительный разбор медицинских изображений",
      "Удалённый мониторинг пациентов с хроническими заболеваниями",
      "Прогноз нагрузки на приёмные отделения",
      "Распознавание речи врача при заполнении протокола",
      "Контроль холодовой цепи лекарственных препаратов",
    ],
    places: [
      "в городских поликлиниках",
      "в стационарах скорой помощи",
      "в центрах амбулаторной онкологической помощи",
      "в кабинетах диспансеризации",
      "в аптечном складе ГБУЗ",
    ],
    problems: [
      "Врачи тратят до трети приёма на рутинные операции, а очереди на исследования растут.",
      "Нарушения выявляются постфактум, когда препараты или время уже потеряны.",
      "Нагрузка распределена неравномерно: одни отделения перегружены, другие простаивают.",
    ],
    results: [
      "Интеграция с ЕМИАС и пилот в пяти медицинских организациях продолжительностью четыре месяца.",
      "Снижение времени на оформление документации не менее чем на 20%.",
      "Регистрационное удостоверение или план его получения до конца пилота.",
    ],
    requirements: [
      "Регистрационное удостоверение Росздравнадзора для медицинских изделий.",
      "Обработка персональных данных по 152-ФЗ, размещение в ЦОД Москвы.",
      "Интеграция с ЕМИАС по опубликованному API.",
    ],
    criteria: [
      [
        C("Клиническая эффективность", 40, "Чувствительность и специфичность на тестовой выборке"),
        C("Интеграция с ЕМИАС", 25),
        C("Безопасность данных", 20),
        C("Стоимость", 15),
      ],
      ...COMMON_CRITERIA.slice(0, 1),
    ],
    rewards: [
      ["paid_pilot", 5],
      ["grant", 2],
      ["contract", 1],
    ],
    amount: [2000, 12000],
  },
  {
    owner: "city_body",
    industries: ["D", "E"],
    tags: ["energy", "iot"],
    subjects: [
      "Учёт потребления тепла",
      "Раннее обнаружение протечек",
      "Контроль вывоза твёрдых коммунальных отходов",
      "Мониторинг состояния лифтового оборудования",
      "Дистанционный контроль уличного освещения",
    ],
    places: [
      "в многоквартирных домах",
      "на объектах капитального ремонта",
      "в контейнерных площадках",
      "в районах Северо-Восточного округа",
      "в жилых кварталах Новой Москвы",
    ],
    problems: [
      "Аварии обнаруживаются по звонкам жителей, а потери ресурса не учитываются.",
      "Диспетчерские службы не видят состояние оборудования в реальном времени.",
      "Графики обслуживания не учитывают фактическое состояние объектов.",
    ],
    results: [
      "Пилот в 30 домах в течение отопительного сезона со снижением потерь не менее 10%.",
      "Интеграция с городской системой диспетчеризации и отчёт об эффекте.",
    ],
    requirements: [
      "Связь по NB-IoT или LoRaWAN, автономная работа не менее пяти лет.",
      "Сертификаты соответствия ТР ТС; гарантийное обслуживание в Москве.",
    ],
    criteria: COMMON_CRITERIA,
    rewards: [
      ["paid_pilot", 4],
      ["contract", 3],
      ["prize", 1],
    ],
    amount: [800, 6000],
  },
  {
    owner: "city_body",
    industries: ["P"],
    tags: ["edtech", "ai"],
    subjects: [
      "Персонализированные траектории обучения",
      "Автоматическая проверка письменных работ",
      "Профориентация школьников",
      "Цифровые лаборатории для уроков естествознания",
    ],
    places: [
      "в школах Москвы",
      "в колледжах",
      "в проекте «Предпрофессиональные классы»",
      "в технопарках для детей",
    ],
    problems: [
      "Учителя проверяют сотни работ в неделю, а обратная связь ученику приходит слишком поздно.",
      "Школьники выбирают профиль обучения без опоры на данные о своих интересах и способностях.",
    ],
    results: [
      "Пилот в десяти школах на учебную четверть, интеграция с «Московской электронной школой».",
      "Оценка эффекта на контрольной группе и методические рекомендации.",
    ],
    requirements: [
      "Соответствие ФГОС; работа на оборудовании школ без установки ПО на ученические устройства.",
      "Защита персональных данных несовершеннолетних.",
    ],
    criteria: COMMON_CRITERIA,
    rewards: [
      ["paid_pilot", 3],
      ["grant", 2],
      ["prize", 2],
    ],
    amount: [500, 4000],
  },
  {
    owner: "city_body",
    industries: ["E", "O"],
    tags: ["cleantech", "urban-tech", "iot"],
    subjects: [
      "Мониторинг качества воздуха",
      "Учёт зелёных насаждений",
      "Сортировка вторичного сырья",
      "Снижение шумового загрязнения",
    ],
    places: ["в природных парках", "вдоль МКАД", "на промышленных территориях", "во дворах"],
    problems: [
      "Стационарных станций мало, и жалобы жителей на запахи и шум нечем подтвердить.",
      "Инвентаризация ведётся раз в несколько лет и сразу устаревает.",
    ],
    results: [
      "Сеть из 50 датчиков с открытыми данными на портале и пилот на шесть месяцев.",
      "Цифровая модель с обновлением не реже раза в квартал.",
    ],
    requirements: ["Метрологическая поверка измерительных приборов.", "Открытые форматы данных."],
    criteria: COMMON_CRITERIA,
    rewards: [
      ["paid_pilot", 3],
      ["prize", 2],
      ["none", 1],
    ],
    amount: [300, 3000],
  },
  {
    owner: "corporation",
    industries: ["C"],
    tags: ["big-data", "ai", "robotics"],
    subjects: [
      "Предиктивное обслуживание",
      "Машинное зрение для контроля качества",
      "Цифровой двойник технологического процесса",
      "Роботизация погрузочно-разгрузочных работ",
      "Снижение энергопотребления",
    ],
    places: [
      "на сборочном производстве",
      "на линии литья под давлением",
      "на складах готовой продукции",
      "в механообрабатывающем цехе",
      "на компрессорных станциях",
    ],
    problems: [
      "Внеплановые простои оборудования обходятся в десятки миллионов рублей в год.",
      "Выходной контроль выборочный, и брак доходит до заказчика.",
      "Ручные операции ограничивают производительность и создают риски травм.",
    ],
    results: [
      "Пилот на одной линии в течение трёх месяцев с подтверждённым снижением простоев.",
      "Технико-экономическое обоснование тиражирования на предприятия группы.",
    ],
    requirements: [
      "Работа без подключения к внешним сетям; интеграция с MES и ERP.",
      "Российское программное обеспечение; поддержка на русском языке.",
    ],
    criteria: [
      [
        C("Технический эффект", 35, "Снижение простоев, брака или затрат"),
        C("Срок окупаемости", 25),
        C("Интеграция с системами предприятия", 25),
        C("Надёжность поставщика", 15),
      ],
      ...COMMON_CRITERIA,
    ],
    rewards: [
      ["contract", 4],
      ["paid_pilot", 4],
      ["prize", 1],
    ],
    amount: [2000, 25000],
  },
  {
    owner: "corporation",
    industries: ["G", "K"],
    tags: ["fintech", "big-data"],
    subjects: [
      "Прогноз спроса",
      "Антифрод для платёжных операций",
      "Голосовой помощник для клиентской поддержки",
      "Автоматизация документооборота с контрагентами",
    ],
    places: ["в розничной сети", "в контакт-центре", "в логистическом подразделении", "в сервисе доставки"],
    problems: [
      "Существующие модели не учитывают сезонность и локальные события, точность прогноза падает.",
      "Операторы тратят большую часть времени на типовые обращения.",
    ],
    results: [
      "Пилот на ограниченном сегменте в течение двух месяцев с A/B-сравнением.",
      "Внедрение в промышленную эксплуатацию по результатам пилота.",
    ],
    requirements: [
      "Развёртывание в контуре компании.",
      "Соответствие требованиям информационной безопасности.",
    ],
    criteria: COMMON_CRITERIA,
    rewards: [
      ["contract", 5],
      ["paid_pilot", 3],
    ],
    amount: [1000, 15000],
  },
];

/** The ranked challenge: a two-stage evaluation of the city's architecture committee. */
const RANKED_THEME: Pick<Plan, "titleRu" | "problemRu" | "expectedResultRu" | "requirementsRu" | "criteria"> =
  {
    titleRu: RANKED_TITLE,
    problemRu:
      "Оценка инсоляции и ветрового комфорта новой застройки делается по отдельным расчётам для каждого проекта и занимает недели. Нужен цифровой двойник, который считает влияние проекта на окружающую застройку по данным городской 3D-модели.",
    expectedResultRu:
      "Пилот на пяти проектах планировки территории с расчётом за часы вместо недель и сопоставлением с экспертизой.",
    requirementsRu: "Работа с открытыми форматами CityGML и IFC; размещение в контуре города.",
    criteria: [
      C("Точность расчётов", 35, "Сопоставление с результатами экспертизы"),
      C("Скорость расчёта", 25),
      C("Интеграция с городской 3D-моделью", 25),
      C("Стоимость владения", 15),
    ],
  };

type Plan = {
  titleRu: string;
  problemRu: string;
  expectedResultRu: string;
  requirementsRu: string;
  criteria: Criterion[];
};

/** States of the generated challenges, by weight. */
const STATE_WEIGHTS: [ChallengeState, number][] = [
  ["closed", 55],
  ["results", 12],
  ["accepting", 17],
  ["evaluation", 9],
  ["moderation", 3],
  ["draft", 4],
];

type Owner = { id: string; owner: string; type: "city_body" | "corporation" };
type Submitter = { id: string; owner: string };

type ChallengeRow = typeof challenges.$inferInsert;
type SubmissionRow = typeof challengeSubmissions.$inferInsert;
type ScoreRow = typeof challengeScores.$inferInsert;
type ExpertRow = typeof challengeExperts.$inferInsert;

const SOLUTIONS = [
  "Программно-аппаратный комплекс с обработкой данных на устройстве и облачной аналитикой.",
  "Сервис на основе компьютерного зрения, обученный на размеченных данных заказчиков из нашего портфеля.",
  "Платформа сбора и анализа телеметрии с моделями машинного обучения и панелью диспетчера.",
  "Отечественный программный продукт из реестра российского ПО с модулем интеграции по REST API.",
  "Сеть беспроводных датчиков собственной разработки и мобильное приложение для обходчиков.",
  "Модель прогнозирования на исторических данных заказчика с ежедневным переобучением.",
];
const PLANS = [
  "Пилот на двух объектах за 8 недель: установка, калибровка, сравнение с эталоном, отчёт.",
  "Три этапа по месяцу: интеграция, опытная эксплуатация, оценка эффекта с заказчиком.",
  "Развёртывание в тестовом контуре за две недели, затем опытная эксплуатация три месяца.",
];
const COMMENTS = [
  "Сильная команда и понятный план пилота.",
  "Эффект заявлен, но не подтверждён данными внедрений.",
  "Решение зрелое, стоимость масштабирования выше рынка.",
  "Хорошая интеграция, требуется уточнить требования к инфраструктуре.",
  "Интересный подход, но уровень готовности ниже заявленного.",
];

export type FullChallenges = {
  challenges: ChallengeRow[];
  experts: ExpertRow[];
  submissions: SubmissionRow[];
  scores: ScoreRow[];
};

/** Whole 0–10 scores of a submission's quality q (0–1) by one expert, per criterion. */
const scoresOf = (r: Random, criteria: number, q: number) =>
  Array.from({ length: criteria }, () => Math.max(0, Math.min(10, Math.round(q * 10 + r.int(-2, 2)))));

export function fullChallenges(
  seed: number,
  owners: Owner[],
  submitters: Submitter[],
  experts: string[],
  now: number,
  /** The organizations each expert belongs to (never scoring them: a conflict of interest). */
  expertOrgs: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): FullChallenges {
  const r = new Random(mulberry32(seed));
  const out: FullChallenges = { challenges: [], experts: [], submissions: [], scores: [] };
  const byType = {
    city_body: owners.filter((o) => o.type === "city_body"),
    corporation: owners.filter((o) => o.type === "corporation"),
  };
  const plans: { plan: Plan; theme: Theme | null; state: ChallengeState }[] = [];
  plans.push({ plan: RANKED_THEME, theme: null, state: "evaluation" });
  for (let i = 1; i < FULL_CHALLENGES; i++) {
    const theme = r.pick(THEMES);
    const subject = r.pick(theme.subjects);
    const place = r.pick(theme.places);
    plans.push({
      theme,
      state: r.weighted(STATE_WEIGHTS),
      plan: {
        titleRu: `${subject} ${place}`,
        problemRu: `${r.pick(theme.problems)} ${subject} ${place} сейчас не решается типовыми средствами.`,
        expectedResultRu: r.pick(theme.results),
        requirementsRu: r.some(theme.requirements, 2).join(" "),
        criteria: r.pick(theme.criteria),
      },
    });
  }
  // Submissions per public challenge: the ranked one's 500, the rest spread (0–40, more on older ones).
  const shares = plans.map((p, i) =>
    i === 0 ? 0 : p.state === "draft" || p.state === "moderation" ? 0 : 1 + r.int(0, 30),
  );
  const shareTotal = shares.reduce((s, n) => s + n, 0);
  const rest = FULL_SUBMISSIONS - RANKED_SUBMISSIONS;
  const counts = shares.map((s) => Math.floor((s / shareTotal) * rest));
  counts[0] = RANKED_SUBMISSIONS;
  let missing = FULL_SUBMISSIONS - counts.reduce((s, n) => s + n, 0);
  for (let i = 1; missing > 0; i = (i % (counts.length - 1)) + 1)
    if (shares[i]) {
      counts[i]!++;
      missing--;
    }
  for (const [i, { plan, theme, state }] of plans.entries()) {
    if (criteriaIssues(plan.criteria).length) throw new Error(`seed: criteria of ${plan.titleRu}`);
    const type = theme?.owner ?? "city_body";
    const owner = r.pick(byType[type].length ? byType[type] : owners);
    const id = r.uuid();
    const stages = i === 0 ? 2 : r.chance(0.3) ? 2 : 1;
    // Deadlines: open ones ahead (1–60 days), evaluation just past, results and closed in the past year.
    const deadline =
      state === "accepting" || state === "draft" || state === "moderation"
        ? now + r.int(1, 60) * DAY
        : state === "evaluation"
          ? now - r.int(2, 30) * DAY
          : now - r.int(40, 720) * DAY;
    const created = deadline - r.int(30, 75) * DAY;
    const scored = state === "evaluation" || state === "results" || state === "closed";
    const decided = state === "results" || state === "closed";
    const [rewardType] = theme ? [r.weighted(theme.rewards)] : (["paid_pilot"] as const);
    const amount = theme ? r.int(theme.amount[0], theme.amount[1]) * 1000 : 7_500_000;
    out.challenges.push({
      id,
      organizationId: owner.id,
      authorId: owner.owner,
      state,
      titleRu: plan.titleRu,
      problemRu: plan.problemRu,
      expectedResultRu: plan.expectedResultRu,
      requirementsRu: plan.requirementsRu,
      minTrl: r.chance(0.6) ? r.int(4, 7) : null,
      rewardType,
      rewardAmount: rewardType === "none" ? null : amount,
      deadline: new Date(deadline),
      stages,
      stage: state === "evaluation" ? 1 : decided ? stages + 1 : null,
      criteria: plan.criteria,
      ...topicsOf({
        industries: theme?.industries ?? ["F", "M"],
        tags: theme?.tags ?? ["urban-tech", "big-data"],
        orgTypes: [],
        participantsOnly: false,
      }),
      submittedAt: state === "draft" ? null : new Date(created + DAY),
      openedAt: state === "draft" || state === "moderation" ? null : new Date(created + 2 * DAY),
      resultsAt: decided ? new Date(deadline + r.int(14, 30) * DAY) : null,
      createdAt: new Date(created),
      updatedAt: new Date(decided ? deadline + 30 * DAY : created + 2 * DAY),
    });
    const panel = scored || state === "accepting" ? r.some(experts, i === 0 ? 3 : 2) : [];
    for (const e of panel)
      out.experts.push({
        challengeId: id,
        userId: e,
        assignedBy: owner.owner,
        noConflictAt: scored ? new Date(deadline + DAY) : null,
        createdAt: new Date(created + 2 * DAY),
      });
    const n = counts[i]!;
    if (!n) continue;
    const who = r.some(
      submitters.filter((s) => s.id !== owner.id && !panel.some((e) => expertOrgs.get(e)?.has(s.id))),
      n,
    );
    const quality = who.map(() => r.int(20, 95) / 100);
    // Results: the best fifth passes the first of two stages; winners and reserve among the best.
    const order = quality.map((q, k) => [q, k] as const).sort((a, b) => b[0] - a[0]);
    const place = new Map(order.map(([, k], p) => [k, p]));
    const winners = Math.max(1, Math.round(n / 15));
    for (const [k, s] of who.entries()) {
      const sid = r.uuid();
      const p = place.get(k)!;
      const passedFirst = stages === 2 && p < Math.max(3, Math.ceil(n / 5));
      const decision: Decision | null = decided
        ? p < winners
          ? "winner"
          : p < winners * 2
            ? "reserve"
            : "not_selected"
        : null;
      const at = created + r.int(3, Math.max(4, Math.floor((deadline - created) / DAY) - 1)) * DAY;
      out.submissions.push({
        id: sid,
        challengeId: id,
        organizationId: s.id,
        authorId: s.owner,
        state: r.chance(0.03) && !decided ? "withdrawn" : "submitted",
        solution: r.pick(SOLUTIONS),
        trl: r.int(4, 9),
        ipStatus: r.pick(IP_STATUSES),
        price: r.chance(0.8) ? r.int(5, 400) * 10_000 : null,
        pilotPlan: r.pick(PLANS),
        passed: decided ? (decision !== "not_selected" ? stages : passedFirst ? 1 : 0) : 0,
        decision,
        feedbackAt: decided ? new Date(deadline + 20 * DAY) : null,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
      if (!scored) continue;
      // In an evaluation, the experts are part way through (the ranked one's three: all, most, half).
      const stagesScored = decided && passedFirst ? [1, 2] : [1];
      for (const [e, expert] of panel.entries()) {
        if (state === "evaluation" && (i === 0 ? k >= RANKED_SUBMISSIONS * (1 - e * 0.25) : e > 0 && k % 2))
          continue;
        for (const stage of stagesScored) {
          const scores = scoresOf(r, plan.criteria.length, quality[k]!);
          out.scores.push({
            submissionId: sid,
            expertId: expert,
            stage,
            scores,
            comments: scores.map((v, c) =>
              c === 0 && v <= 5 ? "Нужны подтверждающие данные пилотов." : null,
            ),
            comment: r.pick(COMMENTS),
            createdAt: new Date(deadline + 2 * DAY),
            updatedAt: new Date(deadline + 2 * DAY),
          });
        }
      }
    }
  }
  return out;
}

export async function seedFullChallenges(ctx: SeedContext) {
  const { db } = ctx;
  const orgs = (
    await rows<Owner & { orgType: string }>(
      db,
      sql`select o.id, m.user_id as owner, o.type::text as "orgType", o.type::text as type
        from organizations o join memberships m on m.organization_id = o.id and m.role = 'owner'
        where o.verified_at is not null order by o.inn, o.id`,
    )
  ).filter((o, i, all) => i === 0 || all[i - 1]!.id !== o.id);
  const owners = orgs.filter((o) => o.orgType === "city_body" || o.orgType === "corporation");
  const submitters = orgs.filter((o) => o.orgType !== "city_body");
  const experts = (
    await rows<{ id: string }>(db, sql`select id from users where role = 'expert' order by email limit 60`)
  ).map((e) => e.id);
  const expertOrgs = new Map<string, Set<string>>();
  for (const m of await rows<{ userId: string; orgId: string }>(
    db,
    sql`select user_id as "userId", organization_id as "orgId" from memberships
      where user_id = any(${textArray(experts)}::uuid[])`,
  ))
    expertOrgs.set(m.userId, new Set([...(expertOrgs.get(m.userId) ?? []), m.orgId]));
  if (owners.length < 10 || submitters.length < RANKED_SUBMISSIONS + 10 || experts.length < 3) return;
  const generated = fullChallenges(20261208, owners, submitters, experts, Date.now(), expertOrgs);
  await insertBatches(ctx, "challenges", generated.challenges, (b) => db.insert(challenges).values(b));
  await insertBatches(ctx, "challenge experts", generated.experts, (b) =>
    db.insert(challengeExperts).values(b),
  );
  await insertBatches(ctx, "submissions", generated.submissions, (b) =>
    db.insert(challengeSubmissions).values(b),
  );
  await insertBatches(ctx, "scores", generated.scores, (b) => db.insert(challengeScores).values(b));
  // Every winner of a challenge with a reward in money got it: a paid pilot or contract as a contract
  // signed three weeks after the results, a prize or grant as awarded.
  await db.execute(sql`insert into challenge_awards
      (submission_id, challenge_id, kind, amount, awarded_on, document_ru, recorded_by)
    select s.id, c.id,
      (case c.reward_type when 'paid_pilot' then 'contract' else c.reward_type::text end)::challenge_award_kind,
      c.reward_amount, least((c.results_at at time zone 'Europe/Moscow')::date + 21, current_date),
      case c.reward_type when 'grant' then 'Соглашение о предоставлении гранта № '
        when 'prize' then 'Приказ о награждении № ' else 'Договор № ' end
        || (row_number() over (order by s.id)) || '-ИК/' || extract(year from c.results_at),
      c.author_id
    from challenge_submissions s join challenges c on c.id = s.challenge_id
    where s.decision = 'winner' and c.state in ('results', 'closed') and c.results_at is not null
      and c.reward_type <> 'none' and c.reward_amount > 0
    on conflict do nothing`);
  await db.execute(sql`select gin_clean_pending_list(i.indexrelid) from pg_index i
    join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = 'challenges'::regclass and a.amname = 'gin'`);
  for (const t of [
    "challenges",
    "challenge_experts",
    "challenge_submissions",
    "challenge_scores",
    "challenge_awards",
  ])
    await db.execute(sql.raw(`analyze ${t}`));
}
