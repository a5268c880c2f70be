// The full-scale part of the projects' seed (`--scale full`, the benchmark): beside the demo's 40, 14,260
// more innovative projects (14,300 in all), 5,000 of them joint — consortia of the lead and 1–4 partners
// (2–5 organizations) with roles and shares summing to 100%, most partners accepted, some invitations
// pending or declined — and money entries: investment attracted and city support received, most
// confirmed by the operator, some declared and waiting, a few rejected with a reason.
//
// Titles are a technology for an application in its industry ("Цифровой двойник для прогноза аварий на
// тепловых сетях"), a repeated one with the next phase of the work fitting the stage (then with where the
// work is done too); the description says how, where and what effect is expected, and where the work
// stands; TRL follows the stage (an idea 1–2 … scaling 9). Leads are verified companies, universities and research institutes; partners add
// the research, production or the customer's site. Deterministic: a PRNG of its own with a fixed seed (no
// faker). Idempotent: projects are added up to the count (and the joint ones up to theirs), nothing when
// there (the benchmark tops up a database seeded before them).

import { sql } from "drizzle-orm";
import type { OkvedSectionLetter } from "../../shared/okved.js";
import {
  CONSORTIUM_MAX,
  type EntryState,
  type InvestmentType,
  type MemberState,
  type ProjectStage,
  SHARE_WHOLE,
} from "../../shared/projects.js";
import type { TagSlug } from "../../shared/tags.js";
import { rows } from "../core/db.js";
import type { SeedContext } from "../core/seed.js";
import { topicsText } from "../modules/challenges/challenges.matching.js";
import { projectEntries, projectMembers, projects } from "../modules/projects/projects.schema.js";
import { insertBatches, mulberry32, Random } from "./organizations.js";

const DAY = 24 * 3600_000;

export const FULL_PROJECTS = 14_300;
export const FULL_JOINT = 5_000;

type Tech = [key: string, name: string, how: string, tags: TagSlug[]];

/** Technologies: the title's subject, what it does (the description), its technology tags. */
const TECHS: Tech[] = [
  ["twin", "Цифровой двойник", "модель объекта на данных датчиков и учётных систем", ["big-data", "iot"]],
  ["cv", "Система компьютерного зрения", "камеры и нейросетевые модели распознавания", ["ai"]],
  [
    "ml",
    "Сервис предиктивной аналитики",
    "модели машинного обучения на исторических данных",
    ["ai", "big-data"],
  ],
  ["iot", "Сеть беспроводных датчиков", "датчики с передачей данных по LoRaWAN и NB-IoT", ["iot"]],
  [
    "robot",
    "Роботизированный комплекс",
    "манипуляторы и мобильные роботы с системой управления",
    ["robotics"],
  ],
  [
    "drone",
    "Беспилотный авиационный комплекс",
    "дроны с автоматическими маршрутами и обработкой снимков",
    ["drones"],
  ],
  ["voice", "Голосовой помощник", "распознавание и синтез речи, диалоговые сценарии", ["ai"]],
  ["platform", "Отечественная платформа", "программная платформа из реестра российского ПО", ["big-data"]],
  [
    "secure",
    "Защищённый программно-аппаратный комплекс",
    "отечественная криптография и контроль доступа",
    ["cybersecurity"],
  ],
  ["vr", "Тренажёр виртуальной реальности", "сценарии в VR-шлеме с оценкой действий", ["vr-ar"]],
  [
    "ar",
    "Система дополненной реальности",
    "подсказки и инструкции поверх изображения в очках или планшете",
    ["vr-ar"],
  ],
  [
    "print",
    "Технология аддитивного производства",
    "3D-печать металлом и полимерами по цифровой модели",
    ["additive-manufacturing"],
  ],
  ["material", "Композитный материал", "новый состав и технология формования", ["new-materials"]],
  ["bio", "Биотехнологический процесс", "штаммы-продуценты и ферментация", ["biotech"]],
  ["sensor", "Фотонный датчик", "волоконно-оптические и лазерные измерения", ["photonics"]],
  [
    "chip",
    "Модуль на российской элементной базе",
    "плата и прошивка на отечественных микросхемах",
    ["microelectronics"],
  ],
  ["energy", "Система накопления энергии", "аккумуляторные модули с управлением зарядом", ["energy"]],
  [
    "sat",
    "Сервис спутникового мониторинга",
    "анализ космических снимков высокого разрешения",
    ["space", "big-data"],
  ],
  ["app", "Мобильная платформа", "приложение для пользователей и кабинет оператора", ["big-data"]],
  [
    "quantum",
    "Система квантового распределения ключей",
    "ключи шифрования по квантовому каналу городской оптической сети",
    ["quantum", "cybersecurity"],
  ],
];

