// The organizations part of the seed: profiles, memberships, status applications and status history.
// Deterministic: every random choice comes from a PRNG seeded by the seed's faker (no Math.random), so
// the same faker seed gives the same organizations, ids included, on every machine.
//
// demo: ~300 organizations of every type and status, most in Moscow, from ~30 regions and a few
// countries; every demo user belongs to 1–2 of them; user@innocluster.demo owns a registered Moscow
// legal entity with no open application and is a member of a technopark.
// full: 35,000 organizations from 82 regions and memberships for every one of the 150,000 users.

import { and, asc, eq, inArray, isNotNull, not, sql } from "drizzle-orm";
import { PUBLIC_CONSENT_VERSION } from "../../shared/constants.js";
import { makeInn, makeKpp, makeOgrn, makeOgrnip, type Rng } from "../../shared/identifiers.js";
import { okvedSectionOfCode } from "../../shared/okved.js";
import type { MemberRole, OrgStatus, OrgType, SmeCategory } from "../../shared/organizations.js";
import { MOSCOW, REGIONS } from "../../shared/regions.js";
import type { TagSlug } from "../../shared/tags.js";
import type { Scale, SeedContext, Seeder } from "../core/seed.js";
import { consents, users } from "../modules/accounts/accounts.schema.js";
import {
  activeOrganizations,
  memberships,
  organizations,
  statusApplications,
  statusHistory,
} from "../modules/organizations/organizations.schema.js";
import { latin } from "./translit.js";

const DAY = 86_400_000;
const SCALE = { demo: { organizations: 300 }, full: { organizations: 35_000 } } as const;

/** The demo user's own organization (owner) and the one it is a member of. */
export const DEMO_USER_EMAIL = "user@innocluster.demo";
export const DEMO_USER_ORG = "ООО «Нейросенсорика»";
export const DEMO_USER_MEMBER_OF = "Технопарк «Строгино»";

// ---------- a fast deterministic PRNG (identifiers and choices for 35,000 rows) ----------

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  constructor(readonly rng: Rng) {}
  int(min: number, max: number) {
    return Math.min(max, min + Math.floor(this.rng() * (max - min + 1)));
  }
  chance(p: number) {
    return this.rng() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }
  /** Up to n distinct items. */
  some<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.rng() * copy.length), 1)[0]!);
    return out;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.rng() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1]![0];
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
  uuid() {
    const h: string[] = [];
    for (let i = 0; i < 16; i++) {
      let b = Math.floor(this.rng() * 256);
      if (i === 6) b = (b & 0x0f) | 0x40;
      if (i === 8) b = (b & 0x3f) | 0x80;
      h.push(b.toString(16).padStart(2, "0"));
    }
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

// ---------- data ----------

/** Regional capitals (for addresses), one per federal subject. */
const CAPITALS: Record<string, string> = {
  "01": "Майкоп",
  "02": "Уфа",
  "03": "Улан-Удэ",
  "04": "Горно-Алтайск",
  "05": "Махачкала",
  "06": "Магас",
  "07": "Нальчик",
  "08": "Элиста",
  "09": "Черкесск",
  "10": "Петрозаводск",
  "11": "Сыктывкар",
  "12": "Йошкар-Ола",
  "13": "Саранск",
  "14": "Якутск",
  "15": "Владикавказ",
  "16": "Казань",
  "17": "Кызыл",
  "18": "Ижевск",
  "19": "Абакан",
  "20": "Грозный",
  "21": "Чебоксары",
  "22": "Барнаул",
  "23": "Краснодар",
  "24": "Красноярск",
  "25": "Владивосток",
  "26": "Ставрополь",
  "27": "Хабаровск",
  "28": "Благовещенск",
  "29": "Архангельск",
  "30": "Астрахань",
  "31": "Белгород",
  "32": "Брянск",
  "33": "Владимир",
  "34": "Волгоград",
  "35": "Вологда",
  "36": "Воронеж",
  "37": "Иваново",
  "38": "Иркутск",
  "39": "Калининград",
  "40": "Калуга",
  "41": "Петропавловск-Камчатский",
  "42": "Кемерово",
  "43": "Киров",
  "44": "Кострома",
  "45": "Курган",
  "46": "Курск",
  "47": "Гатчина",
  "48": "Липецк",
  "49": "Магадан",
  "50": "Красногорск",
  "51": "Мурманск",
  "52": "Нижний Новгород",
  "53": "Великий Новгород",
  "54": "Новосибирск",
  "55": "Омск",
  "56": "Оренбург",
  "57": "Орёл",
  "58": "Пенза",
  "59": "Пермь",
  "60": "Псков",
  "61": "Ростов-на-Дону",
  "62": "Рязань",
  "63": "Самара",
  "64": "Саратов",
  "65": "Южно-Сахалинск",
  "66": "Екатеринбург",
  "67": "Смоленск",
  "68": "Тамбов",
  "69": "Тверь",
  "70": "Томск",
  "71": "Тула",
  "72": "Тюмень",
  "73": "Ульяновск",
  "74": "Челябинск",
  "75": "Чита",
  "76": "Ярославль",
  "77": "Москва",
  "78": "Санкт-Петербург",
  "79": "Биробиджан",
  "83": "Нарьян-Мар",
  "86": "Ханты-Мансийск",
  "87": "Анадырь",
  "89": "Салехард",
  "90": "Мелитополь",
  "91": "Симферополь",
  "92": "Севастополь",
  "93": "Донецк",
  "94": "Луганск",
  "95": "Геническ",
};

/** Regions by weight: Moscow first, then the large science and industry centres. */
const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ["77", 450],
  ["50", 70],
  ["78", 70],
  ["16", 30],
  ["54", 25],
  ["66", 25],
  ["52", 20],
  ["63", 15],
  ["02", 15],
  ["23", 15],
  ["61", 12],
  ["74", 12],
  ["24", 10],
  ["59", 10],
  ["70", 10],
  ["36", 9],
  ["34", 8],
  ["38", 8],
  ["55", 8],
  ["64", 7],
  ["72", 7],
  ["73", 6],
  ["47", 6],
  ["39", 6],
  ["25", 6],
  ["71", 6],
  ["40", 6],
  ["69", 5],
  ["76", 5],
  ["33", 5],
];
/** The seven subjects the full data set leaves out, so that it spans exactly 82 regions. */
const REGIONS_LEFT_OUT = new Set(["87", "83", "79", "90", "93", "94", "95"]);
const FULL_REGIONS = REGIONS.map((r) => r.code).filter((c) => !REGIONS_LEFT_OUT.has(c));

const FOREIGN_COUNTRIES: readonly (readonly [string, number])[] = [
  ["CN", 30],
  ["BY", 25],
  ["KZ", 20],
  ["AM", 8],
  ["UZ", 8],
  ["IN", 8],
  ["AE", 6],
  ["TR", 5],
  ["RS", 4],
  ["KG", 4],
];

type Profile = {
  tags: readonly TagSlug[];
  okved: readonly string[];
  roots: readonly string[];
  products: readonly string[];
  clients: readonly string[];
  /** A field in the genitive: "в области …". */
  fields: readonly string[];
  en: string;
};

