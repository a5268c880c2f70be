// The full-scale part of the exchanges' seed (`--scale full`, the benchmark): 20,000 listings of every
// kind from the verified organizations of the full data set and 60,000 responses to them.
//
// Texts are composed from realistic fragments (processes, materials and products; premises types,
// okrugs and streets; fields of technology), values pass each kind's declaration (`valuesSchema`) and
// each response's and move's values their type's (`responseSchema`), as a person's would. Most listings
// are published, some wait for moderation, were rejected, closed or are drafts. Responses are in every
// state, reached by their type's declared moves (each move an event, one a day); a closed production
// order that has quotes was won by one of them (the others declined). Deterministic: a PRNG of its own
// with a fixed seed (no faker: the shared generator's sequence is not shifted).
//
// At this scale the responses have no conversations (60,000 more conversations and messages would
// double the seed's time for nothing the benchmark reads): a move on a generated response through the
// API fails (no conversation to post its message to). The demo listings and responses, seeded before
// these, have theirs.

import { sql } from "drizzle-orm";
import {
  RESPONSE_OF_KIND,
  RESPONSE_TYPES,
  type ResponseType,
  responseSchema,
} from "../../shared/listingResponses.js";
import {
  clusterClock,
  LISTING_KINDS,
  LISTING_VALIDITY_DAYS,
  type ListingKindName,
  type ListingValues,
  MOSCOW_OKRUGS,
  ndaGated,
  searchableText,
  valuesSchema,
} from "../../shared/listings.js";
import type { TagSlug } from "../../shared/tags.js";
import { rows } from "../core/db.js";
import type { SeedContext } from "../core/seed.js";
import { listingResponseEvents, listingResponses } from "../modules/listings/listings.responses.schema.js";
import { listings } from "../modules/listings/listings.schema.js";
import { insertBatches, mulberry32, Random } from "./organizations.js";

const DAY = 24 * 3600_000;

/** Listings per kind and responses in all. */
export const FULL_LISTINGS: Record<ListingKindName, number> = {
  capability: 6000,
  rfq: 5000,
  technology: 4000,
  technology_request: 1500,
  premises: 3500,
};
export const FULL_RESPONSES = 60_000;

/** A key of `weights` drawn by its weight. */
const weighted = <K extends string>(r: Random, weights: Readonly<Record<K, number>>): K =>
  r.weighted(Object.entries(weights) as [K, number][]);

// ---------- fragments ----------

/** Materials in the genitive ("из алюминия"). */
const MATERIAL_GEN: Record<string, string> = {
  steel: "стали",
  stainless_steel: "нержавеющей стали",
  aluminium: "алюминия",
  titanium: "титана",
  copper_brass: "медных сплавов",
  plastics: "пластика",
  engineering_plastics: "инженерных пластиков",
  photopolymers: "фотополимеров",
  composites: "композитов",
  rubber: "резины",
  wood: "древесины",
  fabric: "ткани",
  fr4: "стеклотекстолита FR-4",
  ceramics: "керамики",
};

type Process = {
  /** Titles of a capability (a material may follow: "… из алюминия"). */
  titles: string[];
  /** What is made, in the genitive plural ("изготавливаем … по чертежам" reads "изготовление …"). */
  products: string[];
  /** What an order asks for, in the nominative plural. */
  orders: string[];
  materials: string[];
  equipment: string[];
  batch: [number, number];
  lead: [number, number];
};