/** Other names of a technology (the title takes one of them or its name). */
const VARIANTS: Record<string, string[]> = {
  twin: ["Платформа цифрового двойника", "Цифровая модель"],
  cv: ["Сервис машинного зрения", "Видеоаналитическая система"],
  ml: ["Система поддержки решений на основе ИИ", "Модель машинного обучения"],
  iot: ["Система промышленного интернета вещей", "Комплекс телеметрии"],
  robot: ["Коллаборативный робот", "Автономный мобильный робот"],
  drone: ["Комплекс с беспилотными летательными аппаратами"],
  voice: ["Речевой сервис", "Диалоговая платформа"],
  platform: ["Облачная платформа", "Информационная система"],
  secure: ["Средство криптографической защиты", "Доверенная платформа"],
  vr: ["Симулятор виртуальной реальности"],
  ar: ["Приложение дополненной реальности"],
  print: ["Установка селективного лазерного сплавления"],
  material: ["Полимерный композит", "Наноструктурированный материал"],
  bio: ["Биосинтез", "Ферментационная технология"],
  sensor: ["Оптоволоконная система мониторинга", "Лазерный анализатор"],
  chip: ["Контроллер на отечественных микросхемах", "Встраиваемый вычислительный модуль"],
  energy: ["Накопитель энергии на натрий-ионных аккумуляторах", "Система управления энергопотреблением"],
  sat: ["Геоинформационный сервис по данным ДЗЗ"],
  app: ["Цифровой сервис", "Приложение и веб-кабинет"],
};

type App = [
  goal: string,
  where: string,
  industries: OkvedSectionLetter[],
  tags: TagSlug[],
  techs: string[],
  effects: string[],
];