const PROFILES: Record<string, Profile> = {
  robotics: {
    tags: ["robotics", "ai", "iot", "drones"],
    okved: ["28.99", "26.51", "72.19", "62.01", "28.41"],
    roots: ["Робо", "Кибер", "Мехатрон", "Андроид", "Сервомех", "Промробот", "Манипул"],
    products: [
      "промышленных роботов",
      "коллаборативных манипуляторов",
      "роботизированных складских систем",
      "сервисных роботов",
      "систем технического зрения",
      "автономных мобильных платформ",
    ],
    clients: [
      "машиностроительных заводов",
      "логистических центров",
      "пищевых производств",
      "городского хозяйства",
    ],
    fields: ["робототехники", "мехатроники", "машинного зрения"],
    en: "robots and robotic systems",
  },
  medtech: {
    tags: ["medtech", "ai", "biotech", "pharma"],
    okved: ["32.50", "26.60", "72.19", "86.90", "62.01"],
    roots: ["Медтех", "Кардио", "Нейро", "Диагност", "Меди", "Скан", "Здрав"],
    products: [
      "систем поддержки врачебных решений",
      "портативных УЗИ-сканеров",
      "телемедицинских платформ",
      "изделий для реабилитации",
      "лабораторных анализаторов",
    ],
    clients: ["городских поликлиник", "частных клиник", "диагностических центров", "больниц"],
    fields: ["медицинской техники", "цифровой диагностики", "реабилитации"],
    en: "medical devices and digital health services",
  },
  ai: {
    tags: ["ai", "big-data", "fintech", "urban-tech"],
    okved: ["62.01", "62.02", "63.11", "72.19"],
    roots: ["Нейро", "Интеллект", "Когнитив", "Датаайк", "Смарт", "Векторлаб", "Алгоритм"],
    products: [
      "сервисов компьютерного зрения",
      "голосовых помощников",
      "систем предиктивной аналитики",
      "платформ машинного обучения",
      "рекомендательных систем",
    ],
    clients: ["банков", "ритейла", "промышленных предприятий", "органов власти"],
    fields: ["искусственного интеллекта", "нейронных сетей", "машинного обучения"],
    en: "machine learning products",
  },
  biotech: {
    tags: ["biotech", "pharma", "agritech"],
    okved: ["72.11", "21.20", "20.59"],
    roots: ["Биотех", "Генотек", "Ферм", "Клетка", "Биокад", "Протеин"],
    products: ["рекомбинантных белков", "ферментных препаратов", "тест-систем ПЦР", "клеточных продуктов"],
    clients: ["фармацевтических компаний", "сельхозпроизводителей", "лабораторий"],
    fields: ["биоинженерии", "молекулярной биологии", "генной инженерии"],
    en: "biotechnology products",
  },
  pharma: {
    tags: ["pharma", "biotech", "medtech"],
    okved: ["21.20", "21.10", "46.46", "72.11"],
    roots: ["Фарм", "Фармсинтез", "Медфарм", "Биофарм", "Лекфарм"],
    products: ["лекарственных препаратов", "дженериков", "биоаналогов", "субстанций"],
    clients: ["аптечных сетей", "больниц", "дистрибьюторов"],
    fields: ["фармацевтики", "органического синтеза", "клинических исследований"],
    en: "pharmaceuticals",
  },
  materials: {
    tags: ["new-materials", "additive-manufacturing", "microelectronics"],
    okved: ["20.16", "22.29", "23.44", "72.19"],
    roots: ["Композит", "Полимер", "Графен", "Керамтех", "Нанотех", "Углерод"],
    products: ["композитных материалов", "полимерных покрытий", "технической керамики", "углеволокна"],
    clients: ["авиастроителей", "строительных компаний", "автопроизводителей"],
    fields: ["материаловедения", "наноматериалов", "химии полимеров"],
    en: "advanced materials",
  },
  energy: {
    tags: ["energy", "cleantech", "iot"],
    okved: ["27.20", "35.11", "27.12"],
    roots: ["Энерго", "Солар", "Вольт", "Аккум", "Гридтех", "Электро"],
    products: [
      "систем накопления энергии",
      "солнечных модулей",
      "интеллектуальных счётчиков",
      "зарядных станций",
    ],
    clients: ["сетевых компаний", "жилищного хозяйства", "промышленных парков"],
    fields: ["энергетики", "электрохимии", "силовой электроники"],
    en: "energy storage and smart grid equipment",
  },
  cleantech: {
    tags: ["cleantech", "urban-tech", "energy"],
    okved: ["38.32", "37.00", "71.20"],
    roots: ["Экотех", "Чистый", "Экосфера", "Рецикл", "Гринтех"],
    products: ["оборудования для переработки отходов", "систем очистки воды", "станций мониторинга выбросов"],
    clients: ["городского хозяйства", "промышленных предприятий", "водоканалов"],
    fields: ["экологии", "переработки отходов", "водоподготовки"],
    en: "clean technology",
  },
  transport: {
    tags: ["transport", "drones", "urban-tech"],
    okved: ["29.10", "62.01", "52.21"],
    roots: ["Мобилити", "Транстех", "Автоном", "Электробус", "Навигатор"],
    products: [
      "беспилотных транспортных средств",
      "систем управления движением",
      "электробусов",
      "каршеринговых платформ",
    ],
    clients: ["транспортных операторов", "городского транспорта", "логистических компаний"],
    fields: ["беспилотного транспорта", "интеллектуальных транспортных систем"],
    en: "mobility solutions",
  },
  urban: {
    tags: ["urban-tech", "iot", "big-data"],
    okved: ["62.01", "63.11", "71.12"],
    roots: ["Умный город", "Урбантех", "Ситилаб", "Городские решения", "Инфраград"],
    products: ["платформ «умного города»", "систем видеоаналитики", "цифровых сервисов для жителей"],
    clients: ["городских служб", "управляющих компаний", "девелоперов"],
    fields: ["городской среды", "цифрового управления городом"],
    en: "smart city platforms",
  },
  fintech: {
    tags: ["fintech", "ai", "cybersecurity"],
    okved: ["62.01", "66.19", "64.99"],
    roots: ["Финтех", "Платеж", "Кредитлаб", "Капитал", "Инвест"],
    products: ["платёжных сервисов", "скоринговых моделей", "платформ для частных инвестиций"],
    clients: ["банков", "страховых компаний", "маркетплейсов"],
    fields: ["финансовых сервисов", "скоринга"],
    en: "financial services software",
  },
  edtech: {
    tags: ["edtech", "vr-ar", "ai"],
    okved: ["85.41", "62.01", "58.29"],
    roots: ["Эдтех", "Знание", "Учеба", "Академия", "Скилл"],
    products: ["онлайн-курсов", "образовательных платформ", "тренажёров виртуальной реальности"],
    clients: ["школ", "вузов", "корпоративных учебных центров"],
    fields: ["цифрового образования", "обучения инженеров"],
    en: "education platforms",
  },
  space: {
    tags: ["space", "big-data", "photonics"],
    okved: ["30.30", "26.30", "72.19"],
    roots: ["Спутник", "Орбита", "Космотех", "Звезда", "Астро"],
    products: [
      "малых космических аппаратов",
      "наземных станций приёма данных",
      "сервисов спутникового мониторинга",
    ],
    clients: ["агрохолдингов", "картографических служб", "операторов связи"],
    fields: ["космического приборостроения", "дистанционного зондирования Земли"],
    en: "small satellites and Earth observation",
  },
  agritech: {
    tags: ["agritech", "iot", "foodtech"],
    okved: ["01.13", "28.30", "62.01"],
    roots: ["Агро", "Агротех", "Фермер", "Урожай", "Теплица"],
    products: ["систем точного земледелия", "вертикальных ферм", "датчиков для теплиц"],
    clients: ["агрохолдингов", "фермерских хозяйств", "тепличных комбинатов"],
    fields: ["точного земледелия", "селекции"],
    en: "precision agriculture",
  },
  foodtech: {
    tags: ["foodtech", "biotech", "agritech"],
    okved: ["10.89", "56.10", "47.91"],
    roots: ["Фудтех", "Вкус", "Белок", "Нутри", "Еда"],
    products: ["растительного белка", "функционального питания", "сервисов доставки готовой еды"],
    clients: ["торговых сетей", "ресторанов", "школьного питания"],
    fields: ["пищевой биотехнологии", "нутрициологии"],
    en: "food technology",
  },
  iot: {
    tags: ["iot", "big-data", "energy"],
    okved: ["26.51", "26.30", "61.10"],
    roots: ["Сенсор", "Датчик", "Телеметрия", "Связь", "Интернет вещей"],
    products: ["промышленных датчиков", "систем диспетчеризации", "модулей телеметрии"],
    clients: ["коммунальных служб", "нефтегазовых компаний", "заводов"],
    fields: ["интернета вещей", "телеметрии"],
    en: "industrial IoT devices",
  },
  cyber: {
    tags: ["cybersecurity", "ai", "big-data"],
    okved: ["62.02", "62.09", "80.20"],
    roots: ["Киберщит", "Защита", "Крипто", "Сейф", "Бастион"],
    products: ["средств защиты информации", "систем обнаружения вторжений", "сервисов аудита безопасности"],
    clients: ["банков", "госорганов", "промышленных предприятий"],
    fields: ["информационной безопасности", "криптографии"],
    en: "information security products",
  },
  data: {
    tags: ["big-data", "ai", "iot"],
    okved: ["63.11", "62.01"],
    roots: ["Дата", "Аналитика", "Биг", "Инсайт", "Метрика"],
    products: ["хранилищ данных", "BI-платформ", "систем обработки потоковых данных"],
    clients: ["ритейла", "телеком-операторов", "банков"],
    fields: ["анализа данных", "распределённых вычислений"],
    en: "data platforms",
  },
  vrar: {
    tags: ["vr-ar", "edtech", "ai"],
    okved: ["62.01", "58.21", "59.11"],
    roots: ["Виртуал", "Реалити", "Голограф", "Иммерсив", "Метавселенная"],
    products: ["VR-тренажёров", "приложений дополненной реальности", "цифровых двойников"],
    clients: ["промышленных предприятий", "музеев", "учебных центров"],
    fields: ["виртуальной реальности", "компьютерной графики"],
    en: "VR and AR applications",
  },
  microelectronics: {
    tags: ["microelectronics", "iot", "photonics"],
    okved: ["26.11", "26.12"],
    roots: ["Микрон", "Чип", "Кремний", "Электроника", "Схема"],
    products: ["микросхем", "модулей силовой электроники", "печатных плат"],
    clients: ["приборостроителей", "производителей электроники", "автопроизводителей"],
    fields: ["микроэлектроники", "проектирования микросхем"],
    en: "microelectronics",
  },
  photonics: {
    tags: ["photonics", "microelectronics", "quantum"],
    okved: ["26.70", "27.31", "72.19"],
    roots: ["Фотон", "Лазер", "Оптика", "Спектр", "Луч"],
    products: ["лазерных систем", "оптоволоконных датчиков", "тепловизоров"],
    clients: ["машиностроителей", "медицинских центров", "энергетиков"],
    fields: ["фотоники", "лазерной физики", "оптики"],
    en: "lasers and photonics",
  },
  quantum: {
    tags: ["quantum", "cybersecurity", "photonics"],
    okved: ["72.19", "26.30"],
    roots: ["Квант", "Кубит", "Квантум", "Суперпозиция"],
    products: ["квантовых сенсоров", "систем квантового распределения ключей", "квантовых симуляторов"],
    clients: ["банков", "операторов связи", "научных центров"],
    fields: ["квантовых вычислений", "квантовой оптики"],
    en: "quantum technology",
  },
  additive: {
    tags: ["additive-manufacturing", "new-materials", "robotics"],
    okved: ["28.99", "25.62", "24.10"],
    roots: ["3Д Принт", "Аддитив", "Прототип", "Металлопринт", "Слой"],
    products: ["3D-принтеров", "металлических порошков", "изделий аддитивного производства"],
    clients: ["авиастроителей", "медицинских производителей", "машиностроителей"],
    fields: ["аддитивного производства", "порошковой металлургии"],
    en: "3D printing",
  },
  drones: {
    tags: ["drones", "agritech", "robotics"],
    okved: ["30.30", "26.51", "74.20"],
    roots: ["Аэро", "Дрон", "Беспилот", "Коптер", "Крыло"],
    products: ["беспилотных летательных аппаратов", "систем аэрофотосъёмки", "дронов для агросектора"],
    clients: ["агрохолдингов", "энергетических компаний", "служб спасения"],
    fields: ["беспилотной авиации", "аэрофотосъёмки"],
    en: "drones and aerial survey",
  },
};
const PROFILE_KEYS = Object.keys(PROFILES);

