import { and, asc, eq, notLike, sql } from "drizzle-orm";
import { clusterDate } from "../../shared/clock.js";
import {
  LISTING_KINDS,
  type ListingKindName,
  type ListingValues,
  ndaGated,
  searchableText,
  valuesSchema,
} from "../../shared/listings.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { isMatched, recordMatches } from "../modules/listings/listings.match.js";
import { listings } from "../modules/listings/listings.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { seedResponses } from "./listingResponses.js";
import { seedFullListings } from "./listings.full.js";
import { DEMO_USER_ORG, ownedOrganizations, verifiedMoscowParticipant } from "./organizations.js";

/*
 * Demo listings (exchanges): manufacturing capabilities, production orders, technologies and patents,
 * technology requests and premises of the demo organizations — the generated, fictitious Moscow
 * companies the operator verified (never the well-known names: no claim about a real company is made). Texts are hand-written; prices are typical Moscow rents (production
 * 900–3,500 ₽/m² a month, offices 1,500–4,000, coworking desks 12,000–25,000 ₽ a month). Most are
 * published, some wait for moderation (one of them a change of a published listing), one was rejected
 * with a reason, and the demo user's unverified organization has a draft. Deterministic: no faker.
 */

const DAY = 24 * 3600_000;

type Seed = {
  kind: ListingKindName;
  titleRu: string;
  titleEn?: string;
  descriptionRu: string;
  values: ListingValues;
  state?: "published" | "moderation" | "rejected" | "draft";
  rejectReason?: string;
};