const PROCESSES: Record<string, Process> = {
  cnc_milling: {
    titles: [
      "Фрезерная обработка на станках с ЧПУ",
      "Фрезерная обработка деталей",
      "Пятиосевая фрезерная обработка",
      "Фрезерная обработка корпусных деталей",
    ],
    products: ["корпусных деталей", "кронштейнов", "фланцев", "деталей оснастки", "пресс-форм"],
    orders: ["Корпуса", "Кронштейны", "Фланцы", "Крышки приборов", "Плиты основания"],
    materials: ["aluminium", "steel", "stainless_steel", "titanium", "copper_brass", "engineering_plastics"],
    equipment: ["DMG Mori DMU 50", "Haas VF-2", "обрабатывающие центры Hermle C 42", "Quaser MV 184"],
    batch: [1, 5000],
    lead: [7, 30],
  },
  cnc_turning: {
    titles: [
      "Токарная обработка на станках с ЧПУ",
      "Токарная обработка валов и втулок",
      "Токарно-фрезерная обработка деталей тел вращения",
    ],
    products: ["валов", "втулок", "штуцеров", "осей", "фланцев"],
    orders: ["Валы", "Втулки", "Штуцеры", "Оси", "Гайки специальные"],
    materials: ["steel", "stainless_steel", "copper_brass", "aluminium", "titanium"],
    equipment: ["токарные центры Doosan Lynx", "Okuma Genos L", "прутковые автоматы Citizen"],
    batch: [10, 20000],
    lead: [7, 35],
  },
  sheet_metal: {
    titles: ["Изготовление изделий из листового металла", "Гибка листового металла на станках с ЧПУ"],
    products: ["шкафов", "кожухов", "щитов", "стеллажей"],
    orders: ["Шкафы управления", "Кожухи", "Панели", "Корпуса щитов"],
    materials: ["steel", "stainless_steel", "aluminium"],
    equipment: ["листогибы Amada HFE", "координатно-пробивной пресс Trumpf TruPunch"],
    batch: [1, 3000],
    lead: [5, 25],
  },
  laser_cutting: {
    titles: ["Лазерная резка металла", "Лазерная резка и гибка листового металла", "Лазерная резка труб"],
    products: ["деталей из листа", "кронштейнов", "пластин", "заготовок"],
    orders: ["Кронштейны", "Пластины", "Заготовки", "Детали крепежа"],
    materials: ["steel", "stainless_steel", "aluminium", "copper_brass"],
    equipment: ["оптоволоконный лазер 6 кВт", "лазерный комплекс Bodor 3015", "труборез с ЧПУ"],
    batch: [1, 10000],
    lead: [3, 14],
  },
  waterjet_cutting: {
    titles: ["Гидроабразивная резка", "Гидроабразивная резка камня, стекла и металла"],
    products: ["деталей из композитов", "заготовок из камня", "прокладок", "деталей из стекла"],
    orders: ["Прокладки", "Заготовки", "Панели"],
    materials: ["composites", "ceramics", "steel", "rubber", "aluminium"],
    equipment: ["установка гидроабразивной резки Flow Mach 500"],
    batch: [1, 2000],
    lead: [3, 10],
  },
  injection_moulding: {
    titles: ["Литьё пластмасс под давлением", "Литьё пластмасс и изготовление пресс-форм"],
    products: ["корпусов приборов", "технических деталей", "заглушек", "деталей интерьера"],
    orders: ["Корпуса приборов", "Заглушки", "Крышки", "Клипсы крепления"],
    materials: ["plastics", "engineering_plastics", "rubber"],
    equipment: ["термопластавтоматы Engel 150 т", "термопластавтоматы Haitian 250 т"],
    batch: [500, 1000000],
    lead: [20, 60],
  },
  print_fdm: {
    titles: ["3D-печать FDM", "3D-печать прототипов и оснастки"],
    products: ["прототипов", "макетов", "деталей оснастки"],
    orders: ["Прототипы корпусов", "Макеты", "Детали оснастки"],
    materials: ["plastics", "engineering_plastics", "composites"],
    equipment: ["принтеры Picaso Designer XL", "Raise3D Pro3"],
    batch: [1, 500],
    lead: [1, 7],
  },
  print_sla: {
    titles: ["3D-печать фотополимерами SLA", "Высокоточная 3D-печать фотополимерами"],
    products: ["мастер-моделей", "прототипов", "ювелирных моделей"],
    orders: ["Мастер-модели", "Прототипы", "Модели для литья"],
    materials: ["photopolymers"],
    equipment: ["Formlabs Form 3L", "фотополимерные принтеры Shining3D"],
    batch: [1, 300],
    lead: [1, 7],
  },
  print_sls: {
    titles: ["3D-печать полиамидом SLS", "Селективное лазерное спекание полиамида"],
    products: ["функциональных деталей", "корпусов", "мелких серий деталей"],
    orders: ["Корпуса", "Функциональные прототипы"],
    materials: ["engineering_plastics", "plastics"],
    equipment: ["Sinterit Lisa Pro", "EOS Formiga P 110"],
    batch: [1, 2000],
    lead: [2, 10],
  },
  print_metal: {
    titles: ["3D-печать металлом", "Селективное лазерное сплавление металла"],
    products: ["деталей сложной формы", "теплообменников", "имплантатов", "лёгких кронштейнов"],
    orders: ["Лопатки", "Теплообменники", "Кронштейны"],
    materials: ["titanium", "stainless_steel", "aluminium"],
    equipment: ["3D-принтер по металлу Farsoon FS271M", "установка SLM 280"],
    batch: [1, 200],
    lead: [5, 20],
  },
  pcb_fabrication: {
    titles: ["Изготовление печатных плат", "Изготовление многослойных печатных плат"],
    products: ["двусторонних плат", "многослойных плат", "гибко-жёстких плат"],
    orders: ["Печатные платы", "Многослойные платы"],
    materials: ["fr4", "ceramics"],
    equipment: ["линия химической металлизации", "установка прямого экспонирования"],
    batch: [1, 10000],
    lead: [5, 20],
  },
  pcb_assembly_smt: {
    titles: ["Поверхностный монтаж печатных плат", "Монтаж печатных плат SMT"],
    products: ["электронных модулей", "плат контроллеров", "плат датчиков"],
    orders: ["Платы контроллера", "Платы датчика", "Платы питания"],
    materials: ["fr4"],
    equipment: ["установщики компонентов Yamaha YSM20", "печь оплавления Heller", "АОИ Omron"],
    batch: [5, 100000],
    lead: [5, 25],
  },
  pcb_assembly_tht: {
    titles: ["Выводной монтаж печатных плат", "Монтаж выводных компонентов и сборка блоков"],
    products: ["блоков питания", "электронных блоков", "кабельных сборок"],
    orders: ["Блоки питания", "Платы управления"],
    materials: ["fr4"],
    equipment: ["установка селективной пайки Ersa", "волна припоя"],
    batch: [5, 20000],
    lead: [7, 30],
  },
  casting: {
    titles: ["Литьё металлов в кокиль", "Литьё по выплавляемым моделям", "Литьё алюминия под давлением"],
    products: ["отливок корпусов", "отливок крыльчаток", "фасонных отливок"],
    orders: ["Отливки корпусов", "Отливки крыльчаток", "Фасонные отливки"],
    materials: ["aluminium", "copper_brass", "steel"],
    equipment: ["индукционные печи", "машины литья под давлением Idra 400 т"],
    batch: [20, 20000],
    lead: [25, 60],
  },
  welding: {
    titles: ["Сварка металлоконструкций", "Аргонодуговая сварка", "Сварка и сборка рам и корпусов"],
    products: ["металлоконструкций", "рам оборудования", "ёмкостей", "трубопроводов"],
    orders: ["Рамы", "Металлоконструкции", "Ёмкости"],
    materials: ["steel", "stainless_steel", "aluminium"],
    equipment: ["сварочные полуавтоматы Kemppi", "сварочный робот Fanuc"],
    batch: [1, 1000],
    lead: [7, 40],
  },
  coatings: {
    titles: ["Порошковая окраска металлоизделий", "Гальванические покрытия", "Анодирование алюминия"],
    products: ["металлоизделий", "деталей после механообработки", "корпусов"],
    orders: ["Покраска корпусов", "Анодирование деталей", "Цинкование крепежа"],
    materials: ["steel", "aluminium", "stainless_steel"],
    equipment: ["камера порошковой окраски", "гальваническая линия"],
    batch: [10, 50000],
    lead: [3, 14],
  },
  textiles: {
    titles: ["Пошив технического текстиля", "Пошив спецодежды"],
    products: ["спецодежды", "чехлов", "фильтров", "сумок"],
    orders: ["Чехлы", "Комплекты спецодежды", "Фильтровальные рукава"],
    materials: ["fabric"],
    equipment: ["автоматический раскройный комплекс", "промышленные швейные машины Juki"],
    batch: [50, 50000],
    lead: [10, 45],
  },
  food: {
    titles: ["Контрактное производство пищевой продукции", "Фасовка и упаковка пищевой продукции"],
    products: ["снеков", "спортивного питания", "соусов", "напитков"],
    orders: ["Батончики", "Спортивное питание", "Соусы"],
    materials: [],
    equipment: ["фасовочные автоматы", "линия розлива"],
    batch: [1000, 2000000],
    lead: [20, 60],
  },
  pharmaceutical: {
    titles: ["Контрактное производство биологически активных добавок", "Капсулирование и таблетирование"],
    products: ["капсул", "таблеток", "порошков в саше"],
    orders: ["Капсулы", "Таблетки"],
    materials: [],
    equipment: ["капсулонаполнительная машина", "таблеточный пресс"],
    batch: [10000, 2000000],
    lead: [30, 90],
  },
};
/** The processes by how often the cluster's manufacturers offer them. */
const PROCESS_WEIGHTS: Record<string, number> = {
  cnc_milling: 14,
  cnc_turning: 10,
  sheet_metal: 7,
  laser_cutting: 8,
  waterjet_cutting: 2,
  injection_moulding: 6,
  print_fdm: 6,
  print_sla: 3,
  print_sls: 2,
  print_metal: 3,
  pcb_fabrication: 3,
  pcb_assembly_smt: 8,
  pcb_assembly_tht: 3,
  casting: 3,
  welding: 7,
  coatings: 5,
  textiles: 3,
  food: 3,
  pharmaceutical: 2,
};