const BRAND_SUFFIXES = [
  "",
  "тех",
  "лаб",
  "систем",
  "софт",
  "плюс",
  "про",
  "лайн",
  "ика",
  "ум",
  "икс",
  "трон",
  "граф",
  "сфера",
];
const BRAND_SECOND = [
  "",
  "",
  "",
  "Групп",
  "Решения",
  "Инновации",
  "Системы",
  "Технологии",
  "Лаборатория",
  "Инжиниринг",
  "Диджитал",
  "Девелопмент",
  "Центр",
  "Рус",
];
const LEGAL_FORMS: readonly (readonly [readonly [string, string], number])[] = [
  [["ООО", "Общество с ограниченной ответственностью"], 80],
  [["АО", "Акционерное общество"], 12],
  [["ПАО", "Публичное акционерное общество"], 1],
  [["НАО", "Непубличное акционерное общество"], 3],
  [["АНО", "Автономная некоммерческая организация"], 4],
];
const TECHNOPARKS = [
  "Строгино",
  "Калибр",
  "Нагатино",
  "Мосгормаш",
  "Слава",
  "Сапфир",
  "Элма",
  "Полюс",
  "Кунцево",
  "Отрадное",
  "Москворечье",
  "Орбита",
];
const UNIVERSITY_ADJ: readonly (readonly [string, string])[] = [
  ["16", "Казанский"],
  ["54", "Новосибирский"],
  ["66", "Уральский"],
  ["52", "Нижегородский"],
  ["63", "Самарский"],
  ["70", "Томский"],
  ["59", "Пермский"],
  ["74", "Южно-Уральский"],
  ["61", "Донской"],
  ["02", "Уфимский"],
  ["24", "Сибирский"],
  ["36", "Воронежский"],
  ["34", "Волгоградский"],
  ["38", "Иркутский"],
  ["55", "Омский"],
  ["64", "Саратовский"],
  ["39", "Балтийский"],
  ["25", "Дальневосточный"],
  ["71", "Тульский"],
  ["76", "Ярославский"],
  ["78", "Петербургский"],
  ["77", "Московский"],
  ["50", "Подмосковный"],
  ["23", "Кубанский"],
  ["72", "Тюменский"],
];
const UNIVERSITY_KIND = [
  "государственный технический университет",
  "государственный университет",
  "политехнический университет",
  "государственный медицинский университет",
  "государственный аграрный университет",
  "государственный технологический университет",
  "государственный экономический университет",
  "государственный университет путей сообщения",
  "архитектурно-строительный университет",
];
const INSTITUTE_FIELDS = [
  "прикладной физики",
  "точной механики и оптики",
  "молекулярной биологии",
  "системного программирования",
  "проблем управления",
  "биоорганической химии",
  "радиотехники и электроники",
  "космических исследований",
  "металлургии и материаловедения",
  "органической химии",
  "проблем механики",
  "вычислительной математики",
  "медицинской биофизики",
  "ядерной физики",
  "катализа",
  "лазерных технологий",
];
const EPONYMS = [
  "С. П. Королёва",
  "А. Н. Туполева",
  "М. В. Келдыша",
  "И. В. Курчатова",
  "П. Л. Капицы",
  "А. Ф. Иоффе",
  "Н. И. Вавилова",
  "В. А. Котельникова",
  "Л. Д. Ландау",
  "А. М. Прохорова",
  "Н. Н. Семёнова",
  "С. А. Лебедева",
];
const CORPORATE_SECTORS = [
  ["нефтегазовой", "energy"],
  ["машиностроительной", "robotics"],
  ["телекоммуникационной", "iot"],
  ["металлургической", "materials"],
  ["фармацевтической", "pharma"],
  ["транспортной", "transport"],
  ["банковской", "fintech"],
  ["химической", "materials"],
] as const;
const POSITIONS = [
  "Технический директор",
  "Руководитель отдела продаж",
  "Инженер-разработчик",
  "Менеджер проектов",
  "Научный сотрудник",
  "Аналитик данных",
  "Специалист по связям с общественностью",
  "Финансовый директор",
  "Руководитель направления",
  "Ведущий инженер",
];
const REJECT_REASONS = [
  "Не приложены документы, подтверждающие инновационную деятельность.",
  "Сведения о выручке не подтверждены бухгалтерской отчётностью.",
  "Организация не ведёт деятельность на территории региона.",
];
const RETURN_COMMENTS = [
  "Приложите выписку из ЕГРЮЛ не старше 30 дней.",
  "Уточните основной код ОКВЭД: он не совпадает с выпиской.",
  "Добавьте описание продукта и ссылку на сайт.",
  "Укажите контактное лицо, ответственное за взаимодействие с кластером.",
];
const SUSPEND_REASONS = [
  "Не представлен ежегодный отчёт участника кластера.",
  "Проверка достоверности сведений о деятельности организации.",
  "Организация находится в процессе реорганизации.",
];