const CAPABILITIES: Seed[] = [
  {
    kind: "capability",
    titleRu: "Фрезерная обработка алюминия и стали на пятиосевых станках",
    titleEn: "Five-axis CNC milling of aluminium and steel",
    descriptionRu:
      "Изготавливаем корпусные детали, кронштейны и оснастку по чертежам заказчика. Контроль размеров на координатно-измерительной машине, протокол измерений к каждой партии.",
    values: {
      processes: ["cnc_milling"],
      materials: ["aluminium", "steel", "stainless_steel"],
      maxPartSize: "800 × 600 × 500 мм",
      batch: { from: 1, to: 2000 },
      certifications: ["iso_9001"],
      leadTimeDays: 14,
      equipment: "DMG Mori DMU 65 monoBLOCK, Haas VF-4, КИМ Contura",
      internalNote: "Свободная загрузка станков — около 30 % до конца квартала",
    },
  },
  {
    kind: "capability",
    titleRu: "Токарная обработка на станках с ЧПУ: валы, втулки, фланцы",
    descriptionRu:
      "Серийное и мелкосерийное точение деталей тел вращения диаметром до 320 мм. Термообработка и гальванические покрытия — через проверенных партнёров.",
    values: {
      processes: ["cnc_turning"],
      materials: ["steel", "stainless_steel", "copper_brass"],
      maxPartSize: "Ø 320 × 600 мм",
      batch: { from: 10, to: 10000 },
      certifications: ["iso_9001", "gost_r"],
      leadTimeDays: 21,
      equipment: "Токарные центры с приводным инструментом, прутковый податчик",
    },
  },
  {
    kind: "capability",
    titleRu: "Монтаж печатных плат SMT и THT, мелкие и средние серии",
    titleEn: "SMT and THT PCB assembly, small and medium batches",
    descriptionRu:
      "Автоматическая линия поверхностного монтажа, селективная пайка выводных компонентов, автоматическая оптическая инспекция и рентген-контроль BGA. Поможем с закупкой компонентов.",
    values: {
      processes: ["pcb_assembly_smt", "pcb_assembly_tht"],
      tags: ["microelectronics", "iot"],
      materials: ["fr4"],
      batch: { from: 5, to: 50000 },
      certifications: ["iso_9001"],
      leadTimeDays: 10,
      equipment: "Установщики компонентов, печь оплавления на 10 зон, АОИ, рентген-установка",
    },
  },
  {
    kind: "capability",
    titleRu: "Изготовление многослойных печатных плат до 12 слоёв",
    descriptionRu:
      "Производим двусторонние и многослойные платы, в том числе с контролируемым импедансом. Финишные покрытия: иммерсионное золото, HASL.",
    values: {
      processes: ["pcb_fabrication"],
      tags: ["microelectronics"],
      materials: ["fr4"],
      batch: { from: 1, to: 5000 },
      certifications: ["gost_r"],
      leadTimeDays: 12,
    },
  },
  {
    kind: "capability",
    titleRu: "Лазерная резка и гибка листового металла",
    titleEn: "Laser cutting and bending of sheet metal",
    descriptionRu:
      "Раскрой листа до 20 мм (сталь) и до 10 мм (алюминий), гибка на листогибах с ЧПУ длиной до 3 м, сварка и порошковая окраска готовых изделий.",
    values: {
      processes: ["laser_cutting", "sheet_metal", "welding", "coatings"],
      materials: ["steel", "stainless_steel", "aluminium"],
      maxPartSize: "3000 × 1500 мм",
      batch: { from: 1, to: 5000 },
      leadTimeDays: 7,
      equipment: "Оптоволоконный лазер 6 кВт, листогиб 160 т, камера порошковой окраски",
    },
  },
  {
    kind: "capability",
    titleRu: "Литьё пластмасс под давлением и изготовление пресс-форм",
    descriptionRu:
      "Проектируем и изготавливаем пресс-формы, отливаем корпуса приборов и технические детали из ABS, PA, PC и POM. Опытная партия — на алюминиевой форме за 3–4 недели.",
    values: {
      processes: ["injection_moulding"],
      materials: ["plastics", "engineering_plastics"],
      maxPartSize: "400 × 300 × 150 мм",
      batch: { from: 500, to: 1000000 },
      certifications: ["iso_9001"],
      leadTimeDays: 35,
    },
  },
  {
    kind: "capability",
    titleRu: "3D-печать металлом: титан и нержавеющая сталь",
    titleEn: "Metal 3D printing: titanium and stainless steel",
    descriptionRu:
      "Селективное лазерное сплавление деталей сложной формы: теплообменники, медицинские имплантаты, лёгкие кронштейны. Постобработка и термообработка на месте.",
    values: {
      processes: ["print_metal"],
      tags: ["additive-manufacturing", "medtech", "space"],
      materials: ["titanium", "stainless_steel"],
      maxPartSize: "250 × 250 × 300 мм",
      batch: { from: 1, to: 200 },
      certifications: ["iso_13485"],
      leadTimeDays: 10,
    },
  },
  {
    kind: "capability",
    titleRu: "Прототипирование: 3D-печать FDM, SLA и SLS",
    descriptionRu:
      "Печатаем прототипы и функциональные детали за 1–3 дня: инженерные пластики, фотополимеры с высокой детализацией, полиамид для нагруженных деталей.",
    values: {
      processes: ["print_fdm", "print_sla", "print_sls"],
      tags: ["additive-manufacturing", "robotics"],
      materials: ["plastics", "engineering_plastics", "photopolymers"],
      batch: { from: 1, to: 500 },
      leadTimeDays: 3,
    },
  },
  {
    kind: "capability",
    titleRu: "Сварка и сборка металлоконструкций",
    descriptionRu:
      "Аргонодуговая и полуавтоматическая сварка, сборка рам и корпусов оборудования, контроль сварных швов.",
    values: {
      processes: ["welding", "coatings"],
      materials: ["steel", "stainless_steel", "aluminium"],
      batch: { from: 1, to: 300 },
      certifications: ["gost_r"],
      leadTimeDays: 20,
    },
    state: "moderation",
  },
  {
    kind: "capability",
    titleRu: "Пошив технического текстиля и спецодежды",
    descriptionRu:
      "Раскрой на автоматическом раскройном комплексе, пошив чехлов, фильтров и спецодежды по техническому заданию заказчика.",
    values: {
      processes: ["textiles"],
      materials: ["fabric"],
      batch: { from: 50, to: 20000 },
      leadTimeDays: 25,
    },
  },
  {
    kind: "capability",
    titleRu: "Контрактное производство биологически активных добавок",
    descriptionRu:
      "Капсулирование и таблетирование, фасовка в банки и блистеры. Производство по правилам надлежащей производственной практики.",
    values: {
      processes: ["food", "pharmaceutical"],
      tags: ["foodtech", "pharma"],
      batch: { from: 10000, to: 2000000 },
      certifications: ["iso_9001", "gost_r"],
      leadTimeDays: 45,
    },
    state: "rejected",
    rejectReason:
      "Уточните, какие именно документы подтверждают производство по правилам GMP, и укажите реальные сроки для минимальной партии.",
  },
  {
    kind: "capability",
    titleRu: "Литьё цветных металлов в кокиль и по выплавляемым моделям",
    descriptionRu: "Отливки из алюминиевых и медных сплавов массой до 30 кг с механической обработкой.",
    values: {
      processes: ["casting", "cnc_milling"],
      materials: ["aluminium", "copper_brass"],
      batch: { from: 20, to: 5000 },
      leadTimeDays: 40,
    },
    state: "moderation",
  },
  {
    kind: "capability",
    titleRu: "Гидроабразивная резка камня, стекла и композитов",
    descriptionRu: "Резка без термического влияния: композиты, керамика, стекло толщиной до 150 мм.",
    values: {
      processes: ["waterjet_cutting"],
      materials: ["composites", "ceramics"],
      maxPartSize: "3000 × 2000 мм",
      batch: { from: 1, to: 1000 },
      leadTimeDays: 5,
    },
  },
  {
    kind: "capability",
    titleRu: "Медицинские изделия: механообработка и чистая сборка",
    descriptionRu:
      "Изготовление деталей медицинских изделий из титана и нержавеющей стали, сборка в чистом помещении класса ISO 7.",
    values: {
      processes: ["cnc_milling", "cnc_turning"],
      tags: ["medtech"],
      materials: ["titanium", "stainless_steel"],
      batch: { from: 10, to: 5000 },
      certifications: ["iso_13485", "iso_9001"],
      leadTimeDays: 30,
    },
  },
];