/** Applications: what for (after «для»), where, the industries, the domain's tags, fitting technologies, effects. */
const APPS: App[] = [
  [
    "контроля качества сварных швов",
    "на производственных линиях",
    ["C"],
    [],
    ["cv", "ml", "ar", "sensor"],
    ["брак меньше на 30%", "контроль каждого шва вместо выборочного"],
  ],
  [
    "предиктивного обслуживания станков",
    "в механообрабатывающих цехах",
    ["C"],
    [],
    ["twin", "ml", "iot", "chip"],
    ["простои оборудования меньше на 25%", "ремонт по состоянию вместо планового"],
  ],
  [
    "учёта энергопотребления цехов",
    "на промышленных предприятиях",
    ["C", "D"],
    ["energy"],
    ["iot", "ml", "platform"],
    ["расход электроэнергии ниже на 10%", "окупаемость за два года"],
  ],
  [
    "сборки электронных модулей",
    "на контрактном производстве",
    ["C"],
    ["microelectronics"],
    ["robot", "cv", "chip"],
    ["производительность линии выше на 40%", "импортозамещение оборудования"],
  ],
  [
    "производства деталей авиационных двигателей",
    "в опытном производстве",
    ["C"],
    [],
    ["print", "material", "twin"],
    ["срок изготовления короче в три раза", "масса деталей меньше на 20%"],
  ],
  [
    "складской логистики",
    "в распределительных центрах",
    ["H", "G"],
    ["transport"],
    ["robot", "cv", "iot", "app"],
    ["сборка заказов быстрее на 35%", "ошибок комплектации меньше в пять раз"],
  ],
  [
    "диагностики подвижного состава",
    "в депо городского транспорта",
    ["H"],
    ["transport"],
    ["twin", "ml", "cv", "sensor"],
    ["сход с линии по неисправности реже на 20%", "диагностика за 15 минут вместо часа"],
  ],
  [
    "управления светофорами",
    "на перекрёстках городских магистралей",
    ["H"],
    ["transport", "urban-tech"],
    ["ml", "cv", "iot", "twin"],
    ["задержки на перекрёстках меньше на 15%", "приоритет общественному транспорту"],
  ],
  [
    "зарядки электробусов",
    "в автобусных парках",
    ["H", "D"],
    ["transport", "energy"],
    ["energy", "platform", "ml"],
    ["пиковая нагрузка на сеть ниже на 30%", "электробус заряжается за 20 минут"],
  ],
  [
    "мониторинга пассажиропотока",
    "на транспортно-пересадочных узлах",
    ["H"],
    ["transport", "urban-tech"],
    ["cv", "iot", "ml", "app"],
    ["прогноз загрузки с точностью 90%", "равномерная загрузка выходов"],
  ],
  [
    "прогноза аварий на тепловых сетях",
    "в жилых кварталах",
    ["D", "E"],
    ["urban-tech"],
    ["twin", "ml", "iot", "sensor"],
    ["аварий меньше на 20%", "ремонты по прогнозу, а не по факту прорыва"],
  ],
  [
    "поиска утечек в водопроводе",
    "в сетях водоснабжения",
    ["E"],
    ["urban-tech"],
    ["sensor", "iot", "twin", "ml"],
    ["потери воды ниже на 12%", "место утечки с точностью до метра"],
  ],
  [
    "диспетчеризации лифтов",
    "в многоквартирных домах",
    ["L", "F"],
    ["urban-tech"],
    ["iot", "ml", "app", "chip"],
    ["простои лифтов короче вдвое", "неисправность видна диспетчеру сразу"],
  ],
  [
    "учёта твёрдых коммунальных отходов",
    "на контейнерных площадках",
    ["E"],
    ["cleantech", "urban-tech"],
    ["iot", "cv", "app"],
    ["рейсов мусоровозов меньше на 18%", "переполненных площадок меньше втрое"],
  ],
  [
    "сортировки строительных отходов",
    "на перерабатывающих комплексах",
    ["E", "F"],
    ["cleantech"],
    ["cv", "robot", "ml"],
    ["доля вторсырья выше на 40%", "сортировка без ручного отбора"],
  ],
  [
    "обследования фасадов и кровель",
    "в жилом фонде",
    ["F", "L"],
    ["urban-tech"],
    ["drone", "cv", "ml"],
    ["обследование дома за час вместо дня", "дефекты находятся до протечек"],
  ],
  [
    "контроля строительства",
    "на объектах городского заказа",
    ["F"],
    ["urban-tech"],
    ["drone", "twin", "ar", "platform"],
    ["отклонения от проекта выявляются за день", "сроки строительства короче на 10%"],
  ],
  [
    "мониторинга зелёных насаждений",
    "в парках и на улицах",
    ["N", "M"],
    ["urban-tech", "cleantech"],
    ["sat", "drone", "ml", "iot"],
    ["больные деревья выявляются на год раньше", "полив по потребности"],
  ],
  [
    "мониторинга качества воздуха",
    "в жилых районах у магистралей",
    ["M", "E"],
    ["cleantech", "urban-tech"],
    ["iot", "sensor", "ml", "sat"],
    ["карта загрязнения обновляется каждые 20 минут", "источник выброса находится за час"],
  ],
  [
    "ранней диагностики онкологических заболеваний",
    "в городских поликлиниках",
    ["Q"],
    ["medtech"],
    ["ml", "cv", "bio", "platform"],
    ["выявление на ранней стадии чаще на 20%", "описание снимка за минуты"],
  ],
  [
    "анализа снимков КТ и рентгенограмм",
    "в отделениях лучевой диагностики",
    ["Q"],
    ["medtech"],
    ["cv", "ml", "platform"],
    ["время описания исследования короче вдвое", "второе мнение для каждого снимка"],
  ],
  [
    "записи пациентов к врачу",
    "в регистратурах поликлиник",
    ["Q"],
    ["medtech"],
    ["voice", "app", "ml"],
    ["звонков, принятых без оператора, 60%", "ожидание на линии меньше минуты"],
  ],
  [
    "подготовки хирургов",
    "в симуляционных центрах медицинских вузов",
    ["P", "Q"],
    ["medtech", "edtech"],
    ["vr", "ar", "robot"],
    ["время освоения операции короче на 30%", "отработка редких осложнений без риска для пациента"],
  ],
  [
    "персонализированных имплантатов",
    "в травматологии и челюстно-лицевой хирургии",
    ["Q", "C"],
    ["medtech"],
    ["print", "material", "twin"],
    ["операция короче на 40 минут", "имплантат по КТ пациента за неделю"],
  ],
  [
    "производства отечественных биопрепаратов",
    "на фармацевтических площадках",
    ["C", "M"],
    ["pharma", "biotech"],
    ["bio", "ml", "twin"],
    ["выход продукта выше на 25%", "замена импортной субстанции"],
  ],
  [
    "дистанционного мониторинга пациентов",
    "с хроническими заболеваниями",
    ["Q"],
    ["medtech"],
    ["iot", "app", "ml", "chip"],
    ["госпитализаций меньше на 15%", "врач видит ухудшение до визита"],
  ],
  [
    "обучения школьников программированию",
    "в школах и кружках технопарков",
    ["P"],
    ["edtech"],
    ["app", "robot", "vr", "platform"],
    ["доля решённых заданий выше на 25%", "автоматическая проверка домашних работ"],
  ],
  [
    "подготовки рабочих кадров",
    "в колледжах и учебных центрах предприятий",
    ["P", "C"],
    ["edtech"],
    ["vr", "ar", "app"],
    ["срок обучения оператора короче на треть", "обучение без остановки оборудования"],
  ],
  [
    "кредитного скоринга малого бизнеса",
    "в банках и микрофинансовых организациях",
    ["K"],
    ["fintech"],
    ["ml", "platform"],
    ["решение по займу за 10 минут", "просроченных займов меньше на 12%"],
  ],
  [
    "защиты платёжных операций",
    "в платёжных сервисах",
    ["K", "J"],
    ["fintech", "cybersecurity"],
    ["ml", "secure", "quantum"],
    ["мошеннических операций меньше на 30%", "ложных блокировок меньше 0,5%"],
  ],
  [
    "защиты каналов связи",
    "в сетях органов власти и банков",
    ["J", "K"],
    ["cybersecurity"],
    ["secure", "quantum", "chip"],
    ["канал защищён от перехвата", "сертифицированные отечественные средства"],
  ],
  [
    "управления промышленными сетями",
    "на объектах критической инфраструктуры",
    ["J", "D"],
    ["cybersecurity", "iot"],
    ["secure", "chip", "platform"],
    ["инциденты выявляются за минуты", "соответствие требованиям к значимым объектам КИИ"],
  ],
  [
    "обработки обращений жителей",
    "в городских информационных системах",
    ["J", "O"],
    ["urban-tech"],
    ["ml", "voice", "platform"],
    ["обращение у исполнителя за минуты вместо суток", "точность классификации 90%"],
  ],
  [
    "выращивания зелени",
    "в вертикальных фермах",
    ["A"],
    ["agritech", "foodtech"],
    ["iot", "ml", "robot", "energy"],
    ["урожай с метра выше в 8 раз", "круглый год в 30 км от покупателя"],
  ],
  [
    "производства кормового белка",
    "на пищевых и агропромышленных предприятиях",
    ["A", "C"],
    ["agritech", "biotech"],
    ["bio", "twin"],
    ["замена соевого шрота", "выбросы CO₂ ниже на 20%"],
  ],
  [
    "биоразлагаемой упаковки",
    "для готовой еды и ритейла",
    ["C"],
    ["new-materials", "cleantech", "foodtech"],
    ["material", "bio"],
    ["упаковка разлагается за 90 дней", "пластика меньше на 15 тонн в год"],
  ],
  [
    "резервного электроснабжения",
    "социальных объектов и объектов городского хозяйства",
    ["D"],
    ["energy"],
    ["energy", "chip", "ml"],
    ["резерв питания на 4 часа", "плата за мощность ниже на 20%"],
  ],
  [
    "мониторинга газопроводов",
    "на магистральных и распределительных сетях",
    ["B", "D"],
    ["energy"],
    ["sensor", "drone", "sat"],
    ["утечка находится за минуты", "обход трассы без выезда бригады"],
  ],
  [
    "навигации беспилотных грузовиков",
    "на магистральных трассах",
    ["H"],
    ["transport"],
    ["ml", "cv", "sensor", "chip"],
    ["расход топлива ниже на 10%", "движение в колонне без водителя во второй машине"],
  ],
  [
    "доставки грузов дронами",
    "в пригородах и на удалённых объектах",
    ["H"],
    ["drones", "transport"],
    ["drone", "app", "ml"],
    ["доставка за 30 минут", "стоимость доставки ниже на 35%"],
  ],
  [
    "персональных рекомендаций покупателям",
    "в розничных сетях",
    ["G"],
    ["big-data"],
    ["ml", "app", "platform"],
    ["средний чек выше на 8%", "конверсия рекомендаций 15%"],
  ],
  [
    "учёта товаров на полках",
    "в магазинах у дома",
    ["G"],
    [],
    ["cv", "robot", "iot"],
    ["пустых полок меньше вдвое", "инвентаризация без закрытия магазина"],
  ],
  [
    "навигации в музеях и выставочных залах",
    "в учреждениях культуры",
    ["R"],
    [],
    ["ar", "app", "voice"],
    ["посетители проводят в залах на 20% дольше", "экскурсия на пяти языках"],
  ],
  [
    "сопровождения спортивных тренировок",
    "в спортивных школах",
    ["R", "P"],
    [],
    ["cv", "iot", "ml", "app"],
    ["травм меньше на 15%", "нагрузка по данным, а не на глаз"],
  ],
];