type Handmade = {
  type: OrgType;
  short: string;
  full: string;
  region?: string;
  country?: string;
  profile: string;
  status?: OrgStatus;
  sme?: SmeCategory;
  description?: string;
};

/** Well-known names, present at both scales. */
const HANDMADE: readonly Handmade[] = [
  {
    type: "legal_entity",
    short: DEMO_USER_ORG,
    full: "Общество с ограниченной ответственностью «Нейросенсорика»",
    region: MOSCOW,
    profile: "medtech",
    status: "registered",
    sme: "micro",
    description:
      "Нейросенсорика разрабатывает носимые датчики и программное обеспечение для дистанционного мониторинга пациентов после инсульта. Инновационный продукт компании прошёл пилотное внедрение в городских поликлиниках.",
  },
  ...TECHNOPARKS.map(
    (name): Handmade => ({
      type: "legal_entity",
      short: `Технопарк «${name}»`,
      full: `Акционерное общество «Технопарк «${name}»»`,
      region: MOSCOW,
      profile: "robotics",
      status: "participant",
      sme: "medium",
      description: `Технопарк «${name}» — площадка для технологических компаний Москвы: офисы, лаборатории и производственные помещения для резидентов, центр коллективного пользования оборудованием и акселерационные программы.`,
    }),
  ),
  {
    type: "legal_entity",
    short: "Технопарк «Академпарк»",
    full: "Акционерное общество «Технопарк Новосибирского Академгородка»",
    region: "54",
    profile: "microelectronics",
    status: "partner",
    sme: "medium",
  },
  {
    type: "legal_entity",
    short: "Технопарк Санкт-Петербурга",
    full: "Акционерное общество «Технопарк Санкт-Петербурга»",
    region: "78",
    profile: "ai",
    status: "partner",
    sme: "medium",
  },
  {
    type: "university",
    short: "МГТУ им. Н. Э. Баумана",
    full: "Московский государственный технический университет имени Н. Э. Баумана (национальный исследовательский университет)",
    region: MOSCOW,
    profile: "robotics",
    status: "participant",
  },
  {
    type: "university",
    short: "МФТИ",
    full: "Московский физико-технический институт (национальный исследовательский университет)",
    region: "50",
    profile: "quantum",
    status: "partner",
  },
  {
    type: "university",
    short: "НИУ ВШЭ",
    full: "Национальный исследовательский университет «Высшая школа экономики»",
    region: MOSCOW,
    profile: "data",
    status: "participant",
  },
  {
    type: "university",
    short: "НИТУ МИСИС",
    full: "Национальный исследовательский технологический университет «МИСИС»",
    region: MOSCOW,
    profile: "materials",
    status: "participant",
  },
  {
    type: "university",
    short: "Университет ИТМО",
    full: "Национальный исследовательский университет ИТМО",
    region: "78",
    profile: "photonics",
    status: "partner",
  },
  {
    type: "university",
    short: "Томский политехнический университет",
    full: "Национальный исследовательский Томский политехнический университет",
    region: "70",
    profile: "energy",
  },
  {
    type: "research_institute",
    short: "ИПУ РАН",
    full: "Институт проблем управления им. В. А. Трапезникова Российской академии наук",
    region: MOSCOW,
    profile: "ai",
    status: "participant",
  },
  {
    type: "research_institute",
    short: "НИЦ «Курчатовский институт»",
    full: "Национальный исследовательский центр «Курчатовский институт»",
    region: MOSCOW,
    profile: "quantum",
    status: "participant",
  },
  {
    type: "research_institute",
    short: "ИЯФ СО РАН",
    full: "Институт ядерной физики им. Г. И. Будкера Сибирского отделения Российской академии наук",
    region: "54",
    profile: "photonics",
    status: "partner",
  },
  {
    type: "corporation",
    short: "ПАО «Газпром»",
    full: "Публичное акционерное общество «Газпром»",
    region: "78",
    profile: "energy",
    status: "partner",
    description:
      "Глобальная энергетическая компания: геологоразведка, добыча, транспортировка, хранение и переработка газа. Программа инновационного развития открыта для технологических партнёров.",
  },
  {
    type: "corporation",
    short: "ПАО «Газпром нефть»",
    full: "Публичное акционерное общество «Газпром нефть»",
    region: "78",
    profile: "data",
    status: "partner",
  },
  {
    type: "corporation",
    short: "Госкорпорация «Ростех»",
    full: "Государственная корпорация по содействию разработке, производству и экспорту высокотехнологичной промышленной продукции «Ростех»",
    region: MOSCOW,
    profile: "microelectronics",
    status: "participant",
  },
  {
    type: "corporation",
    short: "ПАО «КАМАЗ»",
    full: "Публичное акционерное общество «КАМАЗ»",
    region: "16",
    profile: "transport",
  },
  {
    type: "city_body",
    short: "ДПиИР",
    full: "Департамент предпринимательства и инновационного развития города Москвы",
    region: MOSCOW,
    profile: "urban",
    status: "participant",
    description:
      "Орган исполнительной власти города Москвы: поддержка малого и среднего бизнеса, развитие инновационной инфраструктуры, технопарков и Московского инновационного кластера.",
  },
  {
    type: "city_body",
    short: "ДИТ Москвы",
    full: "Департамент информационных технологий города Москвы",
    region: MOSCOW,
    profile: "urban",
  },
  {
    type: "city_body",
    short: "ДИПП Москвы",
    full: "Департамент инвестиционной и промышленной политики города Москвы",
    region: MOSCOW,
    profile: "robotics",
  },
  {
    type: "city_body",
    short: "Дептранс Москвы",
    full: "Департамент транспорта и развития дорожно-транспортной инфраструктуры города Москвы",
    region: MOSCOW,
    profile: "transport",
  },
  {
    type: "city_body",
    short: "ДЗМ",
    full: "Департамент здравоохранения города Москвы",
    region: MOSCOW,
    profile: "medtech",
  },
  {
    type: "foreign",
    short: "Shenzhen Roboteh Co., Ltd.",
    full: "Shenzhen Roboteh Intelligent Technology Co., Ltd. (Шэньчжэнь Роботех)",
    country: "CN",
    profile: "robotics",
    status: "partner",
  },
];