const PREMISES: Seed[] = [
  {
    kind: "premises",
    titleRu: "Производственное помещение 600 м² с кран-балкой",
    titleEn: "Production space of 600 m² with an overhead crane",
    descriptionRu:
      "Отапливаемый цех с высотой потолков 8 м, кран-балка 5 т, ворота для фуры. Выделенная мощность 250 кВт.",
    values: {
      premisesType: "production",
      area: { from: 600, to: 600 },
      priceUnit: "per_m2_month",
      price: 1400,
      region: "77",
      okrug: "yuao",
      address: "Москва, Варшавское шоссе, вл. 125, стр. 12",
      floor: "1",
      amenities: ["crane", "power_380v", "parking", "security_24h"],
      availableFrom: "2027-01-15",
      cadastralNumber: "77:05:0004005:1234",
    },
  },
  {
    kind: "premises",
    titleRu: "Офисы от 25 до 120 м² рядом с метро",
    titleEn: "Offices of 25 to 120 m² near the metro",
    descriptionRu:
      "Офисные блоки с отделкой, переговорные по бронированию, кухня на этаже. Пять минут пешком от станции метро.",
    values: {
      premisesType: "office",
      area: { from: 25, to: 120 },
      priceUnit: "per_m2_month",
      price: 2600,
      region: "77",
      okrug: "szao",
      district: "strogino",
      address: "Москва, ул. Твардовского, д. 8, корп. 5",
      floor: "2–4",
      amenities: ["meeting_rooms", "internet", "kitchen", "security_24h"],
    },
  },
  {
    kind: "premises",
    titleRu: "Рабочие места в коворкинге для стартапов",
    descriptionRu:
      "Фиксированные рабочие места в открытом пространстве, доступ круглосуточно, переговорные и зона для мероприятий.",
    values: {
      premisesType: "coworking_desk",
      area: { from: 6, to: 6 },
      priceUnit: "per_desk_month",
      price: 15000,
      region: "77",
      okrug: "vao",
      district: "sokolinaya_gora",
      address: "Москва, ул. Большая Семёновская, д. 40, стр. 18",
      amenities: ["meeting_rooms", "internet", "kitchen"],
      availableFrom: "2026-12-15",
    },
  },
  {
    kind: "premises",
    titleRu: "Химическая лаборатория 80 м² с вытяжными шкафами",
    descriptionRu:
      "Лабораторное помещение с приточно-вытяжной вентиляцией, шесть вытяжных шкафов, подвод воды и сжатого воздуха.",
    values: {
      premisesType: "laboratory",
      area: { from: 80, to: 80 },
      priceUnit: "per_m2_month",
      price: 3200,
      region: "77",
      okrug: "zelao",
      address: "Москва, Зеленоград, Георгиевский проспект, д. 5, стр. 2",
      floor: "3",
      amenities: ["ventilation", "freight_lift", "security_24h"],
    },
  },
  {
    kind: "premises",
    titleRu: "Склад 1200 м² класса B с пандусом",
    descriptionRu: "Сухой отапливаемый склад, пандус и две доковые площадки, стеллажи по запросу арендатора.",
    values: {
      premisesType: "warehouse",
      area: { from: 300, to: 1200 },
      priceUnit: "per_m2_month",
      price: 950,
      region: "77",
      okrug: "vao",
      address: "Москва, Перовский проезд, д. 35, стр. 4",
      floor: "1",
      amenities: ["parking", "security_24h", "power_380v"],
    },
  },
  {
    kind: "premises",
    titleRu: "Чистые помещения для сборки электроники",
    titleEn: "Clean rooms for electronics assembly",
    descriptionRu:
      "Чистые помещения класса ISO 7 площадью от 40 м², антистатические полы, подготовленный воздух и 380 В.",
    values: {
      premisesType: "production",
      area: { from: 40, to: 180 },
      priceUnit: "per_m2_month",
      price: 3500,
      region: "77",
      okrug: "zelao",
      address: "Москва, Зеленоград, проезд 4922, д. 4, стр. 5",
      floor: "2",
      amenities: ["clean_room", "ventilation", "power_380v", "freight_lift"],
    },
  },
  {
    kind: "premises",
    titleRu: "Офис открытой планировки 300 м² в бизнес-центре",
    descriptionRu: "Этаж целиком, панорамные окна, своя кухня и две переговорные. Подземный паркинг.",
    values: {
      premisesType: "office",
      area: { from: 300, to: 300 },
      priceUnit: "per_m2_month",
      price: 3800,
      region: "77",
      okrug: "zao",
      district: "ochakovo_matveyevskoye",
      address: "Москва, Рябиновая ул., д. 26, стр. 1",
      floor: "6",
      amenities: ["parking", "meeting_rooms", "kitchen", "internet"],
    },
  },
  {
    kind: "premises",
    titleRu: "Производственно-складской блок 250 м²",
    descriptionRu:
      "Блок с воротами и антресолью под офис, отдельный вход, парковка для грузового транспорта.",
    values: {
      premisesType: "production",
      area: { from: 250, to: 250 },
      priceUnit: "per_m2_month",
      price: 1100,
      region: "77",
      okrug: "nao",
      district: "vnukovskoye",
      address: "Москва, поселение Внуковское, Бориса Пастернака ул., вл. 2",
      amenities: ["parking", "power_380v"],
    },
  },
  {
    kind: "premises",
    titleRu: "Рабочие места в коворкинге на территории технопарка",
    descriptionRu:
      "Места в тихой зоне, шкафчики для хранения, доступ к лабораториям центра коллективного пользования.",
    values: {
      premisesType: "coworking_desk",
      area: { from: 5, to: 5 },
      priceUnit: "per_desk_month",
      price: 22000,
      region: "77",
      okrug: "svao",
      district: "rostokino",
      address: "Москва, ул. Вильгельма Пика, д. 4, стр. 8",
      amenities: ["meeting_rooms", "internet", "kitchen", "security_24h"],
    },
    state: "moderation",
  },
  {
    kind: "premises",
    titleRu: "Лаборатория электроники 45 м²",
    descriptionRu: "Помещение с антистатическим покрытием, столами монтажника и вытяжкой от пайки.",
    values: {
      premisesType: "laboratory",
      area: { from: 45, to: 45 },
      priceUnit: "per_m2_month",
      price: 2400,
      region: "77",
      okrug: "yuzao",
      district: "obruchevsky",
      address: "Москва, ул. Обручева, д. 23, стр. 3",
      floor: "1",
      amenities: ["ventilation", "internet"],
    },
  },
  {
    kind: "premises",
    titleRu: "Офис 60 м² в Троицке",
    descriptionRu: "Небольшой офис рядом с научным центром, до Москвы — 40 минут по Калужскому шоссе.",
    values: {
      premisesType: "office",
      area: { from: 60, to: 60 },
      priceUnit: "per_m2_month",
      price: 1500,
      region: "77",
      okrug: "tao",
      address: "Москва, Троицк, Сиреневый бульвар, д. 15",
      floor: "2",
      amenities: ["parking", "internet"],
    },
  },
  {
    kind: "premises",
    titleRu: "Производственный цех 900 м² в Подмосковье",
    descriptionRu: "Цех с кран-балкой и административным блоком, 15 км от МКАД, выделенная мощность 400 кВт.",
    values: {
      premisesType: "production",
      area: { from: 450, to: 900 },
      priceUnit: "per_m2_month",
      price: 900,
      region: "50",
      address: "Московская область, Дзержинский, ул. Энергетиков, д. 14",
      amenities: ["crane", "power_380v", "parking"],
    },
  },
  {
    kind: "premises",
    titleRu: "Офисы в историческом здании в центре",
    descriptionRu: "Кабинеты от 18 м² в отреставрированном здании, общая переговорная и ресепшен.",
    values: {
      premisesType: "office",
      area: { from: 18, to: 70 },
      priceUnit: "per_m2_month",
      price: 4000,
      region: "77",
      okrug: "cao",
      address: "Москва, Малая Пироговская ул., д. 18, стр. 1",
      floor: "3",
      amenities: ["meeting_rooms", "internet", "security_24h"],
    },
  },
  {
    kind: "premises",
    titleRu: "Склад с ответственным хранением 500 м²",
    descriptionRu: "Склад с температурным режимом от +15 до +25 °C, учёт остатков и обработка заказов.",
    values: {
      premisesType: "warehouse",
      area: { from: 100, to: 500 },
      priceUnit: "per_m2_month",
      price: 1200,
      region: "77",
      okrug: "sao",
      address: "Москва, Дмитровское шоссе, д. 71Б",
      amenities: ["security_24h", "freight_lift"],
    },
  },
];