/** The next phase of the same work (a title's second and later projects), fitting the stage. */
const EARLY = ["новое поколение", "этап опытно-конструкторских работ", "импортонезависимая версия"];
const MIDDLE = [
  "промышленный образец",
  "опытная эксплуатация",
  "вторая очередь",
  "интеграция с информационными системами заказчика",
  "версия для регионов",
  "импортонезависимая версия",
];
const LATE = [
  "серийная версия",
  "тиражирование",
  "масштабирование на округ",
  "экспортная версия",
  "вторая очередь",
  "версия для регионов",
  "интеграция с информационными системами заказчика",
];
const PHASES: Record<ProjectStage, string[]> = {
  idea: EARLY,
  rnd: EARLY,
  prototype: MIDDLE,
  pilot: MIDDLE,
  production: LATE,
  scaling: LATE,
};

/** A title not used yet: the technology for the application, then with a phase, then with where too. */
function titleFor(used: Set<string>, named: string, where: string, stage: ProjectStage): string {
  for (const base of [named, `${named} ${where}`])
    for (const t of [base, ...PHASES[stage].map((p) => `${base}: ${p}`)]) if (!used.has(t)) return t;
  return named;
}

/** Where the work stands, by stage; the TRL range of each stage. */
const STAGE_TEXT: Record<ProjectStage, string> = {
  idea: "Проект на стадии идеи: проработана концепция, идёт поиск партнёров и заказчика.",
  rnd: "Идут научно-исследовательские работы: подтверждены принципы, собирается лабораторный макет.",
  prototype: "Изготовлен прототип, идут испытания в условиях, близких к реальным.",
  pilot: "Идёт пилотное внедрение на площадке заказчика с измерением эффекта.",
  production: "Решение выпускается серийно и внедрено у первых заказчиков.",
  scaling: "Решение тиражируется: новые заказчики в Москве и регионах.",
};
export const STAGE_TRL: Record<ProjectStage, [number, number]> = {
  idea: [1, 2],
  rnd: [3, 4],
  prototype: [5, 6],
  pilot: [6, 7],
  production: [8, 8],
  scaling: [9, 9],
};
const STAGE_WEIGHTS: [ProjectStage, number][] = [
  ["idea", 8],
  ["rnd", 18],
  ["prototype", 22],
  ["pilot", 20],
  ["production", 20],
  ["scaling", 12],
];
/** Budget ranges by stage, millions of rubles. */
const BUDGETS: Record<ProjectStage, [number, number]> = {
  idea: [1, 10],
  rnd: [5, 60],
  prototype: [10, 120],
  pilot: [20, 200],
  production: [30, 500],
  scaling: [50, 1000],
};