const CITY_BODIES_EXTRA = [
  "Префектура Центрального административного округа города Москвы",
  "Префектура Северного административного округа города Москвы",
  "Префектура Южного административного округа города Москвы",
  "Префектура Западного административного округа города Москвы",
  "Префектура Восточного административного округа города Москвы",
  "Префектура Зеленоградского административного округа города Москвы",
  "Департамент образования и науки города Москвы",
  "Департамент природопользования и охраны окружающей среды города Москвы",
  "Департамент городского имущества города Москвы",
  "Департамент экономической политики и развития города Москвы",
  "Комитет по архитектуре и градостроительству города Москвы",
  "Департамент культуры города Москвы",
];

// ---------- generation ----------

type OrgRow = typeof organizations.$inferInsert;
type Planned = {
  row: OrgRow & { id: string };
  owner: string | null;
  createdAt: Date;
};

const slug = (s: string) =>
  latin(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Headcount and revenue that fall into the category (headcount decides within its limits). */
function sizeFor(
  r: Random,
  cat: SmeCategory | null,
): { headcount: number | null; revenueMln: number | null } {
  switch (cat) {
    case null:
      return r.chance(0.5)
        ? { headcount: r.int(1, 40), revenueMln: null }
        : { headcount: null, revenueMln: null };
    case "micro":
      return { headcount: r.int(1, 15), revenueMln: r.int(5, 11_900) / 100 };
    case "small":
      return r.chance(0.5)
        ? { headcount: r.int(16, 100), revenueMln: r.int(100, 79_900) / 100 }
        : { headcount: r.int(3, 15), revenueMln: r.int(12_100, 79_900) / 100 };
    case "medium":
      return r.chance(0.6)
        ? { headcount: r.int(101, 250), revenueMln: r.int(500, 199_900) / 100 }
        : { headcount: r.int(40, 100), revenueMln: r.int(80_100, 199_900) / 100 };
    case "large":
      return r.chance(0.7)
        ? { headcount: r.int(251, 60_000), revenueMln: r.int(200_100, 90_000_000) / 100 }
        : { headcount: r.int(120, 250), revenueMln: r.int(200_100, 900_000) / 100 };
  }
}

class Generator {
  readonly r: Random;
  private readonly inns = new Set<string>();
  private readonly foreignNumbers = new Set<string>();
  private readonly lastNames: string[][];
  private readonly firstNames: string[][];
  private readonly middleNames: string[][];
  private readonly streets: string[];

  constructor(
    f: SeedContext["faker"],
    readonly now: number,
  ) {
    this.r = new Random(mulberry32(f.number.int({ min: 1, max: 2 ** 31 - 1 })));
    const sexes = ["male", "female"] as const;
    this.lastNames = sexes.map((s) => Array.from({ length: 120 }, () => f.person.lastName(s)));
    this.firstNames = sexes.map((s) => Array.from({ length: 60 }, () => f.person.firstName(s)));
    this.middleNames = sexes.map((s) => Array.from({ length: 60 }, () => f.person.middleName(s)));
    this.streets = Array.from({ length: 200 }, () => f.location.street());
  }

  person() {
    const s = this.r.int(0, 1);
    const last = this.r.pick(this.lastNames[s]!);
    const first = this.r.pick(this.firstNames[s]!);
    const middle = this.r.pick(this.middleNames[s]!);
    return { full: `${last} ${first} ${middle}`, short: `${last} ${first[0]}. ${middle[0]}.` };
  }

  brand(p: Profile) {
    const root = this.r.pick(p.roots);
    const suffix = root.includes(" ") ? "" : this.r.pick(BRAND_SUFFIXES);
    const second = this.r.pick(BRAND_SECOND);
    const word = suffix ? root + suffix : root;
    return second ? `${word} ${second}` : word;
  }

  address(region: string | null, country: string | null) {
    const house = `д. ${this.r.int(1, 120)}${this.r.chance(0.3) ? `, стр. ${this.r.int(1, 9)}` : ""}`;
    const street = this.r.pick(this.streets);
    if (country) return `${country}, ${street}, ${this.r.int(1, 300)}`;
    const city = CAPITALS[region ?? MOSCOW] ?? "Москва";
    const index = `${region === MOSCOW ? "1" : this.r.int(1, 6)}${String(this.r.int(0, 99_999)).padStart(5, "0")}`;
    const place = ["77", "78", "92"].includes(region ?? "")
      ? `г. ${city}`
      : `${REGIONS.find((x) => x.code === region)?.ru ?? ""}, г. ${city}`;
    return `${index}, ${place}, ${street}, ${house}`;
  }

  private regionCalls = 0;
  /** A weighted region; at full scale the first 82 calls go through every region once. */
  region(scale: Scale): string {
    if (scale === "full" && this.regionCalls < FULL_REGIONS.length) return FULL_REGIONS[this.regionCalls++]!;
    if (scale === "full" && this.r.chance(0.12)) return this.r.pick(FULL_REGIONS);
    return this.r.weighted(REGION_WEIGHTS);
  }

  uniqueInn(kind: "legal" | "individual", region: string) {
    for (;;) {
      const inn = makeInn(kind, this.r.rng, { region });
      if (!this.inns.has(inn)) {
        this.inns.add(inn);
        return inn;
      }
    }
  }

  foreignNumber(country: string) {
    for (;;) {
      const d = (n: number) => String(this.r.int(0, 10 ** n - 1)).padStart(n, "0");
      const n =
        country === "CN"
          ? `91${d(6)}MA${d(8)}X`
          : country === "BY"
            ? d(9)
            : country === "KZ"
              ? d(12)
              : country === "IN"
                ? `U72900KA${this.r.int(2005, 2024)}PTC${d(6)}`
                : country === "AE"
                  ? `CN-${d(7)}`
                  : d(10);
      if (!this.foreignNumbers.has(`${country}:${n}`)) {
        this.foreignNumbers.add(`${country}:${n}`);
        return n;
      }
    }
  }

  description(name: string, type: OrgType, p: Profile, region: string | null) {
    const r = this.r;
    const product = r.pick(p.products);
    const client = r.pick(p.clients);
    const field = r.pick(p.fields);
    const s: string[] = [];
    switch (type) {
      case "university":
        s.push(
          `Ведущий университет региона: инженерные и естественно-научные программы, научно-образовательные центры в области ${field}.`,
          `Университетский технологический бизнес-инкубатор помогает студенческим стартапам выводить на рынок разработки ${product}.`,
        );
        break;
      case "research_institute":
        s.push(
          `Фундаментальные и прикладные исследования в области ${field} и ${r.pick(PROFILES[r.pick(PROFILE_KEYS)]!.fields)}.`,
          `Институт передаёт результаты исследований индустриальным партнёрам и участвует в создании ${product}.`,
        );
        break;
      case "city_body":
        s.push(
          `Орган исполнительной власти города Москвы. Заказчик городских пилотных проектов в области ${field}.`,
          "Отбирает решения технологических компаний для тестирования в городской среде.",
        );
        break;
      case "corporation":
        s.push(
          `Крупная компания ${r.pick(CORPORATE_SECTORS)[0]} отрасли с программой открытых инноваций.`,
          `Ищет технологических партнёров для внедрения ${product} на своих предприятиях.`,
        );
        break;
      default:
        s.push(
          r.pick([
            `${name}: разработка и производство ${product} для ${client}.`,
            `Компания специализируется на создании ${product} для ${client}.`,
            `${name} — команда инженеров и исследователей, работающая над созданием ${product}.`,
          ]),
        );
    }
    // The broad search of the benchmark relies on this share: about 45% mention technologies.
    if (r.chance(0.45))
      s.push(
        r.pick([
          `Собственные технологии в области ${field} защищены патентами.`,
          `Мы внедряем инновационные технологии ${field} в работу ${client}.`,
          `Компания развивает технологии ${field} вместе с ведущими вузами.`,
          `В основе продукта — отечественные технологии ${field}.`,
        ]),
      );
    if (r.chance(0.35))
      s.push(
        r.pick([
          `Инновационный продукт компании прошёл пилотное внедрение у ${client}.`,
          `Ведёт собственные НИОКР и сотрудничает с ${client}.`,
          `Продукты компании используют более ${r.int(2, 40) * 10} заказчиков.`,
        ]),
      );
    if (region === MOSCOW && type === "legal_entity" && r.chance(0.25))
      s.push(`Резидент технопарка «${r.pick(TECHNOPARKS)}».`);
    if (r.chance(0.15)) s.push("Проект получил грант Фонда содействия инновациям.");
    return s.join(" ");
  }

  okved(p: Profile, type: OrgType) {
    const main =
      type === "university"
        ? "85.22"
        : type === "research_institute"
          ? "72.19"
          : type === "city_body"
            ? "84.11"
            : this.r.pick(p.okved);
    const codes = new Set([main, ...this.r.some(p.okved, this.r.int(0, 2))]);
    if (type !== "city_body" && this.r.chance(0.2)) codes.add("72.19");
    const sections = [...new Set([...codes].map((c) => okvedSectionOfCode(c)!))].sort();
    return { okvedMain: main, okvedSections: sections };
  }

  /** One organization; `h` fixes some of its fields. */
  make(scale: Scale, h?: Handmade): Planned {
    const r = this.r;
    const type: OrgType =
      h?.type ??
      r.weighted<OrgType>([
        ["legal_entity", 74],
        ["individual_entrepreneur", 12],
        ["foreign", 3],
        ["university", 3],
        ["research_institute", 3],
        ["corporation", 3],
        ["city_body", 1],
      ]);
    const profileKey = h?.profile ?? r.pick(PROFILE_KEYS);
    const p = PROFILES[profileKey]!;
    const country = type === "foreign" ? (h?.country ?? r.weighted(FOREIGN_COUNTRIES)) : null;
    let region: string | null = null;
    let short: string;
    let full: string;
    if (type === "foreign") {
      const brand = this.brand(p);
      const form =
        country === "KZ"
          ? ["ТОО", "Товарищество с ограниченной ответственностью"]
          : ["ООО", "Общество с ограниченной ответственностью"];
      short = h?.short ?? (country === "CN" ? `${brand} (Китай)` : `${form[0]} «${brand}»`);
      full = h?.full ?? `${form[1]} «${brand}» (${country})`;
    } else if (type === "university") {
      const [reg, adj] = h ? [h.region!, ""] : r.pick(UNIVERSITY_ADJ);
      region = reg;
      const kind = r.pick(UNIVERSITY_KIND);
      short = h?.short ?? `${adj} ${kind}`;
      full =
        h?.full ??
        `Федеральное государственное бюджетное образовательное учреждение высшего образования «${adj} ${kind}»`;
    } else if (type === "research_institute") {
      region = h?.region ?? this.region(scale);
      const field = r.pick(INSTITUTE_FIELDS);
      const named = r.chance(0.4) ? ` им. ${r.pick(EPONYMS)}` : "";
      short = h?.short ?? `НИИ ${field}${named}`;
      full =
        h?.full ??
        `Федеральное государственное бюджетное учреждение науки «Научно-исследовательский институт ${field}${named}»`;
    } else if (type === "city_body") {
      region = MOSCOW;
      short = h?.short ?? r.pick(CITY_BODIES_EXTRA);
      full = h?.full ?? short;
    } else if (type === "individual_entrepreneur") {
      region = h?.region ?? this.region(scale);
      const who = this.person();
      short = `ИП ${who.short}`;
      full = `Индивидуальный предприниматель ${who.full}`;
    } else if (type === "corporation") {
      region = h?.region ?? (r.chance(0.6) ? MOSCOW : this.region(scale));
      const brand = this.brand(p);
      short = h?.short ?? r.pick([`ГК «${brand}»`, `ПАО «${brand}»`, `Холдинг «${brand}»`]);
      full = h?.full ?? `Публичное акционерное общество «${brand}»`;
    } else {
      region = h?.region ?? this.region(scale);
      const brand = this.brand(p);
      const [abbr, form] = r.weighted(LEGAL_FORMS);
      short = h?.short ?? `${abbr} «${brand}»`;
      full = h?.full ?? `${form} «${brand}»`;
    }

    const createdAt = new Date(this.now - r.int(20, 2200) * DAY - r.int(0, DAY - 1));
    const foundedYear = Math.min(
      createdAt.getUTCFullYear(),
      type === "university" || type === "research_institute" || type === "corporation"
        ? r.int(1930, 2005)
        : r.int(2003, 2025),
    );
    let inn: string | null = null;
    let ogrn: string | null = null;
    let kpp: string | null = null;
    let foreignRegNumber: string | null = null;
    if (type === "foreign") foreignRegNumber = this.foreignNumber(country!);
    else if (type === "individual_entrepreneur") {
      inn = this.uniqueInn("individual", region!);
      ogrn = makeOgrnip(r.rng, { region: region!, year: Math.max(foundedYear, 2004) });
    } else {
      inn = this.uniqueInn("legal", region!);
      ogrn = makeOgrn(r.rng, { region: region!, year: Math.max(foundedYear, 2002), sign: "1" });
      kpp = makeKpp(region!, r.rng);
    }

    const cat: SmeCategory | null =
      h?.sme ??
      (type === "university" || type === "corporation"
        ? "large"
        : type === "city_body"
          ? null
          : type === "research_institute"
            ? r.pick(["medium", "large"] as const)
            : type === "individual_entrepreneur"
              ? r.weighted<SmeCategory | null>([
                  ["micro", 80],
                  ["small", 15],
                  [null, 5],
                ])
              : r.weighted<SmeCategory | null>([
                  ["micro", 45],
                  ["small", 30],
                  ["medium", 10],
                  ["large", 5],
                  [null, 10],
                ]));
    const size = sizeFor(r, cat);
    const { okvedMain, okvedSections } = this.okved(p, type);
    const tags = [...new Set([p.tags[0]!, ...r.some(p.tags.slice(1), r.int(0, 2))])];
    const brandSlug = slug(short.replace(/^(ООО|АО|ПАО|НАО|АНО|ТОО|ГК|ИП)\s/, ""));
    const website =
      r.chance(0.7) && type !== "individual_entrepreneur" ? `https://${brandSlug || "org"}.ru` : null;
    const hasContacts = r.chance(0.45);
    const contactsPublic = hasContacts && r.chance(0.6);
    const phoneCode = region === MOSCOW ? "495" : region === "78" ? "812" : String(r.int(342, 499));

    // Status: participant only in Moscow, partner elsewhere and abroad.
    const moscow = type !== "foreign" && region === MOSCOW;
    const status: OrgStatus =
      h?.status ?? (r.chance(moscow ? 0.4 : 0.3) ? (moscow ? "participant" : "partner") : "registered");
    const statusSince =
      status === "registered"
        ? createdAt
        : new Date(Math.min(this.now - DAY, createdAt.getTime() + r.int(10, 500) * DAY));

    const row: OrgRow & { id: string } = {
      id: r.uuid(),
      type,
      inn,
      ogrn,
      kpp,
      country,
      foreignRegNumber,
      regionCode: region,
      fullName: full,
      shortName: short,
      legalAddress: this.address(region, country),
      foundedOn: isoDate(new Date(Date.UTC(foundedYear, r.int(0, 11), r.int(1, 28)))),
      website,
      descriptionRu: h?.description ?? this.description(short, type, p, region),
      descriptionEn: r.chance(0.15) ? `Develops ${p.en}.` : null,
      headcount: size.headcount,
      revenueMln: size.revenueMln,
      okvedSections,
      okvedMain,
      tags,
      contactEmail: hasContacts ? `info@${brandSlug || "org"}.ru` : null,
      contactPhone: hasContacts
        ? `+7 (${phoneCode}) ${r.int(100, 999)}-${String(r.int(0, 99)).padStart(2, "0")}-${String(r.int(0, 99)).padStart(2, "0")}`
        : null,
      contactsPublic,
      contactsConsentAt: contactsPublic ? new Date(createdAt.getTime() + DAY) : null,
      status,
      statusSince,
      statusSuspendedAt: null,
      statusReason: null,
      createdAt,
      updatedAt: statusSince,
    };
    return { row, owner: null, createdAt };
  }
}

// ---------- the seeder ----------

/** Inserts rows in batches that stay under PostgreSQL's 65,535 parameters per statement. */
export async function insertBatches<T extends Record<string, unknown>>(
  ctx: SeedContext,
  label: string,
  rowsList: T[],
  insert: (batch: T[]) => Promise<unknown>,
) {
  if (!rowsList.length) return;
  const columns = Object.keys(rowsList[0]!).length;
  const size = Math.max(1, Math.min(5000, Math.floor(60_000 / columns)));
  for (let i = 0; i < rowsList.length; i += size) {
    await insert(rowsList.slice(i, i + size));
    ctx.progress(label, Math.min(i + size, rowsList.length), rowsList.length);
  }
}

export const organizationsSeeder: Seeder = {
  name: "organizations",
  async run(ctx) {
    const { db, scale, faker: f } = ctx;
    const now = Date.now();
    const g = new Generator(f, now);
    const r = g.r;
    const total = SCALE[scale].organizations;

    // The users to place in organizations: every generated account and the demo user; the admin,
    // operator and expert demo accounts stay outside.
    const staffEmails = ["admin@innocluster.demo", "operator@innocluster.demo", "expert@innocluster.demo"];
    const people = await db
      .select({ id: users.id, email: users.email, fullName: users.fullName })
      .from(users)
      .where(not(inArray(users.email, staffEmails)))
      .orderBy(asc(users.email));
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, ["operator@innocluster.demo"]));
    const demoUser = people.find((u) => u.email === DEMO_USER_EMAIL);
    const others = r.shuffle(people.filter((u) => u.email !== DEMO_USER_EMAIL).map((u) => u.id));
    if (!operator || !demoUser || others.length < total) {
      throw new Error(`organizations seed needs the demo accounts and at least ${total} users`);
    }

    // Organizations: the well-known ones first, then generated ones.
    const planned: Planned[] = HANDMADE.map((h) => g.make(scale, h));
    while (planned.length < total) planned.push(g.make(scale));

    // Owners: the demo user owns its organization; everyone else in shuffled order.
    const byName = (n: string) => planned.find((o) => o.row.shortName === n)!;
    byName(DEMO_USER_ORG).owner = demoUser.id;
    let next = 0;
    for (const o of planned) if (!o.owner) o.owner = others[next++]!;
    // An individual entrepreneur is a person: the organization bears its owner's name.
    const nameOf = new Map(people.map((u) => [u.id, u.fullName]));
    for (const o of planned) {
      const owner = o.owner ? nameOf.get(o.owner) : undefined;
      if (o.row.type !== "individual_entrepreneur" || !owner) continue;
      const [last, first = "", middle = ""] = owner.split(" ");
      o.row.shortName = `ИП ${last} ${first[0] ?? ""}.${middle ? ` ${middle[0]}.` : ""}`;
      o.row.fullName = `Индивидуальный предприниматель ${owner}`;
    }
    for (const o of planned) o.row.createdBy = o.row.type === "city_body" ? operator.id : o.owner;

    type MemberRow = typeof memberships.$inferInsert;
    const members: MemberRow[] = [];
    const memberOf = new Map<string, Set<string>>();
    const addMember = (o: Planned, userId: string, role: MemberRole, position: string | null) => {
      let set = memberOf.get(userId);
      if (!set) {
        set = new Set();
        memberOf.set(userId, set);
      }
      if (set.has(o.row.id)) return false;
      set.add(o.row.id);
      const createdAt = new Date(Math.min(now - DAY, o.createdAt.getTime() + r.int(0, 400) * DAY));
      members.push({
        organizationId: o.row.id,
        userId,
        role,
        position,
        showPublicly: r.chance(role === "owner" ? 0.6 : 0.35),
        createdAt,
      });
      return true;
    };
    for (const o of planned) {
      const position =
        o.row.type === "university"
          ? "Проректор по научной работе"
          : o.row.type === "individual_entrepreneur"
            ? null
            : o.row.type === "city_body"
              ? "Начальник управления"
              : "Генеральный директор";
      addMember(o, o.owner!, "owner", position);
    }
    // The rest of the users join one organization (not an entrepreneur's), a third of everybody a second.
    const joinable = planned.filter((o) => o.row.type !== "individual_entrepreneur");
    const join = (userId: string) => {
      for (;;) {
        const o = r.pick(joinable);
        if (addMember(o, userId, r.chance(0.2) ? "admin" : "member", r.pick(POSITIONS))) return;
      }
    };
    for (; next < others.length; next++) join(others[next]!);
    for (const u of others) if (r.chance(0.33)) join(u);
    // The demo user is also a member of a technopark, shown on its public page.
    const tp = byName(DEMO_USER_MEMBER_OF);
    memberOf.get(demoUser.id)!.add(tp.row.id);
    members.push({
      organizationId: tp.row.id,
      userId: demoUser.id,
      role: "member",
      position: "Менеджер проектов",
      showPublicly: true,
      createdAt: new Date(now - 90 * DAY),
    });

    // Status applications and history.
    type AppRow = typeof statusApplications.$inferInsert;
    type HistRow = typeof statusHistory.$inferInsert;
    const apps: AppRow[] = [];
    const history: HistRow[] = [];
    const registered = planned.filter(
      (o) => o.row.status === "registered" && o.row.shortName !== DEMO_USER_ORG && o.row.type !== "city_body",
    );
    const pendingCount = scale === "demo" ? 26 : Math.round(registered.length * 0.02);
    const returnedCount = scale === "demo" ? 6 : Math.round(registered.length * 0.005);
    const rejectedCount = Math.round(registered.length * 0.06);
    const open = r.some(registered, pendingCount + returnedCount + rejectedCount);

    for (const o of planned) {
      const row = o.row;
      const status = row.status;
      if (!status || status === "registered") continue;
      const decidedAt = row.statusSince as Date;
      const submittedAt = new Date(Math.max(o.createdAt.getTime(), decidedAt.getTime() - r.int(1, 20) * DAY));
      const appId = r.uuid();
      apps.push({
        id: appId,
        organizationId: row.id,
        requestedStatus: status,
        state: "approved",
        applicantComment: r.chance(0.5) ? "Просим присвоить статус; документы приложены." : null,
        submittedBy: o.owner!,
        submittedAt,
        decidedBy: operator.id,
        decidedAt,
        version: 2,
        createdAt: submittedAt,
      });
      history.push(
        {
          id: r.uuid(),
          organizationId: row.id,
          applicationId: appId,
          event: "submitted",
          fromStatus: "registered",
          toStatus: row.status,
          actorId: o.owner,
          at: submittedAt,
        },
        {
          id: r.uuid(),
          organizationId: row.id,
          applicationId: appId,
          event: "approved",
          fromStatus: "registered",
          toStatus: row.status,
          actorId: operator.id,
          at: decidedAt,
        },
      );
      // Some statuses are suspended by an operator later.
      if (row.shortName !== DEMO_USER_MEMBER_OF && r.chance(0.06)) {
        const at = new Date(Math.min(now - DAY, decidedAt.getTime() + r.int(30, 300) * DAY));
        const reason = r.pick(SUSPEND_REASONS);
        row.statusSuspendedAt = at;
        row.statusReason = reason;
        row.updatedAt = at;
        row.version = 2;
        history.push({
          id: r.uuid(),
          organizationId: row.id,
          event: "suspended",
          fromStatus: row.status,
          toStatus: row.status,
          reason,
          actorId: operator.id,
          at,
        });
      }
    }

    open.forEach((o, k) => {
      const row = o.row;
      const requested: OrgStatus =
        row.type !== "foreign" && row.regionCode === MOSCOW ? "participant" : "partner";
      const appId = r.uuid();
      const push = (event: string, at: Date, actorId: string | null, reason: string | null = null) =>
        history.push({
          id: r.uuid(),
          organizationId: row.id,
          applicationId: appId,
          event,
          fromStatus: "registered",
          toStatus: requested,
          reason,
          actorId,
          at,
        });
      const base = {
        id: appId,
        organizationId: row.id,
        requestedStatus: requested,
        submittedBy: o.owner!,
        applicantComment: r.chance(0.4)
          ? "Организация ведёт инновационную деятельность в Москве с 2019 года."
          : null,
      };
      const waitAtLeast = (days: number) => {
        const latest = now - days * DAY - r.int(0, 6) * 3_600_000;
        return new Date(Math.max(o.createdAt.getTime() + 3_600_000, latest));
      };
      if (k < pendingCount) {
        // Waiting 0–45 days, spread evenly, so the queue has old and fresh items.
        const submittedAt = waitAtLeast(Math.floor((k * 46) / pendingCount));
        apps.push({ ...base, state: "pending", submittedAt, createdAt: submittedAt, version: 1 });
        push("submitted", submittedAt, o.owner);
      } else if (k < pendingCount + returnedCount) {
        const submittedAt = waitAtLeast(r.int(6, 30));
        const decidedAt = new Date(submittedAt.getTime() + r.int(1, 4) * DAY);
        const comment = r.pick(RETURN_COMMENTS);
        apps.push({
          ...base,
          state: "returned",
          operatorComment: comment,
          submittedAt,
          decidedBy: operator.id,
          decidedAt,
          createdAt: submittedAt,
          version: 2,
        });
        push("submitted", submittedAt, o.owner);
        push("returned", decidedAt, operator.id, comment);
      } else {
        const submittedAt = waitAtLeast(r.int(40, 400));
        const decidedAt = new Date(submittedAt.getTime() + r.int(1, 10) * DAY);
        const reason = r.pick(REJECT_REASONS);
        apps.push({
          ...base,
          state: "rejected",
          operatorComment: reason,
          submittedAt,
          decidedBy: operator.id,
          decidedAt,
          createdAt: submittedAt,
          version: 2,
        });
        push("submitted", submittedAt, o.owner);
        push("rejected", decidedAt, operator.id, reason);
      }
    });

    const active = [...memberOf].map(([userId, orgs]) => ({ userId, organizationId: [...orgs][0]! }));

    // Who is shown publicly agreed to it themself (152-FZ art. 10.1): a consent row with the text
    // version, the moment and the address it came from; the owner is the contact person, and public
    // contacts carry the owner's consent.
    type ConsentRow = typeof consents.$inferInsert;
    const consentRows: ConsentRow[] = [];
    const textSince = Date.parse(`${PUBLIC_CONSENT_VERSION}T09:00:00Z`);
    const consentAt = (from: number) =>
      new Date(Math.min(now - DAY, Math.max(from, textSince) + r.int(1, 20) * DAY + r.int(0, 36_000) * 1000));
    const ip = () =>
      `${r.pick(["95.165", "178.176", "217.118", "46.242", "5.228"])}.${r.int(1, 254)}.${r.int(1, 254)}`;
    for (const m of members) {
      if (!m.showPublicly) continue;
      consentRows.push({
        userId: m.userId,
        kind: "org_public_profile",
        organizationId: m.organizationId,
        policyVersion: PUBLIC_CONSENT_VERSION,
        acceptedAt: consentAt((m.createdAt as Date).getTime()),
        ip: ip(),
      });
    }
    for (const o of planned) {
      o.row.contactPersonId = o.owner;
      if (!o.row.contactsPublic) continue;
      const acceptedAt = consentAt(o.createdAt.getTime());
      o.row.contactsConsentAt = acceptedAt;
      consentRows.push({
        userId: o.owner!,
        kind: "org_public_contacts",
        organizationId: o.row.id,
        policyVersion: PUBLIC_CONSENT_VERSION,
        acceptedAt,
        ip: ip(),
      });
    }

    // Inserted oldest first, as a live database grows: the table's physical order follows created_at.
    const byAge = [...planned].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    await insertBatches(
      ctx,
      "organizations",
      byAge.map((o) => o.row),
      (b) => db.insert(organizations).values(b),
    );
    await insertBatches(ctx, "memberships", members, (b) => db.insert(memberships).values(b));
    await insertBatches(ctx, "consents", consentRows, (b) => db.insert(consents).values(b));
    await insertBatches(ctx, "active orgs", active, (b) => db.insert(activeOrganizations).values(b));
    await insertBatches(ctx, "applications", apps, (b) => db.insert(statusApplications).values(b));
    await insertBatches(ctx, "status history", history, (b) => db.insert(statusHistory).values(b));
    // The GIN indexes took the bulk insert into their pending lists, which every search would scan
    // until a vacuum merges them (PGlite has no autovacuum): merge them now.
    await db.execute(sql`select gin_clean_pending_list(i.indexrelid) from pg_index i
      join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      where i.indrelid in ('organizations'::regclass, 'users'::regclass) and a.amname = 'gin'`);
    // Planner statistics now, not when autovacuum comes round (PGlite has none): the directory reads
    // the planner's estimates to decide between counting and sampling, and without the statistics of
    // the users' word index the admin search for "ov" walks 150,000 users newest first (65 ms, not 3).
    for (const table of ["users", "organizations", "memberships", "status_applications", "status_history"])
      await db.execute(sql.raw(`analyze ${table}`));
  },
};

/**
 * Verified Moscow companies with the participant status (legal entities): the demo's applicants, leads
 * and submitters in the later seeders (challenges, listings, pilots, projects).
 */
export const verifiedMoscowParticipant = () =>
  and(
    isNotNull(organizations.verifiedAt),
    eq(organizations.regionCode, "77"),
    eq(organizations.type, "legal_entity"),
    sql`${organizations.status} = 'participant'`,
  )!;

/**
 * Organizations with their owners (id, short name, the owner's user id), to narrow with `.where()`:
 * what the later seeders pick their demo owners and submitters from.
 */
export const ownedOrganizations = (db: SeedContext["db"]) =>
  db
    .select({ id: organizations.id, shortName: organizations.shortName, owner: memberships.userId })
    .from(organizations)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, organizations.id), eq(memberships.role, "owner")),
    )
    .$dynamic();