/** A date `days` from the seeding day, in the cluster's calendar (an order's deadline is never past). */
const inDays = (days: number) => clusterDate(new Date(Date.now() + days * DAY));

/** Stands for the listing's organization where a field names it (a technology's right holder). */
const THE_ORGANIZATION = "{organization}";

// Production orders (RFQ): typical Moscow contract prices (milling 2,000–4,000 ₽ a part of this size,
// turning 250–400 ₽, SMT assembly 1,000–1,500 ₽ a board, injection moulding 200–300 ₽ a part with the
// mould amortised).
const RFQS: Seed[] = [
  {
    kind: "rfq",
    titleRu: "Партия корпусов из алюминия Д16Т, 500 шт., фрезеровка",
    titleEn: "500 milled D16T aluminium housings",
    descriptionRu:
      "Корпус электронного блока 180 × 120 × 40 мм, фрезеровка с трёх сторон, резьбовые отверстия М3, анодирование в чёрный цвет. Чертежи и 3D-модели передадим после подписания NDA. Нужен протокол измерений на первые 10 штук.",
    values: {
      process: "cnc_milling",
      materials: ["aluminium"],
      quantity: 500,
      budget: 1_750_000,
      deadline: inDays(45),
      region: "77",
      regionRequired: false,
      ndaRequired: true,
    },
  },
  {
    kind: "rfq",
    titleRu: "Втулки из бронзы БрАЖ9-4, 2 000 шт.",
    descriptionRu:
      "Втулки подшипников скольжения Ø 40/30 × 50 мм, допуск H7 по внутреннему диаметру, шероховатость Ra 0,8. Поставка двумя партиями по 1 000 штук.",
    values: {
      process: "cnc_turning",
      materials: ["copper_brass"],
      quantity: 2000,
      budget: 640_000,
      deadline: inDays(30),
    },
  },
  {
    kind: "rfq",
    titleRu: "Монтаж 300 плат контроллера уличного освещения",
    titleEn: "SMT assembly of 300 street-lighting controller boards",
    descriptionRu:
      "Двусторонний монтаж, 240 компонентов на плате, корпуса до 0402 и QFN. Платы и компоненты наши, нужна паста, монтаж, АОИ и функциональный тест по нашей методике. Исполнитель — в Москве: приедем на приёмку первой партии.",
    values: {
      process: "pcb_assembly_smt",
      materials: ["fr4"],
      quantity: 300,
      budget: 420_000,
      deadline: inDays(21),
      region: "77",
      regionRequired: true,
    },
  },
  {
    kind: "rfq",
    titleRu: "Корпуса приборов из ABS литьём под давлением, 10 000 шт.",
    descriptionRu:
      "Две детали корпуса (основание и крышка) настольного прибора, габарит 150 × 90 × 35 мм. Нужна пресс-форма: готовы оплатить её отдельно и получить в собственность. Цвет — светло-серый RAL 7035.",
    values: {
      process: "injection_moulding",
      materials: ["plastics"],
      quantity: 10000,
      budget: 2_900_000,
      deadline: inDays(75),
      ndaRequired: true,
    },
  },
  {
    kind: "rfq",
    titleRu: "Прототипы лопаток из титана печатью металлом, 12 шт.",
    descriptionRu:
      "Лопатки компрессора малоразмерного двигателя из сплава ВТ6, печать с последующей термообработкой и механической обработкой посадочных мест. Бюджет обсудим после оценки.",
    values: {
      process: "print_metal",
      materials: ["titanium"],
      quantity: 12,
      deadline: inDays(40),
      ndaRequired: true,
    },
  },
  {
    kind: "rfq",
    titleRu: "Лазерная резка и гибка кронштейнов из нержавеющей стали, 1 500 шт.",
    descriptionRu:
      "Кронштейн крепления датчика из листа AISI 304 толщиной 2 мм: резка, две гибки, снятие заусенцев. Развёртку и чертёж пришлём по запросу.",
    values: {
      process: "laser_cutting",
      materials: ["stainless_steel"],
      quantity: 1500,
      budget: 380_000,
      deadline: inDays(14),
    },
    state: "moderation",
  },
];