/** Partner roles by the partner's organization type. */
const ROLES: Record<string, string[]> = {
  university: ["Научные исследования и подготовка кадров", "Разработка алгоритмов и методик испытаний"],
  research_institute: ["Испытания и экспертиза", "Научное сопровождение и испытания"],
  legal_entity: ["Производство и внедрение", "Разработка программного обеспечения", "Поставка оборудования"],
  corporation: ["Заказчик и площадка внедрения", "Индустриальный партнёр и заказчик"],
};

const INVESTORS: Record<InvestmentType, string[]> = {
  venture_fund: [
    "Фонд «Технологии будущего»",
    "Венчурный фонд «Московские инновации»",
    "Фонд «Индустриальные стартапы»",
    "Фонд «Цифровые технологии»",
  ],
  equity: ["Бизнес-ангел", "Синдикат бизнес-ангелов «Первый раунд»", "Частный инвестор"],
  loan: ["Фонд развития промышленности", "ПАО «Московский кредитный банк»", "АО «МСП Банк»"],
  corporate: [
    "Корпоративный фонд ПАО «Индустриальный холдинг»",
    "АО «Индустриальный капитал»",
    "ПАО «Технопром»",
  ],
  external_grant: ["Фонд содействия инновациям", "Российский научный фонд", "Фонд «Сколково»"],
};
const INVESTMENT_WEIGHTS: [InvestmentType, number][] = [
  ["venture_fund", 25],
  ["equity", 20],
  ["loan", 20],
  ["corporate", 20],
  ["external_grant", 15],
];
const INVESTMENT_SOURCE: Record<InvestmentType, string> = {
  venture_fund: "Договор инвестирования",
  equity: "Договор купли-продажи доли",
  loan: "Договор займа",
  corporate: "Договор инвестирования",
  external_grant: "Соглашение о предоставлении гранта",
};
const REJECTIONS = [
  "Договор не подписан инвестором: приложите подписанный экземпляр",
  "Сумма в записи не совпадает с суммой в платёжном поручении",
  "Документ не относится к проекту: приложите договор по этому проекту",
  "Средства получены до начала проекта: укажите верную дату",
];