const QUALITY = [
  "Контроль размеров на координатно-измерительной машине, протокол измерений к каждой партии.",
  "Входной контроль материалов, сертификаты на металл прикладываем к поставке.",
  "Работаем по системе менеджмента качества, прослеживаемость каждой партии.",
  "Первую деталь согласуем с заказчиком до запуска серии.",
  "Технолог поможет доработать чертёж под наше оборудование и снизить стоимость.",
];
const TERMS = [
  "Доставка по Москве собственным транспортом.",
  "Работаем с НДС, договор и закрывающие документы — в срок.",
  "Срочные заказы — от трёх рабочих дней.",
  "Опытную партию изготовим до подписания рамочного договора.",
  "Свободная загрузка оборудования в ближайшие два месяца.",
];

/** Fields of technology: the topic in the genitive, its IPC section, a symbol and its technology tags. */
const TOPICS: { ru: string; section: string; ipc: string; tags: TagSlug[] }[] = [
  { ru: "очистки сточных вод от тяжёлых металлов", section: "C", ipc: "C02F 1/62", tags: ["cleantech"] },
  {
    ru: "контроля вибрации насосного оборудования",
    section: "G",
    ipc: "G01M 7/02",
    tags: ["iot", "big-data"],
  },
  { ru: "неинвазивного измерения глюкозы", section: "A", ipc: "A61B 5/145", tags: ["medtech"] },
  {
    ru: "переработки отходов стеклопластика",
    section: "B",
    ipc: "B29B 17/04",
    tags: ["cleantech", "new-materials"],
  },
  {
    ru: "защиты медных шин от окисления",
    section: "C",
    ipc: "C23F 11/00",
    tags: ["energy", "new-materials"],
  },
  { ru: "распознавания дефектов сварных швов", section: "G", ipc: "G06T 7/00", tags: ["ai"] },
  {
    ru: "зарядки литий-ионных аккумуляторов",
    section: "H",
    ipc: "H01M 10/44",
    tags: ["energy", "transport"],
  },
  {
    ru: "упрочнения асфальтобетонного покрытия",
    section: "E",
    ipc: "E01C 7/18",
    tags: ["urban-tech", "new-materials"],
  },
  {
    ru: "производства нетканых фильтровальных материалов",
    section: "D",
    ipc: "D04H 1/42",
    tags: ["new-materials", "cleantech"],
  },
  {
    ru: "охлаждения силовой электроники",
    section: "H",
    ipc: "H05K 7/20",
    tags: ["microelectronics", "energy"],
  },
  { ru: "анализа медицинских изображений", section: "G", ipc: "G16H 50/20", tags: ["medtech", "ai"] },
  {
    ru: "аддитивного производства керамики",
    section: "B",
    ipc: "B33Y 10/00",
    tags: ["additive-manufacturing", "new-materials"],
  },
  {
    ru: "получения биоразлагаемой упаковки",
    section: "C",
    ipc: "C08L 67/04",
    tags: ["cleantech", "foodtech"],
  },
  { ru: "сушки зерна", section: "F", ipc: "F26B 17/12", tags: ["agritech"] },
  { ru: "светодиодного освещения теплиц", section: "F", ipc: "F21V 29/00", tags: ["agritech", "energy"] },
  {
    ru: "мониторинга качества воздуха в помещениях",
    section: "G",
    ipc: "G01N 33/00",
    tags: ["iot", "urban-tech"],
  },
  {
    ru: "навигации беспилотных летательных аппаратов",
    section: "G",
    ipc: "G01C 21/20",
    tags: ["drones", "ai"],
  },
  {
    ru: "рекуперации тепла вентиляционных систем",
    section: "F",
    ipc: "F24F 12/00",
    tags: ["energy", "urban-tech"],
  },
  {
    ru: "производства пористых титановых имплантатов",
    section: "A",
    ipc: "A61L 27/06",
    tags: ["medtech", "additive-manufacturing"],
  },
  {
    ru: "прогнозирования отказов промышленного оборудования",
    section: "G",
    ipc: "G05B 23/02",
    tags: ["ai", "big-data"],
  },
  {
    ru: "очистки воздуха от летучих органических соединений",
    section: "B",
    ipc: "B01D 53/86",
    tags: ["cleantech"],
  },
  { ru: "учёта потребления электроэнергии", section: "G", ipc: "G01R 22/06", tags: ["energy", "iot"] },
  {
    ru: "переработки пищевых отходов в удобрения",
    section: "C",
    ipc: "C05F 9/04",
    tags: ["agritech", "cleantech"],
  },
  { ru: "бесконтактной идентификации изделий", section: "G", ipc: "G06K 19/07", tags: ["iot"] },
  { ru: "защиты информации в промышленных сетях", section: "H", ipc: "H04L 9/40", tags: ["cybersecurity"] },
  {
    ru: "производства текстиля с антибактериальными свойствами",
    section: "D",
    ipc: "D06M 11/83",
    tags: ["new-materials", "medtech"],
  },
  { ru: "укрепления грунтов основания", section: "E", ipc: "E02D 3/12", tags: ["urban-tech"] },
  {
    ru: "диагностики подшипников по акустическому сигналу",
    section: "G",
    ipc: "G01M 13/04",
    tags: ["iot", "ai"],
  },
  { ru: "синтеза наночастиц серебра", section: "B", ipc: "B22F 9/24", tags: ["new-materials"] },
  { ru: "генерации водорода электролизом", section: "C", ipc: "C25B 1/04", tags: ["energy", "cleantech"] },
];
const OBJECT_TITLE: Record<string, string[]> = {
  invention: ["Способ", "Способ и установка для"],
  utility_model: ["Устройство для", "Установка для"],
  industrial_design: ["Корпус прибора для", "Промышленный образец корпуса устройства для"],
  software: ["Программа для", "Программный комплекс для"],
  database: ["База данных для"],
  know_how: ["Технология", "Ноу-хау:"],
};
const OBJECT_WEIGHTS = {
  invention: 30,
  utility_model: 20,
  industrial_design: 6,
  software: 26,
  database: 6,
  know_how: 12,
} as const;
const TECH_SENTENCES = [
  "Испытания на опытном участке подтвердили заявленные характеристики.",
  "Разработка выполнена в сотрудничестве с университетом, права принадлежат правообладателю полностью.",
  "Передаём документацию, обучаем персонал и сопровождаем внедрение.",
  "Выпущена опытная партия, есть отзывы первых заказчиков.",
  "Ищем индустриального партнёра для масштабирования.",
  "Готовы адаптировать решение под условия производства заказчика.",
];
const REQUEST_TITLE = [
  "Ищем технологию",
  "Нужно решение для",
  "Ищем разработчика технологии",
  "Ищем партнёра для",
];
const REQUEST_SENTENCES = [
  "Рассмотрим готовые решения и совместную разработку.",
  "Готовы предоставить площадку для пилотных испытаний.",
  "Нужна технология не ниже опытного образца, прошедшая испытания.",
  "Бюджет на внедрение предусмотрен в плане на следующий год.",
  "Интересуют решения российских разработчиков.",
];