// Technologies and patents: fictitious objects with numbers of the right format (no claim about a real
// patent or certificate is made); prices of a licence or an assignment as small companies ask.
const TECHNOLOGIES: Seed[] = [
  {
    kind: "technology",
    titleRu: "Способ очистки промышленных сточных вод от ионов тяжёлых металлов",
    titleEn: "Removing heavy metal ions from industrial wastewater",
    descriptionRu:
      "Сорбционная очистка модифицированным природным цеолитом: остаточное содержание меди, никеля и цинка ниже ПДК для сброса в городскую канализацию. Установка проверена на участке гальваники производительностью 5 м³ в час.",
    values: {
      objectType: "invention",
      registrationNumber: "RU 2812345 C1",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["C"],
      ipcClasses: "C02F 1/62, C02F 1/28",
      tags: ["cleantech", "new-materials"],
      trl: "6",
      dealTypes: ["exclusive_licence", "non_exclusive_licence"],
      price: 4_500_000,
    },
  },
  {
    kind: "technology",
    titleRu: "Переносной анализатор качества воздуха в помещениях",
    descriptionRu:
      "Прибор измеряет углекислый газ, летучие органические соединения и мелкодисперсную пыль и передаёт данные по Bluetooth. Выпущена опытная партия из 50 штук, испытана в школах.",
    values: {
      objectType: "utility_model",
      registrationNumber: "RU 228765 U1",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["G"],
      ipcClasses: "G01N 33/00",
      tags: ["iot", "urban-tech", "cleantech"],
      trl: "7",
      dealTypes: ["sale"],
      priceByAgreement: true,
    },
  },
  {
    kind: "technology",
    titleRu: "Программа распознавания дефектов сварных швов по рентгенограммам",
    titleEn: "Software detecting weld defects on radiographs",
    descriptionRu:
      "Нейросеть находит поры, непровары и трещины на цифровых рентгенограммах и готовит заключение по ГОСТ 7512. Работает на сервере заказчика, без передачи снимков наружу.",
    values: {
      objectType: "software",
      registrationNumber: "2024612345",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["G"],
      ipcClasses: "G06T 7/00, G06N 3/08",
      tags: ["ai", "big-data"],
      trl: "8",
      dealTypes: ["non_exclusive_licence"],
      price: 350_000,
    },
  },
  {
    kind: "technology",
    titleRu: "База данных ИК-спектров полимерных материалов",
    descriptionRu:
      "Более 4 000 спектров промышленных полимеров и добавок для идентификации материалов на входном контроле и при вторичной переработке. Обновляется ежеквартально.",
    values: {
      objectType: "database",
      registrationNumber: "2023620456",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["G"],
      ipcClasses: "G01N 21/35",
      tags: ["big-data", "new-materials", "cleantech"],
      trl: "9",
      dealTypes: ["non_exclusive_licence"],
      price: 120_000,
    },
  },
  {
    kind: "technology",
    titleRu: "Корпус модульного зарядного устройства для электросамокатов",
    descriptionRu:
      "Промышленный образец корпуса зарядной станции на шесть мест с вентиляцией и замками. Документация для литья и сборки готова.",
    values: {
      objectType: "industrial_design",
      registrationNumber: "RU 141234 S",
      rightHolder: THE_ORGANIZATION,
      tags: ["transport", "energy", "urban-tech"],
      trl: "7",
      dealTypes: ["sale", "exclusive_licence"],
      priceByAgreement: true,
    },
  },
  {
    kind: "technology",
    titleRu: "Имплантат для остеосинтеза из биорезорбируемого полимера",
    descriptionRu:
      "Пластина для фиксации костных отломков рассасывается за 12–18 месяцев, повторная операция по удалению не нужна. Завершены доклинические испытания, ищем партнёра для регистрации медицинского изделия.",
    values: {
      objectType: "invention",
      registrationNumber: "RU 2798765 C2",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["A"],
      ipcClasses: "A61B 17/80, A61L 31/14",
      tags: ["medtech", "new-materials"],
      trl: "4",
      dealTypes: ["joint_development", "exclusive_licence"],
      priceByAgreement: true,
    },
  },
  {
    kind: "technology",
    titleRu: "Низкотемпературное спекание керамических подложек для силовой электроники",
    descriptionRu:
      "Режимы и состав шихты, снижающие температуру спекания подложек из оксида алюминия на 200 °C без потери теплопроводности. Передаём технологию с обучением персонала.",
    values: {
      objectType: "know_how",
      rightHolder: THE_ORGANIZATION,
      ipcSections: ["C", "H"],
      ipcClasses: "C04B 35/64",
      tags: ["microelectronics", "new-materials", "energy"],
      trl: "5",
      dealTypes: ["joint_development", "exclusive_licence"],
      priceByAgreement: true,
    },
    state: "moderation",
  },
];