type Org = { id: string; owner: string; type: string };
type ProjectRow = typeof projects.$inferInsert & { id: string };
type MemberRow = typeof projectMembers.$inferInsert;
type EntryRow = typeof projectEntries.$inferInsert;

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * `count` projects, `joint` of them with an accepted partner: leads and partners from the lists given,
 * support entries naming `measures`, decisions by `operators`.
 */
export function fullProjects(
  seed: number,
  now: number,
  count: number,
  joint: number,
  leads: Org[],
  partners: Org[],
  measures: string[],
  operators: string[],
): { projects: ProjectRow[]; members: MemberRow[]; entries: EntryRow[] } {
  const r = new Random(mulberry32(seed));
  const out: ProjectRow[] = [];
  const members: MemberRow[] = [];
  const entries: EntryRow[] = [];
  const titles = new Set<string>();
  // Which projects are joint: every one with the chance that gives exactly `joint` of `count`.
  const jointAt = new Set(r.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, joint));
  for (let n = 0; n < count; n++) {
    const app = r.pick(APPS);
    const [goal, where, industries, appTags, techKeys, effects] = app;
    const key = r.pick(techKeys);
    const tech = TECHS.find((t) => t[0] === key)!;
    const name = r.pick([tech[1], ...(VARIANTS[key] ?? [])]);
    const stage = r.weighted(STAGE_WEIGHTS);
    const title = titleFor(titles, `${name} для ${goal}`, where, stage);
    titles.add(title);
    const [lo, hi] = STAGE_TRL[stage];
    const tags = [...new Set([...tech[3], ...appTags])];
    const [bLo, bHi] = BUDGETS[stage];
    const budget = r.int(bLo * 10, bHi * 10) * 100_000;
    const createdDays = r.int(10, 1800);
    const created = now - createdDays * DAY;
    const start = created + r.int(0, Math.min(60, createdDays)) * DAY;
    const end = start + r.int(365, 365 * 4) * DAY;
    const lead = r.pick(leads);
    const id = r.uuid();
    // The consortium: a joint project's 1–4 partners, at least one accepted; some others have only an
    // invitation waiting (not joint yet).
    const isJoint = jointAt.has(n);
    const invitedOnly = !isJoint && r.chance(0.06);
    const partnerCount = isJoint
      ? r.weighted([
          [1, 40],
          [2, 30],
          [3, 20],
          [4, 10],
        ] as const)
      : invitedOnly
        ? 1
        : 0;
    const chosen: Org[] = [];
    for (let i = 0; chosen.length < Math.min(partnerCount, CONSORTIUM_MAX - 1) && i < 50; i++) {
      const p = r.pick(partners);
      if (p.id !== lead.id && !chosen.some((c) => c.id === p.id)) chosen.push(p);
    }
    const states: MemberState[] = chosen.map((_, i) =>
      invitedOnly
        ? "invited"
        : i === 0
          ? "accepted"
          : r.weighted<MemberState>([
              ["accepted", 80],
              ["invited", 14],
              ["declined", 6],
            ]),
    );
    // Shares in hundredths of a percent: each partner 5–25% in steps of 0.5% (less with more partners),
    // the lead the rest — at least 20%.
    const most = Math.min(50, Math.floor((SHARE_WHOLE * 0.8) / 50 / Math.max(1, chosen.length)));
    const shares = chosen.map(() => r.int(10, most) * 50);
    const counted = shares.reduce((s, x, i) => (states[i] === "declined" ? s : s + x), 0);
    const decidedAt = (i: number) => new Date(created + (2 + i + r.int(0, 10)) * DAY);
    members.push({
      projectId: id,
      organizationId: lead.id,
      state: "lead",
      roleRu: "Ведущий разработчик",
      share: SHARE_WHOLE - counted,
      invitedBy: lead.owner,
      createdAt: new Date(created),
      updatedAt: new Date(created),
    });
    chosen.forEach((p, i) => {
      const state = states[i]!;
      const decided = state === "accepted" || state === "declined";
      const at = new Date(created + (i + 1) * 1000);
      members.push({
        projectId: id,
        organizationId: p.id,
        state,
        roleRu: r.pick(ROLES[p.type] ?? ROLES.legal_entity!),
        share: shares[i]!,
        invitedBy: lead.owner,
        decidedBy: decided ? p.owner : null,
        decidedAt: decided ? decidedAt(i) : null,
        createdAt: at,
        updatedAt: decided ? decidedAt(i) : at,
      });
    });
    out.push({
      id,
      leadOrganizationId: lead.id,
      authorId: lead.owner,
      titleRu: title,
      descriptionRu: `${name} для ${goal} ${where}: ${tech[2]}. Ожидаемый эффект — ${r.pick(effects)}. ${STAGE_TEXT[stage]}`,
      industries,
      tags,
      stage,
      trl: r.int(lo, hi),
      startOn: dayOf(start),
      endOn: dayOf(end),
      budget,
      joint: states.includes("accepted"),
      searchText: topicsText(industries, tags),
      createdAt: new Date(created),
      updatedAt: new Date(created + r.int(0, Math.min(createdDays, 200)) * DAY),
    });
    // Money: investment for about half the projects past the idea, city support for about a third.
    const money = (kind: "investment" | "support") => {
      const state = r.weighted<EntryState>([
        ["confirmed", 72],
        ["declared", 18],
        ["rejected", 10],
      ]);
      const received = Math.min(now - DAY, start + r.int(30, 700) * DAY);
      const decided = state === "declared" ? null : new Date(Math.min(now, received + r.int(3, 30) * DAY));
      const type = kind === "investment" ? r.weighted(INVESTMENT_WEIGHTS) : null;
      const year = new Date(received).getFullYear();
      entries.push({
        id: r.uuid(),
        projectId: id,
        kind,
        state,
        investorRu: type ? r.pick(INVESTORS[type]) : null,
        investmentType: type,
        measureId: kind === "support" && measures.length ? r.pick(measures) : null,
        supportRu: kind === "support" && !measures.length ? "Субсидия на приобретение оборудования" : null,
        amount: Math.round((budget * r.int(5, kind === "investment" ? 40 : 25)) / 100 / 1000) * 1000,
        receivedOn: dayOf(received),
        sourceRu:
          kind === "investment"
            ? `${INVESTMENT_SOURCE[type!]} № ${r.int(1, 400)}/${year}`
            : `Соглашение о предоставлении субсидии № ${r.int(100, 9999)}-С/${year}`,
        authorId: lead.owner,
        rejectReason: state === "rejected" ? r.pick(REJECTIONS) : null,
        decidedBy: decided && operators.length ? r.pick(operators) : null,
        decidedAt: decided,
        createdAt: new Date(received + DAY),
        updatedAt: decided ?? new Date(received + DAY),
      });
    };
    if (stage !== "idea" && r.chance(0.5)) money("investment");
    if (stage !== "idea" && r.chance(0.35)) money("support");
    if (r.chance(0.08)) money("investment");
  }
  return { projects: out, members, entries };
}