const PREMISES_KIND: Record<
  string,
  { ru: string; area: [number, number]; price: [number, number]; amenities: string[] }
> = {
  office: {
    ru: "Офис",
    area: [15, 600],
    price: [1500, 4000],
    amenities: ["parking", "meeting_rooms", "internet", "kitchen", "security_24h"],
  },
  laboratory: {
    ru: "Лаборатория",
    area: [30, 400],
    price: [2000, 3800],
    amenities: ["ventilation", "clean_room", "freight_lift", "power_380v", "internet", "security_24h"],
  },
  production: {
    ru: "Производственное помещение",
    area: [100, 3000],
    price: [900, 2200],
    amenities: ["crane", "power_380v", "parking", "freight_lift", "ventilation", "security_24h"],
  },
  warehouse: {
    ru: "Склад",
    area: [200, 5000],
    price: [700, 1300],
    amenities: ["parking", "freight_lift", "security_24h", "power_380v"],
  },
  coworking_desk: {
    ru: "Рабочие места в коворкинге",
    area: [4, 8],
    price: [12000, 25000],
    amenities: ["meeting_rooms", "internet", "kitchen", "security_24h"],
  },
};
const PREMISES_WEIGHTS = {
  office: 35,
  production: 25,
  warehouse: 15,
  laboratory: 12,
  coworking_desk: 13,
} as const;
/** Moscow's okrugs: the short name and streets of their industrial and business areas. */
const OKRUGS: Record<(typeof MOSCOW_OKRUGS)[number], { short: string; streets: string[] }> = {
  cao: { short: "ЦАО", streets: ["ул. Большая Семёновская", "Бумажный проезд", "ул. Летниковская"] },
  sao: { short: "САО", streets: ["Дмитровское шоссе", "ул. Тимирязевская", "Бескудниковский бульвар"] },
  svao: { short: "СВАО", streets: ["ул. Вильгельма Пика", "Огородный проезд", "ул. Малыгина"] },
  vao: { short: "ВАО", streets: ["Перовский проезд", "ул. Электродная", "Щёлковское шоссе"] },
  yuvao: { short: "ЮВАО", streets: ["Волгоградский проспект", "ул. Подъёмная", "Рязанский проспект"] },
  yuao: { short: "ЮАО", streets: ["Варшавское шоссе", "Нагорный проезд", "Каширское шоссе"] },
  yuzao: { short: "ЮЗАО", streets: ["ул. Обручева", "ул. Профсоюзная", "Научный проезд"] },
  zao: { short: "ЗАО", streets: ["Рябиновая ул.", "Верейская ул.", "Очаковское шоссе"] },
  szao: { short: "СЗАО", streets: ["ул. Твардовского", "ул. Героев Панфиловцев", "Волоколамское шоссе"] },
  zelao: { short: "Зеленограде", streets: ["Зеленоград, проезд 4922", "Зеленоград, Георгиевский проспект"] },
  nao: { short: "НАО", streets: ["поселение Внуковское, ул. Бориса Пастернака", "поселение Сосенское"] },
  tao: { short: "Троицке", streets: ["Троицк, Калужское шоссе", "Троицк, ул. Физическая"] },
};
const OBLAST_TOWNS = ["Химки", "Мытищи", "Подольск", "Долгопрудный", "Королёв", "Красногорск", "Дубна"];
const PREMISES_SENTENCES = [
  "Отдельный вход, круглосуточный доступ.",
  "Пять минут пешком от станции метро.",
  "Возможна аренда части площади.",
  "Отделка под ключ, можно въезжать сразу.",
  "Управляющая компания поможет с перепланировкой.",
  "Рядом остановки общественного транспорта, удобный подъезд для грузовиков.",
];

// ---------- listings ----------

export type FullOrg = { id: string; shortName: string; owner: string; region: string | null };