const TECHNOLOGY_REQUESTS: Seed[] = [
  {
    kind: "technology_request",
    titleRu: "Ищем технологию переработки отходов стеклопластика",
    titleEn: "Looking for a fibreglass waste recycling technology",
    descriptionRu:
      "Производитель труб и ёмкостей из стеклопластика: 300 тонн обрезков и брака в год сейчас вывозим на полигон. Рассмотрим технологии измельчения с повторным использованием наполнителя и пиролиз.",
    values: {
      purpose:
        "Перерабатывать собственные отходы стеклопластика (обрезки, брак) в сырьё для наших изделий или продукцию на продажу, не менее 300 тонн в год на нашей площадке.",
      ipcSections: ["B", "C"],
      minTrl: "6",
      tags: ["cleantech", "new-materials"],
      dealTypes: ["exclusive_licence", "sale"],
      budget: 8_000_000,
    },
  },
  {
    kind: "technology_request",
    titleRu: "Система компьютерного зрения для контроля упаковки на линии",
    descriptionRu:
      "Фасовочная линия 120 упаковок в минуту: нужно находить непропаянные швы, смятые коробки и ошибки маркировки и отбраковывать их без остановки линии.",
    values: {
      purpose:
        "Автоматический контроль качества упаковки на скорости 120 штук в минуту с отбраковкой дефектных, вместо выборочного ручного контроля.",
      ipcSections: ["G"],
      minTrl: "7",
      tags: ["ai", "robotics"],
      dealTypes: ["non_exclusive_licence"],
      budget: 2_500_000,
    },
  },
  {
    kind: "technology_request",
    titleRu: "Покрытие, защищающее медные шины от окисления",
    descriptionRu:
      "Медные токопроводящие шины распределительных устройств темнеют и теряют контакт во влажных помещениях. Ищем покрытие или способ обработки, совместимый с болтовыми соединениями.",
    values: {
      purpose:
        "Защитить медные шины от окисления на срок службы оборудования 25 лет без заметного роста переходного сопротивления контактов.",
      ipcSections: ["C", "H"],
      minTrl: "5",
      tags: ["energy", "new-materials"],
      dealTypes: ["joint_development"],
    },
  },
  {
    kind: "technology_request",
    titleRu: "Неинвазивное измерение глюкозы для носимого устройства",
    descriptionRu:
      "Разрабатываем браслет для людей с диабетом. Ищем метод или сенсор, измеряющий уровень глюкозы без прокола кожи, и команду для совместной разработки.",
    values: {
      purpose:
        "Встроить в носимый браслет неинвазивное измерение уровня глюкозы с погрешностью, допустимой для ежедневного самоконтроля.",
      ipcSections: ["A", "G"],
      minTrl: "4",
      tags: ["medtech", "iot"],
      dealTypes: ["joint_development", "exclusive_licence"],
      budget: 15_000_000,
    },
  },
  {
    kind: "technology_request",
    titleRu: "Прогнозирование отказов насосного оборудования по вибрации",
    descriptionRu:
      "Эксплуатируем около 400 насосов на объектах водоснабжения. Нужна система, предупреждающая об износе подшипников и дисбалансе за несколько недель до отказа.",
    values: {
      purpose:
        "Перейти от планово-предупредительных ремонтов насосов к ремонтам по состоянию, предсказывая отказы по данным датчиков вибрации.",
      ipcSections: ["F", "G"],
      minTrl: "6",
      tags: ["iot", "big-data", "ai"],
      dealTypes: ["non_exclusive_licence"],
      budget: 1_200_000,
    },
    state: "moderation",
  },
];