/** Adds the full scale's projects up to their count (and joint ones up to theirs); nothing when there. */
export async function seedFullProjects(ctx: SeedContext) {
  const { db } = ctx;
  const [have] = await rows<{ n: number; joint: number }>(
    db,
    sql`select count(*)::int as n, (count(*) filter (where joint))::int as joint from projects`,
  );
  const missing = FULL_PROJECTS - (have?.n ?? 0);
  if (missing <= 0) return;
  const owned = await rows<Org>(
    db,
    sql`select distinct on (o.inn, o.id) o.id, m.user_id as owner, o.type::text as type
        from organizations o join memberships m on m.organization_id = o.id and m.role = 'owner'
        where o.verified_at is not null
          and o.type in ('legal_entity', 'university', 'research_institute', 'corporation')
        order by o.inn, o.id, m.created_at`,
  );
  const leads = owned.filter((o) => o.type !== "corporation");
  const measures = (
    await rows<{ id: string }>(
      db,
      sql`select id from measures where status = 'published' order by title_ru, id limit 200`,
    )
  ).map((m) => m.id);
  const operators = (
    await rows<{ id: string }>(db, sql`select id from users where role = 'operator' order by email limit 10`)
  ).map((u) => u.id);
  if (leads.length < 10 || owned.length < 20) return;
  const joint = Math.min(missing, Math.max(0, FULL_JOINT - (have?.joint ?? 0)));
  const g = fullProjects(20261209, Date.now(), missing, joint, leads, owned, measures, operators);
  await insertBatches(ctx, "projects", g.projects, (b) => db.insert(projects).values(b));
  await insertBatches(ctx, "project members", g.members, (b) => db.insert(projectMembers).values(b));
  await insertBatches(ctx, "project entries", g.entries, (b) => db.insert(projectEntries).values(b));
  // The bulk insert left the GIN indexes' pending lists long (PGlite has no autovacuum): merge them.
  await db.execute(sql`select gin_clean_pending_list(i.indexrelid) from pg_index i
    join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = 'projects'::regclass and a.amname = 'gin'`);
  for (const t of ["projects", "project_members", "project_entries"])
    await db.execute(sql.raw(`analyze ${t}`));
}