export type FullListing = {
  id: string;
  kind: ListingKindName;
  organizationId: string;
  authorId: string;
  state: "draft" | "moderation" | "published" | "rejected" | "closed";
  titleRu: string;
  titleEn: null;
  descriptionRu: string;
  descriptionEn: null;
  values: ListingValues;
  searchText: string;
  nda: boolean;
  rejectReason: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  decidedAt: Date | null;
  expiresAt: Date | null;
  awardedResponseId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

const STATE_WEIGHTS = { published: 86, moderation: 5, closed: 6, rejected: 2, draft: 1 } as const;
const REJECT_REASONS = [
  "Уточните сроки и минимальную партию: в описании они расходятся с полями.",
  "В описании нет сведений о том, что именно предлагается. Дополните его.",
  "Приложите документы, подтверждающие права на объект, или уберите номер регистрации.",
];

/** "a", "a и b", "a, b и c". */
const listOf = (items: string[]) =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} и ${items.at(-1)}`;
const thousands = (n: number) => n.toLocaleString("ru-RU").replace(/\u00a0/g, " ");
/** A rounded number between `min` and `max` (two significant digits). */
function round2(r: Random, min: number, max: number) {
  const x = Math.exp(Math.log(min) + r.rng() * (Math.log(max) - Math.log(min)));
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.min(max, Math.max(min, Math.round(x / p) * p));
}

type Draft = { titleRu: string; descriptionRu: string; values: ListingValues };

function capability(r: Random): Draft {
  const key = weighted(r, PROCESS_WEIGHTS);
  const p = PROCESSES[key]!;
  const processes = [key];
  if (r.chance(0.3)) {
    const other = weighted(r, PROCESS_WEIGHTS);
    if (other !== key) processes.push(other);
  }
  const materials = p.materials.length ? r.some(p.materials, r.int(1, Math.min(3, p.materials.length))) : [];
  const title =
    materials.length && r.chance(0.6)
      ? `${r.pick(p.titles)} из ${materials
          .slice(0, 2)
          .map((m) => MATERIAL_GEN[m])
          .join(" и ")}`
      : r.pick(p.titles);
  const from = round2(r, p.batch[0], Math.max(p.batch[0], p.batch[1] / 50));
  const values: ListingValues = {
    processes,
    batch: { from, to: r.chance(0.8) ? round2(r, Math.max(from, p.batch[1] / 10), p.batch[1]) : null },
    leadTimeDays: r.int(p.lead[0], p.lead[1]),
  };
  if (materials.length) values.materials = materials;
  if (r.chance(0.5))
    values.certifications = r.some(["iso_9001", "gost_r", "iso_13485", "iso_14001"], r.int(1, 2));
  if (r.chance(0.5)) values.equipment = r.some(p.equipment, r.int(1, 2)).join(", ");
  if (r.chance(0.3))
    values.maxPartSize = `${r.int(2, 20) * 50} × ${r.int(2, 12) * 50} × ${r.int(1, 10) * 50} мм`;
  if (r.chance(0.2)) values.internalNote = "Свободная загрузка оборудования — около трети до конца квартала";
  const description = [
    `Изготовление ${listOf(r.some(p.products, 2))} по чертежам заказчика.`,
    values.equipment ? `Оборудование: ${values.equipment}.` : r.pick(QUALITY),
    r.pick(QUALITY),
    r.pick(TERMS),
  ];
  return { titleRu: title, descriptionRu: [...new Set(description)].join(" "), values };
}

function rfq(r: Random, clock: { today: number }): Draft {
  const key = weighted(r, PROCESS_WEIGHTS);
  const p = PROCESSES[key]!;
  const material = p.materials.length ? r.pick(p.materials) : null;
  const quantity = round2(r, p.batch[0], Math.max(p.batch[0], p.batch[1] / 20));
  const product = r.pick(p.orders);
  const values: ListingValues = {
    process: key,
    quantity,
    deadline: new Date(clock.today + r.int(10, 150) * DAY).toISOString().slice(0, 10),
  };
  if (material) values.materials = [material];
  if (r.chance(0.7)) values.budget = round2(r, 30_000, 20_000_000);
  if (r.chance(0.6)) {
    values.region = r.chance(0.8) ? "77" : r.pick(["50", "78", "47", "52", "66"]);
    if (r.chance(0.3)) values.regionRequired = true;
  }
  if (r.chance(0.25)) values.ndaRequired = true;
  const title = `${product}${material ? ` из ${MATERIAL_GEN[material]}` : ""}, ${thousands(quantity)} шт.`;
  const description = [
    `${r.pick(p.titles)}: ${product.toLowerCase()} по нашим чертежам, партия ${thousands(quantity)} шт.`,
    r.pick([
      "Чертежи и 3D-модели пришлём после подписания соглашения о неразглашении.",
      "Допуски по чертежу, шероховатость Ra 1,6 на посадочных поверхностях.",
      "Нужна поставка двумя партиями с интервалом в месяц.",
      "Материал исполнителя, сертификаты обязательны.",
      "Приёмка первой партии — на нашей площадке.",
    ]),
    r.pick(["Оплата 30 % аванс, остальное по приёмке.", "Рассмотрим предложения до конца месяца.", ""]),
  ];
  return { titleRu: title, descriptionRu: description.filter(Boolean).join(" "), values };
}

function technology(r: Random, org: FullOrg, year: number): Draft {
  const type = weighted(r, OBJECT_WEIGHTS);
  const topic = r.pick(TOPICS);
  const values: ListingValues = {
    objectType: type,
    rightHolder: org.shortName,
    ipcSections: [topic.section],
    tags: topic.tags,
    trl: String(r.int(3, 9)),
    dealTypes: r.some(
      ["sale", "exclusive_licence", "non_exclusive_licence", "joint_development"],
      r.int(1, 2),
    ),
  };
  if (type === "invention")
    values.registrationNumber = `RU ${r.int(2_700_000, 2_830_000)} ${r.pick(["C1", "C2"])}`;
  else if (type === "utility_model") values.registrationNumber = `RU ${r.int(200_000, 235_000)} U1`;
  else if (type === "industrial_design") values.registrationNumber = `RU ${r.int(120_000, 150_000)} S`;
  else if (type === "software")
    values.registrationNumber = `${r.int(2018, year)}61${String(r.int(0, 9999)).padStart(4, "0")}`;
  else if (type === "database")
    values.registrationNumber = `${r.int(2018, year)}62${String(r.int(0, 9999)).padStart(4, "0")}`;
  if (type !== "industrial_design" && r.chance(0.7)) values.ipcClasses = topic.ipc;
  if (r.chance(0.6)) values.price = round2(r, 100_000, 50_000_000);
  else values.priceByAgreement = true;
  const title = `${r.pick(OBJECT_TITLE[type]!)} ${topic.ru}`;
  const description = [
    `Решение для ${topic.ru} доведено до уровня готовности технологии ${values.trl} (ГОСТ Р 58048-2017).`,
    ...r.some(TECH_SENTENCES, 2),
  ];
  return { titleRu: title, descriptionRu: description.join(" "), values };
}

function technologyRequest(r: Random): Draft {
  const topic = r.pick(TOPICS);
  const values: ListingValues = {
    purpose: `Внедрить технологию ${topic.ru} на нашем производстве и снизить затраты не менее чем на ${r.int(10, 40)} %.`,
  };
  if (r.chance(0.8)) values.ipcSections = [topic.section];
  values.tags = topic.tags;
  if (r.chance(0.7)) values.minTrl = String(r.int(4, 8));
  if (r.chance(0.8))
    values.dealTypes = r.some(
      ["sale", "exclusive_licence", "non_exclusive_licence", "joint_development"],
      r.int(1, 2),
    );
  if (r.chance(0.5)) values.budget = round2(r, 300_000, 30_000_000);
  return {
    titleRu: `${r.pick(REQUEST_TITLE)} ${topic.ru}`,
    descriptionRu: [
      `Ищем решение для ${topic.ru}: сейчас задача решается вручную или не решается вовсе.`,
      ...r.some(REQUEST_SENTENCES, 2),
    ].join(" "),
    values,
  };
}

function premises(r: Random, today: number): Draft {
  const type = weighted(r, PREMISES_WEIGHTS);
  const k = PREMISES_KIND[type]!;
  const moscow = r.chance(0.85);
  const okrug = r.pick(MOSCOW_OKRUGS);
  const desk = type === "coworking_desk";
  const area = desk ? r.int(k.area[0], k.area[1]) : round2(r, k.area[0], k.area[1]);
  const values: ListingValues = {
    premisesType: type,
    area: { from: area, to: desk || r.chance(0.7) ? area : round2(r, area, area * 3) },
    priceUnit: desk ? "per_desk_month" : "per_m2_month",
    price: round2(r, k.price[0], k.price[1]),
    region: moscow ? "77" : "50",
    address: moscow
      ? `Москва, ${r.pick(OKRUGS[okrug].streets)}, д. ${r.int(1, 120)}, стр. ${r.int(1, 20)}`
      : `Московская область, г. ${r.pick(OBLAST_TOWNS)}, промзона, вл. ${r.int(1, 60)}`,
    amenities: r.some(k.amenities, r.int(1, Math.min(4, k.amenities.length))),
  };
  if (moscow) values.okrug = okrug;
  if (!desk && r.chance(0.6)) values.floor = String(r.int(1, 6));
  if (r.chance(0.4)) values.availableFrom = new Date(today + r.int(-30, 90) * DAY).toISOString().slice(0, 10);
  if (r.chance(0.3))
    values.cadastralNumber = `${moscow ? "77" : "50"}:${String(r.int(1, 20)).padStart(2, "0")}:${r.int(1000000, 9999999)}:${r.int(100, 9999)}`;
  const place = moscow
    ? ` в ${OKRUGS[okrug].short}`
    : ` в г. ${String(values.address).split("г. ")[1]!.split(",")[0]}`;
  const title = desk ? `${k.ru}${place}` : `${k.ru} ${thousands(area)} м²${place}`;
  return {
    titleRu: title,
    descriptionRu: [
      desk
        ? "Фиксированные места в открытом пространстве, переговорные по бронированию."
        : `Помещение площадью ${thousands(area)} м², ${r.pick(["отапливаемое", "с ремонтом", "в хорошем состоянии", "после реконструкции"])}.`,
      ...r.some(PREMISES_SENTENCES, 2),
    ].join(" "),
    values,
  };
}

/**
 * The generated listings (pure: the same seed, organizations and day give the same rows). Premises come
 * from the Moscow region's organizations (and Moscow oblast's when there are any) as landlords.
 */
export function fullListings(seed: number, orgs: FullOrg[], now: number): FullListing[] {
  const r = new Random(mulberry32(seed));
  const today = Math.floor(now / DAY) * DAY;
  const year = new Date(now).getUTCFullYear();
  const landlords = orgs.filter((o) => o.region === "77" || o.region === "50");
  const clock = clusterClock(new Date(now));
  const schemas = Object.fromEntries(
    Object.entries(LISTING_KINDS).map(([k, kind]) => [k, valuesSchema(kind, clock)]),
  );
  const out: FullListing[] = [];
  for (const [kind, n] of Object.entries(FULL_LISTINGS) as [ListingKindName, number][]) {
    for (let i = 0; i < n; i++) {
      const org = r.pick(kind === "premises" && landlords.length ? landlords : orgs);
      const d =
        kind === "capability"
          ? capability(r)
          : kind === "rfq"
            ? rfq(r, { today })
            : kind === "technology"
              ? technology(r, org, year)
              : kind === "technology_request"
                ? technologyRequest(r)
                : premises(r, today);
      // Data a person could have typed: it passes the kind's validation (in its canonical form).
      const values = schemas[kind]!.parse(d.values);
      const state = weighted(r, STATE_WEIGHTS);
      // Created within the validity period, so that a published listing has not expired.
      const createdAt = new Date(now - r.int(2, LISTING_VALIDITY_DAYS - 5) * DAY - r.int(0, DAY - 1));
      const submittedAt = state === "draft" ? null : new Date(createdAt.getTime() + r.int(600, 7200) * 1000);
      const decided = ["published", "closed", "rejected"].includes(state)
        ? new Date((submittedAt ?? createdAt).getTime() + r.int(2, 30) * 3600_000)
        : null;
      const published = state === "published" || state === "closed" ? decided : null;
      out.push({
        id: r.uuid(),
        kind,
        organizationId: org.id,
        authorId: org.owner,
        state,
        titleRu: d.titleRu,
        titleEn: null,
        descriptionRu: d.descriptionRu,
        descriptionEn: null,
        values,
        searchText: searchableText(LISTING_KINDS[kind], values),
        nda: ndaGated(LISTING_KINDS[kind], values),
        rejectReason: state === "rejected" ? r.pick(REJECT_REASONS) : null,
        submittedAt,
        publishedAt: published,
        decidedAt: decided,
        expiresAt: published ? new Date(published.getTime() + LISTING_VALIDITY_DAYS * DAY) : null,
        awardedResponseId: null,
        createdAt,
        updatedAt:
          decided && state !== "closed" ? decided : new Date(Math.min(now, createdAt.getTime() + 3 * DAY)),
        version: state === "draft" ? 1 : state === "moderation" ? 2 : state === "closed" ? 4 : 3,
      });
    }
  }
  return out;
}

// ---------- responses ----------

export type FullResponse = {
  id: string;
  listingId: string;
  organizationId: string;
  authorId: string;
  type: string;
  state: string;
  active: boolean;
  values: ListingValues;
  outcome: ListingValues;
  rating: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};
export type FullEvent = {
  responseId: string;
  event: string;
  fromState: string | null;
  toState: string;
  side: "owner" | "responder";
  actorId: string;
  data: ListingValues;
  createdAt: Date;
};

/** The moves that reach each state of each type from its initial state (one path drawn per response). */
const PATHS: Record<string, Record<string, string[][]>> = {
  inquiry: { sent: [[]], accepted: [["accept"]], declined: [["decline"]], withdrawn: [["withdraw"]] },
  viewing: {
    requested: [[]],
    proposed: [["propose"]],
    confirmed: [["propose", "confirm"]],
    done: [["propose", "confirm", "done"]],
    declined: [["decline"], ["propose", "decline"]],
    withdrawn: [["withdraw"], ["propose", "withdraw"]],
  },
  quote: {
    submitted: [[]],
    declined: [["decline"]],
    withdrawn: [["withdraw"]],
    accepted: [["accept"]],
    in_production: [["accept", "start"]],
    delivered: [["accept", "start", "deliver"]],
    completed: [["accept", "start", "deliver", "rate"]],
    cancelled: [["accept", "cancel"]],
  },
  interest: {
    sent: [[]],
    negotiation: [["negotiate"]],
    agreed: [["negotiate", "agree"]],
    declined: [["decline"], ["negotiate", "decline"]],
    withdrawn: [["withdraw"], ["negotiate", "withdraw"]],
  },
};
/** The states of responses to a listing still in the catalog (an order's quotes: none accepted yet). */
const OPEN_STATES: Record<string, Record<string, number>> = {
  inquiry: { sent: 40, accepted: 35, declined: 15, withdrawn: 10 },
  viewing: { requested: 30, proposed: 15, confirmed: 15, done: 25, declined: 10, withdrawn: 5 },
  quote: { submitted: 70, declined: 20, withdrawn: 10 },
  interest: { sent: 35, negotiation: 30, agreed: 10, declined: 18, withdrawn: 7 },
};
/** The winning quote of a closed order. */
const WON_STATES = { accepted: 10, in_production: 20, delivered: 15, completed: 50, cancelled: 5 } as const;

const MESSAGES: Record<string, string[]> = {
  inquiry: [
    "Нужна опытная партия по нашим чертежам; пришлите, пожалуйста, ориентировочную цену и срок.",
    "Интересует серийное изготовление, около 1 000 деталей в квартал. Можем обсудить рамочный договор?",
    "Есть 3D-модели в формате STEP. Оцените, пожалуйста, возможность изготовления на вашем оборудовании.",
    "Ищем второго поставщика для текущей номенклатуры, готовы передать чертежи после NDA.",
  ],
  viewing: [
    "Ищем помещение под опытный участок на 6–8 сотрудников. Хотим посмотреть на этой неделе.",
    "Рассматриваем переезд в следующем квартале, интересует осмотр и условия долгосрочной аренды.",
    "Подходит ли помещение под чистую зону? Хотели бы приехать с инженером.",
    "Нужен офис для команды разработчиков, удобно посмотреть в будни после обеда.",
  ],
  interest: [
    "Рассматриваем неисключительную лицензию для серийного производства; готовы обсудить роялти.",
    "У нас есть похожая разработка, предлагаем обсудить совместный проект.",
    "Интересует пилотное внедрение на нашей площадке. Пришлите, пожалуйста, технические характеристики.",
    "Готовы предложить своё решение под вашу задачу: опытный образец испытан, есть патент.",
  ],
};
const QUOTE_COMMENTS = [
  "Материал наш, протокол измерений первых деталей приложим к поставке.",
  "Можем начать через неделю после согласования чертежей; доставка до склада заказчика включена.",
  "Предлагаем изготовить пилотную партию за 10 дней, остальное — после вашей приёмки.",
  "Цена с учётом оснастки; при повторном заказе — на 15 % ниже.",
];
const DECLINE_REASONS = [
  "Выбрали предложение с меньшей ценой и более коротким сроком.",
  "Такие габариты не помещаются на наше оборудование.",
  "Загрузка не позволяет взяться в нужный срок.",
];
/** Ratings of delivered orders: mostly good. */
const RATINGS = { "5": 55, "4": 30, "3": 10, "2": 3, "1": 2 } as const;
const REVIEWS = [
  "Партия пришла раньше срока, все размеры в допуске. Будем заказывать ещё.",
  "Хорошее качество, оперативная связь. Немного задержали отгрузку.",
  "Всё по договору, документы в порядке.",
];

/** Draws `FULL_RESPONSES` responses over the published and closed listings (some listings far more popular). */
export function fullResponses(
  seed: number,
  listings: FullListing[],
  responders: FullOrg[],
  now: number,
): { responses: FullResponse[]; events: FullEvent[] } {
  const r = new Random(mulberry32(seed));
  const clock = clusterClock(new Date(now));
  const day = (offset: number) => clusterClock(new Date(now + offset * DAY)).today;
  const open = listings.filter((l) => (l.state === "published" || l.state === "closed") && l.publishedAt);
  // Popularity: a log-normal weight per listing, drawn by cumulative weights.
  const cumulative: number[] = [];
  let acc = 0;
  for (const _ of open) {
    const g = Math.sqrt(-2 * Math.log(1 - r.rng())) * Math.cos(2 * Math.PI * r.rng());
    acc += Math.exp(g);
    cumulative.push(acc);
  }
  const drawListing = () => {
    const x = r.rng() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const orgById = new Map(responders.map((o) => [o.id, o]));
  const chosen = new Map<number, Set<string>>();
  for (let n = 0; n < FULL_RESPONSES; n++) {
    const i = drawListing();
    const l = open[i]!;
    const seen = chosen.get(i) ?? new Set([l.organizationId]);
    chosen.set(i, seen);
    let o = r.pick(responders);
    while (seen.has(o.id)) o = r.pick(responders);
    seen.add(o.id);
  }
  const schemas = new Map<string, ReturnType<typeof responseSchema>>();
  const schemaOf = (key: string, make: () => ReturnType<typeof responseSchema>) => {
    const s = schemas.get(key) ?? make();
    schemas.set(key, s);
    return s;
  };
  const responses: FullResponse[] = [];
  const events: FullEvent[] = [];
  for (const [i, orgIds] of chosen) {
    const l = open[i]!;
    const type: ResponseType = RESPONSE_TYPES[RESPONSE_OF_KIND[l.kind]!];
    const ids = [...orgIds].filter((id) => id !== l.organizationId);
    // A closed order with quotes was won by one of them; the others were declined by the award.
    const winner = l.kind === "rfq" && l.state === "closed" ? r.int(0, ids.length - 1) : -1;
    for (const [k, orgId] of ids.entries()) {
      const org = orgById.get(orgId)!;
      const state =
        k === winner
          ? weighted(r, WON_STATES)
          : winner >= 0
            ? "declined"
            : weighted(r, OPEN_STATES[type.name] as Record<string, number>);
      const moves = r.pick(PATHS[type.name]![state]!);
      const id = r.uuid();
      if (k === winner) l.awardedResponseId = id;
      const values: ListingValues =
        type.name === "quote"
          ? {
              price: round2(r, 20_000, 30_000_000),
              vat: r.pick(["22", "22", "22", "none"]),
              leadTimeDays: r.int(5, 90),
              validUntil: day(r.int(5, 60)),
              ...(r.chance(0.6) ? { comment: r.pick(QUOTE_COMMENTS) } : {}),
            }
          : {
              message: r.pick(MESSAGES[type.name]!),
              ...(type.name === "inquiry" && r.chance(0.5) ? { quantity: round2(r, 10, 5000) } : {}),
              ...(type.name === "inquiry" && r.chance(0.3) ? { neededBy: day(r.int(20, 120)) } : {}),
              ...(type.name === "viewing" && r.chance(0.5)
                ? { preferredTime: r.pick(["будни после 14:00", "утром", "в любой день"]) }
                : {}),
            };
      const checked = schemaOf(type.name, () => responseSchema(type.fields, type.check, clock)).parse(values);
      const published = l.publishedAt!.getTime();
      const span = Math.max(1, Math.floor((now - published) / DAY) - moves.length - 1);
      const start = published + r.int(0, span - 1) * DAY + r.int(3600, 20 * 3600) * 1000;
      const owner = l.authorId;
      events.push({
        responseId: id,
        event: "created",
        fromState: null,
        toState: type.initial,
        side: "responder",
        actorId: org.owner,
        data: checked,
        createdAt: new Date(start),
      });
      let at = type.initial;
      let outcome: ListingValues = {};
      for (const [m, name] of moves.entries()) {
        const move = type.moves.find((x) => x.name === name)!;
        if (!move.from.includes(at)) throw new Error(`seed: ${type.name} ${name} from ${at}`);
        const data: ListingValues =
          name === "propose"
            ? {
                viewingAt: `${day(state === "done" ? -r.int(1, 5) : r.int(1, 10))}T${r.pick(["10:00", "11:30", "15:00", "17:00"])}`,
              }
            : name === "decline" && r.chance(0.5)
              ? { reason: r.pick(DECLINE_REASONS) }
              : name === "rate"
                ? {
                    rating: Number(weighted(r, RATINGS)),
                    ...(r.chance(0.6) ? { review: r.pick(REVIEWS) } : {}),
                  }
                : name === "agree"
                  ? {
                      terms:
                        "Неисключительная лицензия на 5 лет, территория — Россия; паушальный платёж и роялти 3 % с выручки.",
                    }
                  : name === "cancel"
                    ? { reason: "Заказчик пересмотрел конструкцию изделия, заказ отменён." }
                    : {};
        // A move's own rule (a viewing's date ahead) holds when it was made, not now: fields only.
        const moveData = schemaOf(`${type.name}.${name}`, () =>
          responseSchema(move.fields ?? [], undefined, clock),
        ).parse(data);
        events.push({
          responseId: id,
          event: name,
          fromState: at,
          toState: move.to,
          side: move.by,
          actorId: move.by === "owner" ? owner : org.owner,
          data: moveData,
          createdAt: new Date(start + (m + 1) * DAY),
        });
        at = move.to;
        outcome = { ...outcome, ...moveData };
      }
      responses.push({
        id,
        listingId: l.id,
        organizationId: org.id,
        authorId: org.owner,
        type: type.name,
        state: at,
        active: type.active.includes(at),
        values: checked,
        outcome,
        rating: typeof outcome.rating === "number" ? outcome.rating : null,
        createdAt: new Date(start),
        updatedAt: new Date(start + moves.length * DAY),
        version: moves.length + 1,
      });
    }
  }
  return { responses, events };
}

// ---------- writing ----------

/**
 * Writes the generated listings, responses and their events (batched). Authors and responders are the
 * verified organizations (as publishing and responding require), city bodies left out.
 */
export async function seedFullListings(ctx: SeedContext) {
  const { db } = ctx;
  const orgs = (
    await rows<FullOrg>(
      db,
      sql`select o.id, o.short_name as "shortName", m.user_id as owner, o.region_code as region
        from organizations o join memberships m on m.organization_id = o.id and m.role = 'owner'
        where o.verified_at is not null and o.type <> 'city_body' order by o.inn, o.id`,
    )
  ).filter((o, i, all) => i === 0 || all[i - 1]!.id !== o.id);
  if (orgs.length < 100) return;
  const now = Date.now();
  const generated = fullListings(20261206, orgs, now);
  const { responses, events } = fullResponses(20261207, generated, orgs, now);
  // The catalog's generation is bumped once, not by the row trigger for each of 17,000 published rows
  // (each bump a new version of one row in this transaction: quadratic).
  await db.execute(sql`alter table listings disable trigger listings_search_gen_ins`);
  await insertBatches(ctx, "listings", generated, (b) => db.insert(listings).values(b));
  await db.execute(sql`alter table listings enable trigger listings_search_gen_ins`);
  await db.execute(sql`update search_generations set gen = gen + 1 where catalog = 'listings'`);
  await insertBatches(ctx, "responses", responses, (b) => db.insert(listingResponses).values(b));
  await insertBatches(ctx, "response events", events, (b) => db.insert(listingResponseEvents).values(b));
  // Merge the GIN indexes' pending lists (PGlite has no autovacuum) and refresh planner statistics.
  await db.execute(sql`select gin_clean_pending_list(i.indexrelid) from pg_index i
    join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = 'listings'::regclass and a.amname = 'gin'`);
  await db.execute(sql`analyze listings`);
  await db.execute(sql`analyze listing_responses`);
}