/** A change of a published listing waiting for moderation (the published content stays visible). */
const PENDING_PRICE = 1550;

const DEMO_USER_DRAFT: Seed = {
  kind: "capability",
  titleRu: "Сборка носимых датчиков мониторинга пациентов",
  descriptionRu:
    "Собираем и тестируем носимые датчики малыми сериями на собственном участке. Черновик: отправим на модерацию после подтверждения организации.",
  values: { processes: ["pcb_assembly_smt"], batch: { from: 10, to: 1000 }, leadTimeDays: 20 },
  state: "draft",
};

export const listingsSeeder: Seeder = {
  name: "listings",
  async run(ctx) {
    await seedDemoListings(ctx);
    if (ctx.scale === "full") await seedFullListings(ctx);
  },
};

/** The hand-written listings and their responses (both scales). */
async function seedDemoListings({ db }: SeedContext) {
  const orgs = await ownedOrganizations(db)
    .where(and(verifiedMoscowParticipant(), notLike(organizations.shortName, "Технопарк%")))
    .orderBy(asc(organizations.inn))
    .limit(14);
  if (!orgs.length) return;
  const [demo] = await ownedOrganizations(db).where(eq(organizations.shortName, DEMO_USER_ORG));
  const now = Date.now();
  const all = [...CAPABILITIES, ...PREMISES, ...RFQS, ...TECHNOLOGIES, ...TECHNOLOGY_REQUESTS];
  const planned = all.map((s, i) => {
    // Premises come from the first few organizations (landlords), the other kinds from the others.
    const org =
      s.kind === "premises"
        ? orgs[i % Math.min(4, orgs.length)]!
        : (orgs[(i % (orgs.length - 4 || 1)) + 4] ?? orgs[0]!);
    // A week apart: the exchanges' year behind the dashboards.
    return { s, org, at: new Date(now - (all.length - i) * 7 * DAY) };
  });
  if (demo) planned.push({ s: DEMO_USER_DRAFT, org: demo, at: new Date(now - DAY) });
  const values = (s: Seed, org?: { shortName: string }) => {
    // The seed is data a person could have typed: it passes the kind's validation.
    const typed = Object.fromEntries(
      Object.entries(s.values).map(([k, v]) => [k, v === THE_ORGANIZATION ? (org?.shortName ?? v) : v]),
    );
    const parsed = valuesSchema(LISTING_KINDS[s.kind]).parse(typed);
    return {
      values: parsed,
      searchText: searchableText(LISTING_KINDS[s.kind], parsed),
      nda: ndaGated(LISTING_KINDS[s.kind], parsed),
    };
  };
  const inserts = planned.map(({ s, org, at }) => {
    const state = s.state ?? "published";
    const decided = state === "published" || state === "rejected" ? new Date(at.getTime() + DAY) : null;
    return {
      kind: s.kind,
      organizationId: org.id,
      authorId: org.owner,
      state,
      titleRu: s.titleRu,
      titleEn: s.titleEn ?? null,
      descriptionRu: s.descriptionRu,
      descriptionEn: null,
      ...values(s, org),
      rejectReason: s.rejectReason ?? null,
      submittedAt: state === "draft" ? null : at,
      publishedAt: state === "published" ? decided : null,
      decidedAt: decided,
      createdAt: at,
      updatedAt: at,
    };
  });
  const inserted = await db.insert(listings).values(inserts).returning({
    id: listings.id,
    titleRu: listings.titleRu,
    kind: listings.kind,
    state: listings.state,
    organizationId: listings.organizationId,
    owner: listings.authorId,
    nda: listings.nda,
    values: listings.values,
    publishedAt: listings.publishedAt,
  });
  // The first premises listing's landlord raised the price: the change waits for the operator.
  const first = PREMISES[0]!;
  const target = inserted.find((r) => r.titleRu === first.titleRu);
  if (target) {
    const changed = values({ ...first, values: { ...first.values, price: PENDING_PRICE } });
    await db
      .update(listings)
      .set({
        pending: {
          titleRu: first.titleRu,
          titleEn: first.titleEn ?? null,
          descriptionRu: first.descriptionRu,
          descriptionEn: null,
          values: changed.values,
        },
        pendingState: "moderation",
        submittedAt: new Date(now - 3 * DAY),
        version: 2,
      })
      .where(eq(listings.id, target.id));
  }
  await seedMatches(db, inserted);
  await seedResponses(
    db,
    inserted.flatMap((l) => (l.state === "published" && l.owner ? [{ ...l, owner: l.owner }] : [])),
    orgs,
    demo,
  );
}

/**
 * The organizations the published orders and technology requests matched, as the matching job records
 * them (`recordMatches`: its author's page shows how many were told), dated at the listing's publication.
 * Every capability and offer is dated before every order and request, so each was there to be matched.
 */
async function seedMatches(
  db: SeedContext["db"],
  inserted: {
    id: string;
    kind: ListingKindName;
    state: string;
    organizationId: string;
    values: ListingValues;
  }[],
) {
  const matched = inserted.filter((l) => l.state === "published" && isMatched(l.kind));
  for (const l of matched) await recordMatches(db, l);
  if (matched.length)
    await db.execute(
      sql`update listing_matches m set created_at = l.published_at from listings l
          where l.id = m.listing_id and m.listing_id in (${sql.join(
            matched.map((l) => sql`${l.id}::uuid`),
            sql`, `,
          )})`,
    );
}
