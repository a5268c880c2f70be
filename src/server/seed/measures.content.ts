// The demo catalog of support measures: hand-written programmes of real-sounding providers, and
// families (one programme, many themes, countries or sites). All of it is demo data: the names of
// providers are real bodies and institutions, but the measures, amounts and terms are illustrative,
// not the providers' official terms; every description ends with "Демонстрационные данные.". Every measure
// has `en` (a translation of its title and description; Russian names transliterated), families included.

import type { EligibilityFlag } from "../../shared/eligibility.js";
import type { OkvedSectionLetter } from "../../shared/okved.js";
import type { OrgType, SmeCategory } from "../../shared/organizations.js";
import type { TagSlug } from "../../shared/tags.js";

export type Level = "city" | "federal" | "development_institution";
export type ProviderKind = "city_body" | "federal_body" | "development_institution" | "technopark" | "other";
export type Form =
  | "grant"
  | "subsidy"
  | "preferential_loan"
  | "guarantee"
  | "tax_benefit"
  | "premises"
  | "consulting"
  | "education"
  | "export_support"
  | "pilot_testing"
  | "acceleration";

/** Declared flags a measure may require (the organization confirms them itself). */
export type Flag = EligibilityFlag;

/** Eligibility criteria in a compact form; measures.ts turns them into the contract's Criteria. */
export type C = {
  types?: OrgType[];
  regions?: string[];
  sme?: SmeCategory[];
  /** Years since founding [min, max]; null = unbounded. */
  age?: [number | null, number | null];
  staff?: [number | null, number | null];
  /** Annual revenue, mln RUB. */
  rev?: [number | null, number | null];
  status?: ("participant" | "partner")[];
  okved?: OkvedSectionLetter[];
  tags?: TagSlug[];
  flags?: Flag[];
};

/** Application window in days from the seed's day: "p" = permanent. */
export type W = "p" | [number | null, number | null];

export type Provider = { ru: string; en: string; level: Level; kind: ProviderKind; slug: string };

export type M = {
  p: Provider;
  form: Form;
  ru: string;
  d: string;
  en?: [string, string];
  /** Amount from–to, RUB. */
  amount?: [number | null, number | null];
  /** The applicant's own share, percent. */
  co?: number;
  w: W;
  docs: string[];
  tags?: TagSlug[];
  ind?: OkvedSectionLetter[];
  c: C;
  state?: "draft" | "archived";
};

const MLN = 1_000_000;
const K = 1_000;

// ---------- providers ----------

const prov = (ru: string, en: string, level: Level, kind: ProviderKind, slug: string): Provider => ({
  ru,
  en,
  level,
  kind,
  slug,
});

export const PROVIDERS = {
  dpir: prov(
    "Департамент предпринимательства и инновационного развития города Москвы",
    "Moscow Department for Entrepreneurship and Innovative Development",
    "city",
    "city_body",
    "dpir",
  ),
  dipp: prov(
    "Департамент инвестиционной и промышленной политики города Москвы",
    "Moscow Department for Investment and Industrial Policy",
    "city",
    "city_body",
    "dipp",
  ),
  mik: prov("Московский инновационный кластер", "Moscow Innovation Cluster", "city", "city_body", "mik"),
  aim: prov("Агентство инноваций Москвы", "Moscow Innovation Agency", "city", "city_body", "aim"),
  macc: prov("Фонд «Московский акселератор»", "Moscow Accelerator Foundation", "city", "other", "macc"),
  mfppp: prov(
    "Московский фонд поддержки промышленности и предпринимательства",
    "Moscow Fund for the Support of Industry and Entrepreneurship",
    "city",
    "other",
    "mfppp",
  ),
  mybiz: prov("Центр «Мой бизнес» города Москвы", "My Business Centre, Moscow", "city", "other", "mybiz"),
  mec: prov("Московский экспортный центр", "Moscow Export Centre", "city", "other", "mec"),
  minprom: prov(
    "Министерство промышленности и торговли Российской Федерации",
    "Ministry of Industry and Trade of the Russian Federation",
    "federal",
    "federal_body",
    "minprom",
  ),
  mincif: prov(
    "Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации",
    "Ministry of Digital Development of the Russian Federation",
    "federal",
    "federal_body",
    "mincif",
  ),
  minobr: prov(
    "Министерство науки и высшего образования Российской Федерации",
    "Ministry of Science and Higher Education of the Russian Federation",
    "federal",
    "federal_body",
    "minobr",
  ),
  mek: prov(
    "Министерство экономического развития Российской Федерации",
    "Ministry of Economic Development of the Russian Federation",
    "federal",
    "federal_body",
    "mek",
  ),
  fsi: prov(
    "Фонд содействия инновациям",
    "Innovation Promotion Fund",
    "development_institution",
    "development_institution",
    "fsi",
  ),
  smecorp: prov(
    "Корпорация МСП",
    "SME Corporation",
    "development_institution",
    "development_institution",
    "smecorp",
  ),
  mspbank: prov("МСП Банк", "SME Bank", "development_institution", "development_institution", "mspbank"),
  frp: prov(
    "Фонд развития промышленности",
    "Industrial Development Fund",
    "development_institution",
    "development_institution",
    "frp",
  ),
  rec: prov(
    "Российский экспортный центр",
    "Russian Export Center",
    "development_institution",
    "development_institution",
    "rec",
  ),
  sk: prov(
    "Фонд «Сколково»",
    "Skolkovo Foundation",
    "development_institution",
    "development_institution",
    "sk",
  ),
  frii: prov(
    "Фонд развития интернет-инициатив",
    "Internet Initiatives Development Fund",
    "development_institution",
    "development_institution",
    "frii",
  ),
  rfrit: prov(
    "Российский фонд развития информационных технологий",
    "Russian Fund for Information Technology Development",
    "development_institution",
    "development_institution",
    "rfrit",
  ),
  veb: prov("ВЭБ.РФ", "VEB.RF", "development_institution", "development_institution", "veb"),
} as const;
const P = PROVIDERS;

// ---------- shared pieces ----------

const MSK = ["77"];
const SME: SmeCategory[] = ["micro", "small", "medium"];
const MS: SmeCategory[] = ["micro", "small"];
const BIZ: OrgType[] = ["legal_entity", "individual_entrepreneur"];
const LE: OrgType[] = ["legal_entity"];
const SCI: OrgType[] = ["university", "research_institute"];
const IND: OrgType[] = ["legal_entity", "corporation"];

export const DOCS = {
  form: "Заявка по установленной форме",
  egrul: "Выписка из ЕГРЮЛ или ЕГРИП, полученная не ранее чем за 30 дней до подачи заявки",
  tax: "Справка об отсутствии задолженности по налогам и сборам",
  plan: "Бизнес-план проекта",
  budget: "Смета расходов проекта",
  fin: "Бухгалтерская (финансовая) отчётность за последний отчётный год",
  pitch: "Презентация проекта",
  costs: "Копии документов, подтверждающих понесённые затраты",
  feas: "Технико-экономическое обоснование проекта",
  staff: "Сведения о среднесписочной численности работников",
  exp: "Копия экспортного контракта или предварительного соглашения с иностранным покупателем",
  ip: "Документы о правах на результаты интеллектуальной деятельности",
  cofin: "Гарантийное письмо о софинансировании проекта",
  pd: "Согласие на обработку персональных данных",
  collat: "Документы по предлагаемому обеспечению",
  team: "Сведения о команде проекта",
  cert: "Документы, подтверждающие соответствие продукции установленным требованиям",
  lease: "Проект договора аренды или заявка на подбор помещения",
  pilot: "Описание решения и предлагаемой программы испытаний",
} as const;
const D = DOCS;

// ---------- hand-written measures ----------

const HAND: M[] = [
  // Департамент предпринимательства и инновационного развития
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на компенсацию затрат на патентование за рубежом",
    d: "Возмещение части затрат московских компаний на получение патентов на изобретения, полезные модели и промышленные образцы в иностранных государствах. Компенсируются пошлины патентных ведомств, услуги патентных поверенных и перевод заявок. Поддержка помогает защитить разработки до выхода на зарубежные рынки.",
    en: [
      "Subsidy for foreign patenting costs",
      "Partial reimbursement of Moscow companies' costs of obtaining patents for inventions, utility models and industrial designs abroad. Patent office fees, patent attorneys' services and translations are covered.",
    ],
    amount: [100 * K, 5 * MLN],
    co: 20,
    w: [-70, 35],
    docs: [D.form, D.egrul, D.tax, D.ip, D.costs],
    ind: ["C", "J", "M"],
    c: { types: BIZ, regions: MSK, sme: SME, flags: ["no_tax_debt"] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на уплату процентов по кредитам на инновационные проекты",
    d: "Город возмещает часть процентной ставки по кредитам, привлечённым на разработку и выпуск инновационной продукции. Субсидия выплачивается ежеквартально в течение срока кредитного договора. Претендовать могут компании малого и среднего бизнеса, работающие не менее года.",
    en: [
      "Interest rate subsidy for innovation project loans",
      "The city reimburses part of the interest on loans taken to develop and launch innovative products, paid quarterly over the term of the loan.",
    ],
    amount: [null, 15 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.tax, D.fin, D.plan],
    c: { types: BIZ, regions: MSK, sme: SME, age: [1, null], flags: ["no_tax_debt"] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на компенсацию затрат на приобретение производственного оборудования",
    d: "Компенсация части затрат на покупку нового оборудования для производства инновационной продукции в Москве. Оборудование должно быть введено в эксплуатацию и использоваться на территории города. Приоритет получают проекты импортозамещения и технологического перевооружения.",
    en: [
      "Subsidy for the purchase of production equipment",
      "Partial reimbursement of the cost of buying new equipment to manufacture innovative products in Moscow. The equipment must be commissioned and used within the city. Priority is given to import substitution and technological re-equipment projects.",
    ],
    amount: [500 * K, 20 * MLN],
    co: 50,
    w: [-40, 60],
    docs: [D.form, D.egrul, D.tax, D.fin, D.costs],
    ind: ["C"],
    c: { types: BIZ, regions: MSK, sme: SME, okved: ["C"], age: [1, null] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на возмещение части лизинговых платежей",
    d: "Субсидия покрывает часть первого взноса и лизинговых платежей по договорам лизинга оборудования. Предмет лизинга должен использоваться для производства или оказания услуг в Москве. Поддержка доступна субъектам малого и среднего предпринимательства.",
    en: [
      "Subsidy towards leasing payments",
      "The subsidy covers part of the down payment and lease payments under equipment leasing agreements. The leased equipment must be used for production or the provision of services in Moscow. Support is available to small and medium-sized enterprises.",
    ],
    amount: [200 * K, 10 * MLN],
    co: 30,
    w: "p",
    docs: [D.form, D.egrul, D.tax, D.costs],
    c: { types: BIZ, regions: MSK, sme: SME },
  },
  {
    p: P.dpir,
    form: "grant",
    ru: "Грант на создание и развитие инновационных продуктов",
    d: "Грант на доведение разработки до готового продукта: опытные образцы, испытания, сертификация и подготовка серийного выпуска. Проект должен иметь подтверждённый интерес со стороны заказчиков. Конкурс проводится среди участников Московского инновационного кластера.",
    en: [
      "Grant for the development of innovative products",
      "A grant to turn a development into a finished product: prototypes, testing, certification and preparation for serial production. Open to participants of the Moscow Innovation Cluster.",
    ],
    amount: [1 * MLN, 10 * MLN],
    co: 25,
    w: [-30, 4],
    docs: [D.form, D.egrul, D.plan, D.budget, D.pitch, D.cofin],
    c: { types: LE, regions: MSK, sme: SME, age: [1, null], status: ["participant"] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на участие в международных выставках",
    d: "Возмещение затрат на аренду площади, застройку стенда и регистрационные взносы при участии в международных выставках и ярмарках. Компания должна представить на выставке собственную продукцию, произведённую в Москве. Одна компания может получить поддержку по нескольким мероприятиям в течение года.",
    en: [
      "Subsidy for taking part in international exhibitions",
      "Reimbursement of the cost of space rental, stand construction and registration fees for taking part in international exhibitions and trade fairs. The company must exhibit its own products manufactured in Moscow. A company may receive support for several events in a year.",
    ],
    amount: [100 * K, 3 * MLN],
    co: 20,
    w: [-90, 120],
    docs: [D.form, D.egrul, D.costs],
    c: { types: BIZ, regions: MSK, sme: SME },
  },
  {
    p: P.dpir,
    form: "export_support",
    ru: "Компенсация затрат на сертификацию продукции для экспорта",
    d: "Возмещаются расходы на испытания и сертификацию продукции по требованиям иностранных рынков. Поддержка помогает выйти на рынки стран ЕАЭС, Азии и Ближнего Востока. Заявку подают после получения сертификата.",
    en: [
      "Reimbursement of export product certification costs",
      "Covers the cost of testing and certifying products to the requirements of foreign markets. The support helps companies enter the markets of the EAEU, Asia and the Middle East. Applications are submitted once the certificate has been obtained.",
    ],
    amount: [50 * K, 2 * MLN],
    co: 20,
    w: "p",
    docs: [D.form, D.egrul, D.cert, D.costs],
    c: { types: BIZ, regions: MSK, sme: SME, flags: ["exporter"] },
  },
  {
    p: P.dpir,
    form: "grant",
    ru: "Грант на создание объектов инновационной инфраструктуры",
    d: "Поддержка управляющих компаний, создающих в Москве технопарки, коворкинги и центры прототипирования. Грант покрывает часть затрат на оборудование, ремонт и оснащение помещений. Объект должен быть открыт для резидентов не позднее чем через год после получения гранта.",
    en: [
      "Grant for creating innovation infrastructure",
      "Support for management companies setting up technoparks, coworking spaces and prototyping centres in Moscow. The grant covers part of the cost of equipment, refurbishment and fitting out premises. The facility must open to residents no later than one year after the grant is received.",
    ],
    amount: [5 * MLN, 50 * MLN],
    co: 50,
    w: [-20, 70],
    docs: [D.form, D.egrul, D.plan, D.budget, D.fin, D.cofin],
    ind: ["L", "M"],
    c: { types: LE, regions: MSK, age: [2, null], staff: [5, null] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на создание центров коллективного пользования в технопарках",
    d: "Управляющие компании технопарков могут получить субсидию на закупку оборудования для центров коллективного пользования. Оборудование предоставляется резидентам технопарка на льготных условиях. Субсидия выплачивается после ввода центра в эксплуатацию.",
    en: [
      "Subsidy for shared equipment centres in technoparks",
      "Technopark management companies can receive a subsidy to buy equipment for shared equipment centres. The equipment is made available to technopark residents on preferential terms. The subsidy is paid once the centre has been commissioned.",
    ],
    amount: [10 * MLN, 100 * MLN],
    co: 40,
    w: [-100, -12],
    docs: [D.form, D.egrul, D.budget, D.fin],
    c: { types: LE, regions: MSK, flags: ["innovation_activity"] },
  },
  {
    p: P.dpir,
    form: "tax_benefit",
    ru: "Налоговые льготы для управляющих компаний технопарков",
    d: "Управляющие компании, получившие статус технопарка города Москвы, платят налог на имущество, земельный налог и арендную плату за землю по пониженным ставкам. Льготы действуют при соблюдении требований к доле резидентов и площадей. Статус подтверждается ежегодно.",
    en: [
      "Tax benefits for technopark management companies",
      "Management companies with the status of a Moscow technopark pay reduced property and land taxes and land rent, subject to requirements on the share of residents and floor area.",
    ],
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    ind: ["L"],
    c: { types: LE, regions: MSK, staff: [10, null] },
  },
  {
    p: P.dpir,
    form: "tax_benefit",
    ru: "Налоговые льготы для якорных резидентов технопарков",
    d: "Якорные резиденты технопарков, разместившие производство на площадке, получают пониженную ставку налога на прибыль в части, зачисляемой в бюджет города, и льготы по налогу на имущество. Требуются инвестиции в оборудование и создание рабочих мест. Льгота предоставляется на срок реализации инвестиционного проекта.",
    en: [
      "Tax benefits for anchor residents of technoparks",
      "Anchor residents of technoparks that have located production on site receive a reduced rate of corporate income tax on the portion paid to the city budget, as well as property tax relief. Investment in equipment and job creation are required. The benefit applies for the duration of the investment project.",
    ],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.plan, D.staff],
    ind: ["C"],
    c: { types: IND, regions: MSK, okved: ["C", "J", "M"], flags: ["innovation_activity"] },
  },
  {
    p: P.dpir,
    form: "grant",
    ru: "Грант на коммерциализацию результатов научной деятельности вузов",
    d: "Поддержка университетов и научных институтов, выводящих разработки на рынок через малые инновационные предприятия или лицензирование. Средства направляются на патентование, маркетинговые исследования и изготовление опытных образцов. Проект реализуется совместно с индустриальным партнёром.",
    en: [
      "Grant for commercialising university research",
      "Support for universities and research institutes bringing developments to market through spin-offs or licensing: patenting, market studies and prototypes, together with an industrial partner.",
    ],
    amount: [3 * MLN, 30 * MLN],
    co: 30,
    w: [-50, 50],
    docs: [D.form, D.egrul, D.plan, D.ip, D.cofin],
    ind: ["M", "P"],
    c: { types: SCI, regions: MSK },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на сертификацию медицинских изделий",
    d: "Компенсация затрат на клинические испытания и регистрацию медицинских изделий, разработанных московскими компаниями. Поддержка охватывает технические испытания, токсикологические исследования и экспертизу. Изделие должно производиться в Москве.",
    en: [
      "Subsidy for the certification of medical devices",
      "Reimbursement of the cost of clinical trials and registration of medical devices developed by Moscow companies. Support covers technical testing, toxicology studies and expert review. The device must be manufactured in Moscow.",
    ],
    amount: [500 * K, 8 * MLN],
    co: 30,
    w: [-60, 90],
    docs: [D.form, D.egrul, D.cert, D.costs],
    tags: ["medtech"],
    ind: ["C", "Q"],
    c: { types: BIZ, regions: MSK, sme: SME, tags: ["medtech", "pharma", "biotech"] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на оплату стажировок студентов в инновационных компаниях",
    d: "Город компенсирует часть расходов на оплату труда студентов и выпускников, проходящих стажировку в технологических компаниях. Стажировка длится от трёх до шести месяцев. Компания назначает наставника и составляет программу стажировки.",
    en: [
      "Subsidy for student internships in innovative companies",
      "The city reimburses part of the wages of students and graduates doing internships at technology companies. Internships last three to six months. The company appoints a mentor and draws up an internship programme.",
    ],
    amount: [null, 1.5 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.staff],
    c: { types: BIZ, regions: MSK, staff: [3, null] },
  },
  {
    p: P.dpir,
    form: "grant",
    ru: "Грант для молодых технологических компаний",
    d: "Грант для компаний, работающих не более трёх лет, на разработку минимально жизнеспособного продукта и первые продажи. Проект оценивают эксперты по технологической новизне и рыночному потенциалу. Победители также получают наставника из числа предпринимателей.",
    en: [
      "Grant for young technology companies",
      "A grant for companies up to three years old to build a minimum viable product and make first sales. Winners also get a mentor.",
    ],
    amount: [500 * K, 5 * MLN],
    w: [-15, 45],
    docs: [D.form, D.egrul, D.pitch, D.team],
    c: { types: BIZ, regions: MSK, sme: ["micro"], age: [null, 3] },
  },
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на внедрение отечественного программного обеспечения",
    d: "Возмещение части затрат малого и среднего бизнеса на покупку и внедрение российского программного обеспечения из единого реестра. Поддерживаются ERP-, CRM-системы и решения для автоматизации производства. Субсидия выплачивается после подписания акта внедрения.",
    en: [
      "Subsidy for adopting Russian software",
      "Partial reimbursement of small and medium-sized businesses' costs of buying and implementing Russian software listed in the unified register. ERP and CRM systems and production automation solutions are supported. The subsidy is paid after the implementation certificate is signed.",
    ],
    amount: [100 * K, 3 * MLN],
    co: 50,
    w: [-80, 2],
    docs: [D.form, D.egrul, D.costs],
    c: { types: BIZ, regions: MSK, sme: SME },
  },
  // Департамент инвестиционной и промышленной политики
  {
    p: P.dipp,
    form: "tax_benefit",
    ru: "Статус промышленного комплекса: снижение налоговой нагрузки",
    d: "Организации, получившие статус промышленного комплекса, платят налог на прибыль, налог на имущество и земельный налог по пониженным ставкам. Для статуса нужны производственные мощности в Москве и сохранение уровня заработной платы. Сэкономленные средства направляются на модернизацию производства.",
    en: [
      "Industrial complex status: lower taxes",
      "Organizations with the industrial complex status pay reduced profit, property and land taxes, provided they keep production in Moscow and reinvest the savings in modernisation.",
    ],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.staff, D.plan],
    ind: ["C"],
    c: { types: IND, regions: MSK, okved: ["C"], staff: [50, null], flags: ["no_tax_debt"] },
  },
  {
    p: P.dipp,
    form: "tax_benefit",
    ru: "Статус приоритетного инвестиционного проекта",
    d: "Инвесторы, реализующие в Москве крупные проекты в промышленности и технологиях, получают льготы по налогу на имущество и земельному налогу. Проект должен предусматривать капитальные вложения и создание новых рабочих мест. Статус присваивается решением городской комиссии.",
    en: [
      "Priority investment project status",
      "Investors carrying out major industrial and technology projects in Moscow receive property tax and land tax relief. The project must involve capital investment and the creation of new jobs. The status is granted by decision of a city commission.",
    ],
    amount: [null, null],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.feas],
    c: { types: IND, regions: MSK, sme: ["medium", "large"], rev: [500, null] },
  },
  {
    p: P.dipp,
    form: "subsidy",
    ru: "Субсидия на модернизацию производства по приоритетным отраслям",
    d: "Возмещение части затрат на модернизацию производственных линий в приоритетных отраслях: микроэлектроника, фармацевтика, станкостроение и новые материалы. Предприятие обязуется нарастить выпуск продукции в течение трёх лет. Требуется софинансирование из собственных средств.",
    en: [
      "Subsidy for modernising production in priority industries",
      "Partial reimbursement of the cost of modernising production lines in priority industries: microelectronics, pharmaceuticals, machine tools and new materials. The enterprise undertakes to increase output within three years. Co-financing from its own funds is required.",
    ],
    amount: [10 * MLN, 200 * MLN],
    co: 50,
    w: [-45, 75],
    docs: [D.form, D.egrul, D.fin, D.feas, D.budget],
    tags: ["microelectronics", "pharma", "new-materials"],
    ind: ["C"],
    c: {
      types: IND,
      regions: MSK,
      okved: ["C"],
      rev: [120, null],
      tags: ["microelectronics", "pharma", "new-materials", "robotics", "additive-manufacturing"],
    },
  },
  // Московский инновационный кластер
  {
    p: P.mik,
    form: "consulting",
    ru: "Консультации по мерам поддержки инновационного бизнеса",
    d: "Специалисты кластера помогают подобрать городские и федеральные меры поддержки под задачи компании и подготовить заявку. Консультация проводится онлайн или в офисе. Услуга бесплатна для всех пользователей платформы.",
    en: [
      "Advice on support measures for innovative businesses",
      "Cluster specialists help choose city and federal support measures and prepare an application, online or in person. Free for every platform user.",
    ],
    w: "p",
    docs: [],
    c: {},
  },
  {
    p: P.mik,
    form: "consulting",
    ru: "Подбор кооперационных партнёров внутри кластера",
    d: "Менеджеры кластера подбирают поставщиков, заказчиков и партнёров для совместных проектов среди участников кластера. Компания формулирует запрос, а кластер организует встречи. Услуга доступна участникам и партнёрам кластера.",
    en: [
      "Finding cooperation partners within the cluster",
      "Cluster managers find suppliers, customers and partners for joint projects among cluster participants. The company sets out its request and the cluster arranges meetings. The service is available to cluster participants and partners.",
    ],
    w: "p",
    docs: [D.form],
    c: { status: ["participant", "partner"] },
  },
  {
    p: P.mik,
    form: "subsidy",
    ru: "Субсидия на реализацию совместных кластерных проектов",
    d: "Поддержка проектов, которые выполняют не менее двух участников кластера: совместная разработка, кооперационные поставки или создание общей инфраструктуры. Субсидия покрывает часть затрат на закупку комплектующих и услуг. Проект должен завершиться созданием продукта или услуги.",
    en: [
      "Subsidy for joint cluster projects",
      "Support for projects carried out by at least two cluster participants: joint development, cooperative supply or the creation of shared infrastructure. The subsidy covers part of the cost of components and services. The project must result in a product or service.",
    ],
    amount: [2 * MLN, 25 * MLN],
    co: 40,
    w: [-25, 55],
    docs: [D.form, D.egrul, D.plan, D.budget, D.cofin],
    c: { regions: MSK, status: ["participant"], age: [1, null] },
  },
  {
    p: P.mik,
    form: "pilot_testing",
    ru: "Пилотирование решений с крупными корпорациями",
    d: "Кластер публикует запросы корпораций на новые технологии и помогает договориться о пилотном проекте. Компания получает реальную площадку для испытаний и обратную связь от заказчика. Успешный пилот может перерасти в коммерческий контракт.",
    en: [
      "Pilot projects with large corporations",
      "The cluster publishes corporations' technology requests and helps arrange a pilot, giving a real test site and customer feedback; a successful pilot can lead to a contract.",
    ],
    w: "p",
    docs: [D.pilot, D.pitch],
    c: { status: ["participant", "partner"], types: ["legal_entity", "individual_entrepreneur", "foreign"] },
  },
  {
    p: P.mik,
    form: "education",
    ru: "Программа обучения «Управление инновациями»",
    d: "Трёхмесячная программа для руководителей технологических компаний: стратегия, финансирование, выход на корпоративных заказчиков и защита интеллектуальной собственности. Занятия ведут практики из корпораций и фондов. По итогам выдаётся сертификат кластера.",
    en: [
      "Innovation Management training programme",
      "A three-month programme for heads of technology companies: strategy, financing, winning corporate customers and protecting intellectual property. Sessions are led by practitioners from corporations and funds. Participants receive a cluster certificate on completion.",
    ],
    w: [20, 80],
    docs: [D.form],
    c: { status: ["participant", "partner"] },
  },
  {
    p: P.mik,
    form: "export_support",
    ru: "Программа экспортного сопровождения участников кластера",
    d: "Кластер помогает участникам найти зарубежных покупателей, подготовить экспортное предложение и провести переговоры. В программу входят маркетинговое исследование рынка и организация онлайн-встреч. Сопровождение длится до шести месяцев.",
    en: [
      "Export support programme for cluster participants",
      "The cluster helps participants find foreign buyers, prepare an export offer and conduct negotiations. The programme includes market research and online meetings. Support lasts up to six months.",
    ],
    w: "p",
    docs: [D.form, D.pitch],
    c: { regions: MSK, status: ["participant"] },
  },
  {
    p: P.mik,
    form: "consulting",
    ru: "Экспертиза инновационности продукта",
    d: "Эксперты кластера оценивают новизну продукта, его технологический уровень и соответствие городским приоритетам. Заключение можно приложить к заявкам на гранты и субсидии. Срок подготовки заключения — до 15 рабочих дней.",
    en: [
      "Product innovativeness assessment",
      "Cluster experts assess a product's novelty, its technological level and its fit with the city's priorities. The assessment can be attached to grant and subsidy applications. It is prepared within 15 working days.",
    ],
    w: "p",
    docs: [D.pitch, D.ip],
    c: { types: ["legal_entity", "individual_entrepreneur", "university", "research_institute"] },
  },
  // Агентство инноваций Москвы
  {
    p: P.aim,
    form: "pilot_testing",
    ru: "Тестирование беспилотных систем на городских полигонах",
    d: "Разработчики беспилотных авиационных систем и наземного транспорта могут испытать решения на выделенных городских полигонах. Агентство согласует маршруты и помогает получить разрешения. Испытания проводятся в рамках экспериментального правового режима.",
    en: [
      "Testing unmanned systems at city test sites",
      "Developers of drones and autonomous ground vehicles can test their solutions at dedicated city test sites under an experimental legal regime; the agency arranges routes and permits.",
    ],
    w: [-10, 110],
    docs: [D.pilot, D.cert],
    tags: ["drones", "transport"],
    c: { types: ["legal_entity", "corporation"], tags: ["drones", "transport", "robotics"] },
  },
  {
    p: P.aim,
    form: "grant",
    ru: "Премия для городских инноваторов",
    d: "Ежегодная премия отмечает технологические проекты, которые уже применяются в Москве и улучшают жизнь горожан. Победители получают денежную премию и продвижение в городских медиа. Участвовать могут компании, вузы и научные институты.",
    en: [
      "Award for city innovators",
      "An annual award recognising technology projects already in use in Moscow that improve the lives of its residents. Winners receive a cash prize and promotion in city media. Companies, universities and research institutes may take part.",
    ],
    amount: [500 * K, 3 * MLN],
    w: [-120, -30],
    docs: [D.form, D.pitch],
    c: { regions: MSK },
  },
  {
    p: P.aim,
    form: "consulting",
    ru: "Сопровождение в экспериментальных правовых режимах",
    d: "Агентство помогает подготовить предложение об экспериментальном правовом режиме для испытания технологий, которые ещё не урегулированы законодательством. Консультанты готовят обоснование и сопровождают согласование. Чаще всего режимы применяются для ИИ, беспилотников и телемедицины.",
    en: [
      "Support with experimental legal regimes",
      "The agency helps prepare a proposal for an experimental legal regime (regulatory sandbox) to test technologies not yet covered by legislation. Consultants prepare the justification and support the approval process. Such regimes are most often used for AI, drones and telemedicine.",
    ],
    w: "p",
    docs: [D.pilot],
    tags: ["ai", "drones", "medtech"],
    c: { tags: ["ai", "drones", "medtech", "transport"] },
  },
  // Московский фонд поддержки промышленности и предпринимательства
  {
    p: P.mfppp,
    form: "guarantee",
    ru: "Поручительство по кредитам субъектов МСП",
    d: "Фонд выступает поручителем по кредитам и банковским гарантиям, если у компании недостаточно залога. Поручительство покрывает до половины суммы обязательства. Заявку можно подать через банк-партнёр.",
    en: [
      "Surety for SME loans",
      "The fund acts as surety for loans and bank guarantees when a company lacks collateral, covering up to half of the obligation. Apply through a partner bank.",
    ],
    amount: [null, 100 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.collat],
    c: { types: BIZ, regions: MSK, sme: SME, flags: ["no_tax_debt"] },
  },
  {
    p: P.mfppp,
    form: "preferential_loan",
    ru: "Микрозаймы для начинающих предпринимателей",
    d: "Займы на пополнение оборотных средств и покупку оборудования для предпринимателей, работающих менее двух лет. Ставка ниже рыночной, срок — до трёх лет. Решение принимается в течение 10 рабочих дней.",
    en: [
      "Microloans for new entrepreneurs",
      "Loans for working capital and equipment for entrepreneurs who have been in business for less than two years. The rate is below market, and the term is up to three years. A decision is made within 10 working days.",
    ],
    amount: [100 * K, 5 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.tax],
    c: { types: BIZ, regions: MSK, sme: ["micro"], age: [null, 2] },
  },
  {
    p: P.mfppp,
    form: "preferential_loan",
    ru: "Льготные займы для производственных компаний",
    d: "Займы для московских производителей на модернизацию, запуск новых линий и пополнение оборотных средств. Ставка зависит от отрасли и наличия обеспечения. Заём может быть совмещён с поручительством фонда.",
    en: [
      "Preferential loans for manufacturers",
      "Loans for Moscow manufacturers to modernise, launch new lines and replenish working capital. The rate depends on the industry and the collateral offered. The loan can be combined with a surety from the fund.",
    ],
    amount: [5 * MLN, 100 * MLN],
    co: 20,
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.feas, D.collat],
    ind: ["C"],
    c: { types: BIZ, regions: MSK, sme: SME, okved: ["C"], age: [1, null] },
  },
  {
    p: P.mfppp,
    form: "guarantee",
    ru: "Поручительство для участников государственных закупок",
    d: "Фонд предоставляет поручительство по банковским гарантиям для обеспечения заявок и исполнения контрактов по государственным закупкам. Это снижает стоимость гарантии и ускоряет её выдачу. Поддержка доступна малому и среднему бизнесу Москвы.",
    en: [
      "Surety for public procurement participants",
      "The fund provides sureties for bank guarantees securing bids and the performance of public procurement contracts. This lowers the cost of the guarantee and speeds up its issue. Support is available to small and medium-sized businesses in Moscow.",
    ],
    amount: [null, 50 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    c: { types: BIZ, regions: MSK, sme: SME },
  },
  {
    p: P.mfppp,
    form: "preferential_loan",
    ru: "Заём на пополнение оборотных средств технологических компаний",
    d: "Краткосрочный заём для компаний, у которых растёт выручка и нужны средства на закупку комплектующих под заказы. Срок — до 18 месяцев. Требуется подтверждённая выручка за последний год.",
    en: [
      "Working capital loan for technology companies",
      "A short-term loan for companies with growing revenue that need funds to buy components for orders. The term is up to 18 months. Confirmed revenue for the last year is required.",
    ],
    amount: [1 * MLN, 30 * MLN],
    w: [-200, -5],
    docs: [D.form, D.egrul, D.fin],
    c: { types: BIZ, regions: MSK, sme: SME, rev: [10, null] },
    state: "archived",
  },
  // Центр «Мой бизнес»
  {
    p: P.mybiz,
    form: "consulting",
    ru: "Бесплатные юридические консультации для предпринимателей",
    d: "Юристы центра консультируют по договорам, трудовым вопросам, интеллектуальной собственности и спорам с контрагентами. Консультация проводится очно или по видеосвязи. Услуга доступна предпринимателям и компаниям, зарегистрированным в Москве.",
    en: [
      "Free legal advice for entrepreneurs",
      "The centre's lawyers advise on contracts, employment, intellectual property and disputes, in person or by video call, for businesses registered in Moscow.",
    ],
    w: "p",
    docs: [],
    c: { types: BIZ, regions: MSK },
  },
  {
    p: P.mybiz,
    form: "consulting",
    ru: "Консультации по бухгалтерскому учёту и налогообложению",
    d: "Эксперты помогают выбрать систему налогообложения, разобраться с отчётностью и подготовиться к проверкам. Можно получить разбор конкретной ситуации. Услуга бесплатна для малого бизнеса.",
    en: [
      "Accounting and tax advice",
      "Experts help choose a tax regime, deal with reporting and prepare for inspections. A review of a specific situation is available. The service is free for small businesses.",
    ],
    w: "p",
    docs: [],
    c: { types: BIZ, regions: MSK, sme: MS },
  },
  {
    p: P.mybiz,
    form: "education",
    ru: "Школа предпринимателя",
    d: "Двухмесячный курс для тех, кто только начинает бизнес: бизнес-модель, финансы, маркетинг и юридические основы. Занятия проходят по вечерам и в выходные. Выпускники защищают собственный проект перед экспертами.",
    en: [
      "School for entrepreneurs",
      "A two-month evening and weekend course for new businesses: business model, finance, marketing and legal basics, ending with a project pitch.",
    ],
    w: [-5, 25],
    docs: [D.form, D.pd],
    c: { age: [null, 2] },
  },
  {
    p: P.mybiz,
    form: "education",
    ru: "Курс «Цифровизация малого бизнеса»",
    d: "Практический курс о выборе и внедрении сервисов для учёта, продаж и работы с клиентами. Участники строят план цифровизации своей компании. Курс проводится онлайн.",
    en: [
      "Digitalisation of Small Business course",
      "A practical course on choosing and implementing services for accounting, sales and customer relations. Participants draw up a digitalisation plan for their own company. The course is held online.",
    ],
    w: [30, 90],
    docs: [D.form],
    c: { sme: MS },
  },
  {
    p: P.mybiz,
    form: "consulting",
    ru: "Маркетинговое сопровождение и продвижение на маркетплейсах",
    d: "Специалисты центра помогают выйти на маркетплейсы: подготовить карточки товаров, рассчитать экономику и настроить рекламу. Сопровождение длится до трёх месяцев. Количество мест ограничено.",
    en: [
      "Marketing support and promotion on marketplaces",
      "The centre's specialists help businesses get onto online marketplaces: preparing product listings, working out the unit economics and setting up advertising. Support lasts up to three months. Places are limited.",
    ],
    w: [-30, 6],
    docs: [D.form, D.egrul],
    c: { types: BIZ, regions: MSK, sme: MS },
  },
  // Московский экспортный центр
  {
    p: P.mec,
    form: "export_support",
    ru: "Участие в международных выставках на коллективном стенде Москвы",
    d: "Московские компании могут представить продукцию на коллективном стенде города на крупнейших отраслевых выставках. Центр берёт на себя аренду площади, застройку и логистику образцов. Компания оплачивает только проезд и проживание своих представителей.",
    en: [
      "Exhibiting on Moscow's joint stand at international fairs",
      "Moscow companies can show their products on the city's joint stand at major trade fairs; the centre covers space, stand construction and sample logistics.",
    ],
    w: [-35, 40],
    docs: [D.form, D.egrul, D.pitch],
    c: { types: BIZ, regions: MSK, sme: SME },
  },
  {
    p: P.mec,
    form: "export_support",
    ru: "Поиск иностранных покупателей",
    d: "Центр формирует список потенциальных покупателей в выбранной стране, проверяет их и организует переговоры. Услуга включает перевод коммерческого предложения. Результат — не менее пяти переговоров с заинтересованными компаниями.",
    en: [
      "Finding foreign buyers",
      "The centre compiles a list of potential buyers in the chosen country, vets them and arranges negotiations. The service includes translation of the commercial offer. The result is at least five negotiations with interested companies.",
    ],
    w: "p",
    docs: [D.form, D.pitch],
    c: { regions: MSK, flags: ["exporter"] },
  },
  {
    p: P.mec,
    form: "export_support",
    ru: "Продвижение на зарубежных маркетплейсах",
    d: "Помощь в регистрации и продвижении товаров московских производителей на международных электронных торговых площадках. Центр частично оплачивает размещение и рекламу в первый год. Поддерживаются площадки стран Азии, Ближнего Востока и ЕАЭС.",
    en: [
      "Promotion on foreign marketplaces",
      "Help with registering and promoting Moscow manufacturers' goods on international online marketplaces. The centre partly pays for listing and advertising in the first year. Marketplaces in Asia, the Middle East and the EAEU are supported.",
    ],
    co: 30,
    w: "p",
    docs: [D.form, D.egrul],
    c: { types: BIZ, regions: MSK, sme: SME, okved: ["C", "G"] },
  },
  {
    p: P.mec,
    form: "education",
    ru: "Экспортный акселератор для производителей",
    d: "Четырёхмесячная программа для компаний, которые готовятся к первым экспортным поставкам. Участники разрабатывают экспортную стратегию, получают консультации по логистике и таможне и проводят переговоры с покупателями. Программа проводится потоками дважды в год.",
    en: [
      "Export accelerator for manufacturers",
      "A four-month programme for companies preparing for their first export deliveries. Participants develop an export strategy, receive advice on logistics and customs, and negotiate with buyers. The programme runs in cohorts twice a year.",
    ],
    w: [-60, -3],
    docs: [D.form, D.egrul, D.pitch],
    c: { types: BIZ, regions: MSK, okved: ["C"] },
  },
  {
    p: P.mec,
    form: "consulting",
    ru: "Адаптация сайта и презентационных материалов для иностранных рынков",
    d: "Центр оплачивает перевод и локализацию сайта, каталогов и презентаций на иностранные языки. Материалы адаптируются с учётом особенностей целевого рынка. Услуга предоставляется один раз в год.",
    en: [
      "Adapting websites and presentation materials for foreign markets",
      "The centre pays for translating and localising websites, catalogues and presentations into foreign languages. Materials are adapted to the specifics of the target market. The service is provided once a year.",
    ],
    co: 20,
    w: "p",
    docs: [D.form],
    c: { regions: MSK, sme: SME },
  },
  // Минпромторг
  {
    p: P.minprom,
    form: "subsidy",
    ru: "Субсидия на НИОКР по приоритетным направлениям гражданской промышленности",
    d: "Возмещение части затрат на научно-исследовательские и опытно-конструкторские работы в приоритетных отраслях гражданской промышленности. Результатом должен стать серийный выпуск продукции в течение нескольких лет после завершения работ. Отбор проводится на конкурсной основе.",
    en: [
      "Subsidy for R&D in priority civil industries",
      "Partial reimbursement of R&D costs in priority civil industries, leading to serial production after the work is complete. Competitive selection.",
    ],
    amount: [20 * MLN, 500 * MLN],
    co: 50,
    w: [-30, 60],
    docs: [D.form, D.egrul, D.fin, D.feas, D.budget],
    ind: ["C"],
    c: { types: IND, okved: ["C"], rev: [100, null], age: [3, null] },
  },
  {
    p: P.minprom,
    form: "subsidy",
    ru: "Субсидия на производство и реализацию пилотных партий продукции",
    d: "Компенсация затрат на выпуск пилотных партий средств производства и электроники и их передачу потребителям для апробации. Программа помогает вывести на рынок новое отечественное оборудование. Покупатель получает продукцию со скидкой.",
    en: [
      "Subsidy for producing and selling pilot batches of products",
      "Reimbursement of the cost of producing pilot batches of capital goods and electronics and supplying them to customers for trial use. The programme helps bring new Russian-made equipment to market. The buyer receives the products at a discount.",
    ],
    amount: [10 * MLN, 300 * MLN],
    co: 50,
    w: [-10, 100],
    docs: [D.form, D.egrul, D.fin, D.cert],
    tags: ["microelectronics", "robotics"],
    ind: ["C"],
    c: {
      types: IND,
      okved: ["C"],
      tags: ["microelectronics", "robotics", "photonics", "additive-manufacturing"],
    },
  },
  {
    p: P.minprom,
    form: "subsidy",
    ru: "Субсидия на компенсацию затрат на сертификацию промышленной продукции",
    d: "Производители получают возмещение части затрат на сертификацию продукции по российским и международным стандартам. Поддержка направлена на повышение конкурентоспособности отечественной продукции. Заявки принимаются после получения сертификатов.",
    en: [
      "Subsidy for industrial product certification costs",
      "Manufacturers are reimbursed part of the cost of certifying products to Russian and international standards. The support aims to make Russian products more competitive. Applications are accepted once the certificates have been obtained.",
    ],
    amount: [500 * K, 20 * MLN],
    co: 50,
    w: "p",
    docs: [D.form, D.egrul, D.cert, D.costs],
    ind: ["C"],
    c: { okved: ["C"] },
  },
  // Минцифры
  {
    p: P.mincif,
    form: "tax_benefit",
    ru: "Налоговые льготы для аккредитованных ИТ-компаний",
    d: "Аккредитованные ИТ-компании платят налог на прибыль и страховые взносы по пониженным ставкам. Для льгот нужна аккредитация и доля доходов от ИТ-деятельности не ниже установленной. Льготы применяются при заполнении налоговой отчётности.",
    en: [
      "Tax benefits for accredited IT companies",
      "Accredited IT companies pay reduced profit tax and social contributions, provided the share of IT revenue meets the threshold.",
    ],
    w: "p",
    docs: [D.fin, D.staff],
    ind: ["J"],
    c: { types: LE, okved: ["J"], flags: ["it_accredited"] },
  },
  {
    p: P.mincif,
    form: "grant",
    ru: "Грант на разработку отечественных решений в области искусственного интеллекта",
    d: "Поддержка проектов по разработке и внедрению продуктов на основе искусственного интеллекта. Продукт должен быть внесён в реестр российского программного обеспечения после завершения проекта. Приоритет имеют решения для промышленности, медицины и госуправления.",
    en: [
      "Grant for developing Russian artificial intelligence solutions",
      "Support for projects developing and deploying products based on artificial intelligence. The product must be entered in the register of Russian software once the project is complete. Priority is given to solutions for industry, healthcare and public administration.",
    ],
    amount: [10 * MLN, 100 * MLN],
    co: 50,
    w: [-15, 30],
    docs: [D.form, D.egrul, D.plan, D.budget, D.team],
    tags: ["ai", "big-data"],
    ind: ["J"],
    c: { types: LE, tags: ["ai", "big-data"], age: [1, null], staff: [5, null] },
  },
  // Минобрнауки
  {
    p: P.minobr,
    form: "subsidy",
    ru: "Субсидия на создание высокотехнологичного производства совместно с вузом",
    d: "Промышленные компании получают субсидию на проекты по созданию высокотехнологичного производства, если НИОКР выполняет российский вуз или научная организация. Компания софинансирует проект не менее чем наполовину. Проект длится до трёх лет.",
    en: [
      "Subsidy for high-tech production built together with a university",
      "Industrial companies receive a subsidy when a Russian university or research organization carries out the R&D; the company co-finances at least half; up to three years.",
    ],
    amount: [50 * MLN, 300 * MLN],
    co: 50,
    w: [40, 130],
    docs: [D.form, D.egrul, D.fin, D.feas, D.cofin],
    ind: ["C", "M"],
    c: { types: IND, rev: [300, null], age: [3, null] },
  },
  {
    p: P.minobr,
    form: "grant",
    ru: "Гранты на создание и развитие инжиниринговых центров вузов",
    d: "Грант для университетов, создающих инжиниринговые центры для работы с промышленными заказчиками. Средства идут на оборудование, программное обеспечение и привлечение инженеров. Центр должен выйти на самоокупаемость.",
    en: [
      "Grants for creating and developing university engineering centres",
      "A grant for universities setting up engineering centres to work with industrial customers. The funds go on equipment, software and hiring engineers. The centre must become self-sustaining.",
    ],
    amount: [20 * MLN, 100 * MLN],
    w: [-150, -40],
    docs: [D.form, D.plan, D.budget],
    c: { types: ["university"] },
  },
  // Минэкономразвития
  {
    p: P.mek,
    form: "tax_benefit",
    ru: "Льготы для участников инновационных научно-технологических центров",
    d: "Участники инновационных научно-технологических центров получают освобождение от налога на прибыль и налога на имущество, а также пониженные страховые взносы. Льготы действуют в течение длительного срока после получения статуса. Участник должен вести исследования и разработки на территории центра.",
    en: [
      "Benefits for participants of innovative science and technology centres",
      "Participants of innovative science and technology centres are exempt from corporate income tax and property tax and pay reduced social insurance contributions. The benefits apply for a long period after the status is granted. Participants must carry out research and development on the centre's territory.",
    ],
    w: "p",
    docs: [D.form, D.egrul, D.plan],
    ind: ["M"],
    c: { types: LE, okved: ["M", "J", "C"] },
  },
  // Фонд содействия инновациям
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Студенческий стартап»",
    d: "Грант для студентов, которые хотят создать технологическую компанию на основе собственной разработки. Средства направляются на создание прототипа и регистрацию компании. Отбор проводится по заявкам команд вузов по всей стране.",
    en: [
      "Student Startup programme",
      "A grant for students who want to build a technology company around their own development, for a prototype and company registration.",
    ],
    amount: [null, 1 * MLN],
    w: [-20, 20],
    docs: [D.form, D.pitch, D.team, D.pd],
    c: { types: ["legal_entity", "individual_entrepreneur"], sme: ["micro"], age: [null, 1] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Старт»",
    d: "Грант для малых инновационных компаний на первом этапе: разработка и испытание прототипа продукта. На последующих этапах требуется привлечение внебюджетных средств. Компания должна быть зарегистрирована не более двух лет назад.",
    en: [
      "Start programme",
      "A grant for young small innovative companies to build and test a product prototype; later stages require private co-financing.",
    ],
    amount: [null, 5 * MLN],
    w: [-45, 5],
    docs: [D.form, D.egrul, D.plan, D.budget, D.team],
    c: { types: LE, sme: MS, age: [null, 2] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Развитие»",
    d: "Грант для малых компаний, у которых уже есть продукт, на проведение НИОКР по его совершенствованию и новым версиям. Проект требует софинансирования из собственных или привлечённых средств. Результатом должен стать рост выручки от инновационной продукции.",
    en: [
      "Development programme",
      "A grant for small companies with an existing product to fund R&D on new versions; co-financing is required.",
    ],
    amount: [null, 20 * MLN],
    co: 50,
    w: [-25, 65],
    docs: [D.form, D.egrul, D.fin, D.plan, D.cofin],
    c: { types: LE, sme: MS, age: [2, null], rev: [null, 800] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Коммерциализация»",
    d: "Поддержка компаний, завершивших НИОКР и готовых к расширению производства инновационной продукции. Грант направляется на закупку оборудования, сертификацию и продвижение. Требуется софинансирование и подтверждённые продажи.",
    en: [
      "Commercialisation programme",
      "Support for companies that have completed R&D and are ready to scale up production: equipment, certification and marketing; co-financing and proven sales required.",
    ],
    amount: [null, 20 * MLN],
    co: 50,
    w: [-60, -8],
    docs: [D.form, D.egrul, D.fin, D.plan, D.cofin],
    c: { types: LE, sme: MS, age: [1, null], rev: [5, null] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Интернационализация»",
    d: "Грант на совместные проекты российских малых компаний с зарубежными партнёрами в рамках международных программ. Средства покрывают российскую часть работ. Партнёр финансирует свою часть проекта самостоятельно.",
    en: [
      "Internationalisation programme",
      "A grant for joint projects of Russian small companies with foreign partners under international programmes. The funds cover the Russian share of the work. The partner funds its own share of the project.",
    ],
    amount: [null, 20 * MLN],
    co: 30,
    w: [10, 100],
    docs: [D.form, D.egrul, D.plan, D.budget],
    c: { types: LE, sme: MS, age: [1, null] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Кооперация»",
    d: "Поддержка совместных проектов малых инновационных компаний и крупных индустриальных партнёров. Малая компания выполняет НИОКР, а индустриальный партнёр обязуется внедрить результат. Софинансирование обеспечивает индустриальный партнёр.",
    en: [
      "Cooperation programme",
      "Support for joint projects between small innovative companies and large industrial partners. The small company carries out the R&D and the industrial partner undertakes to put the results into use. Co-financing is provided by the industrial partner.",
    ],
    amount: [null, 30 * MLN],
    co: 50,
    w: [-35, 25],
    docs: [D.form, D.egrul, D.plan, D.cofin],
    c: { types: LE, sme: MS },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Код-ИИ»",
    d: "Грант для разработчиков программного обеспечения с применением технологий искусственного интеллекта. Результат проекта — продукт, готовый к внесению в реестр российского ПО. Программа реализуется в рамках федерального проекта по искусственному интеллекту.",
    en: [
      "Code-AI programme",
      "A grant for software developers using artificial intelligence technologies. The project must result in a product ready for entry in the register of Russian software. The programme is part of the federal artificial intelligence project.",
    ],
    amount: [null, 20 * MLN],
    w: [-15, 15],
    docs: [D.form, D.egrul, D.plan, D.budget],
    tags: ["ai"],
    ind: ["J"],
    c: { types: LE, sme: MS, tags: ["ai", "big-data"], okved: ["J", "M"] },
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа для молодых учёных «Умник»",
    d: "Поддержка молодых исследователей, которые хотят коммерциализировать результаты своих научных работ. Грант выделяется на проведение НИОКР по инновационной идее. Отбор проходит на конкурсах, которые проводят вузы и научные организации.",
    en: [
      "UMNIK programme for young scientists",
      "Support for young researchers who want to commercialise the results of their research. The grant funds R&D on an innovative idea. Selection takes place at competitions held by universities and research organisations.",
    ],
    amount: [null, 500 * K],
    w: [-40, 30],
    docs: [D.form, D.pd, D.plan],
    c: { types: SCI },
  },
  // Корпорация МСП
  {
    p: P.smecorp,
    form: "guarantee",
    ru: "Независимая гарантия Корпорации МСП",
    d: "Гарантия обеспечивает кредит малого и среднего бизнеса, если у компании не хватает залога. Гарантия покрывает значительную часть кредита и выдаётся через банки-партнёры. Комиссия за гарантию ниже рыночной.",
    en: [
      "SME Corporation independent guarantee",
      "A guarantee that secures an SME loan when collateral is insufficient, issued through partner banks at a below-market fee.",
    ],
    amount: [null, 1000 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.tax],
    c: { types: BIZ, sme: SME, flags: ["no_tax_debt"] },
  },
  {
    p: P.smecorp,
    form: "guarantee",
    ru: "Согарантия с региональными гарантийными организациями",
    d: "Совместная гарантия Корпорации МСП и регионального гарантийного фонда для кредитов малого бизнеса. Позволяет получить кредит при минимальном собственном залоге. Заявка подаётся в банк или в региональный фонд.",
    en: [
      "Co-guarantee with regional guarantee organisations",
      "A joint guarantee from the SME Corporation and a regional guarantee fund for small business loans. It makes it possible to obtain a loan with minimal collateral of one's own. Applications are made to the bank or the regional fund.",
    ],
    amount: [null, 100 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    c: { types: BIZ, sme: MS },
  },
  {
    p: P.smecorp,
    form: "guarantee",
    ru: "Гарантия для экспортёров из числа МСП",
    d: "Гарантия для малых и средних экспортёров на кредиты для выполнения экспортных контрактов. Программа реализуется совместно с Российским экспортным центром. Необходим подписанный экспортный контракт.",
    en: [
      "Guarantee for SME exporters",
      "A guarantee for small and medium-sized exporters on loans to fulfil export contracts. The programme is run jointly with the Russian Export Center. A signed export contract is required.",
    ],
    amount: [null, 500 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.exp],
    c: { types: BIZ, sme: SME, flags: ["exporter"] },
  },
  {
    p: P.smecorp,
    form: "preferential_loan",
    ru: "Льготный лизинг оборудования для МСП",
    d: "Оборудование российского производства в лизинг по ставке ниже рыночной через региональные лизинговые компании. Аванс — от 10 % стоимости. Программа направлена на модернизацию производств малого и среднего бизнеса.",
    en: [
      "Preferential equipment leasing for SMEs",
      "Russian-made equipment on lease at a below-market rate through regional leasing companies, with an advance from 10%.",
    ],
    amount: [2 * MLN, 200 * MLN],
    co: 10,
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    ind: ["C"],
    c: { types: BIZ, sme: SME, okved: ["C", "A", "F", "H"] },
  },
  {
    p: P.smecorp,
    form: "preferential_loan",
    ru: "Программа льготного кредитования малого и среднего бизнеса",
    d: "Кредиты на инвестиции и оборотные средства по сниженной ставке в банках-участниках программы. Разница в ставке субсидируется государством. Приоритет имеют проекты в обрабатывающей промышленности и технологическом предпринимательстве.",
    en: [
      "Preferential lending programme for small and medium-sized businesses",
      "Loans for investment and working capital at a reduced rate from participating banks. The difference in the rate is subsidised by the state. Priority is given to projects in manufacturing and technology entrepreneurship.",
    ],
    amount: [500 * K, 2000 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    c: { types: BIZ, sme: SME },
  },
  {
    p: P.smecorp,
    form: "acceleration",
    ru: "Акселерация для выхода на закупки крупнейших заказчиков",
    d: "Программа помогает малому бизнесу стать поставщиком крупных компаний с государственным участием. Участники проходят аудит продукции, дорабатывают документы и встречаются с заказчиками. По итогам компании включаются в реестры поставщиков.",
    en: [
      "Acceleration for supplying the largest customers",
      "The programme helps small businesses become suppliers to large state-owned companies. Participants undergo a product audit, finalise their documents and meet customers. At the end, companies are added to supplier registers.",
    ],
    w: [-20, 40],
    docs: [D.form, D.egrul, D.pitch],
    c: { types: BIZ, sme: SME, age: [1, null] },
  },
  {
    p: P.smecorp,
    form: "education",
    ru: "Обучающие программы Корпорации МСП",
    d: "Бесплатные программы для начинающих и действующих предпринимателей: от основ бизнеса до масштабирования. Обучение проходит онлайн и в региональных центрах «Мой бизнес». Выпускники получают сертификаты.",
    en: [
      "SME Corporation training programmes",
      "Free programmes for new and established entrepreneurs, from business basics to scaling up. Training takes place online and at regional My Business centres. Graduates receive certificates.",
    ],
    w: "p",
    docs: [],
    c: {},
  },
  {
    p: P.smecorp,
    form: "consulting",
    ru: "Сервисы цифровой платформы МСП",
    d: "На цифровой платформе предприниматели могут подобрать меры поддержки, проверить контрагентов, найти помещение и получить консультацию. Все сервисы бесплатны. Для доступа нужна учётная запись на портале госуслуг.",
    en: [
      "SME digital platform services",
      "On the digital platform, entrepreneurs can find support measures, check counterparties, find premises and get advice. All services are free. Access requires an account on the Gosuslugi public services portal.",
    ],
    w: "p",
    docs: [],
    c: {},
  },
  // МСП Банк
  {
    p: P.mspbank,
    form: "preferential_loan",
    ru: "Кредит на развитие технологических компаний",
    d: "Кредит для малых и средних технологических компаний на разработку и выпуск продукции. Ставка снижена для компаний из реестра инновационных организаций. Срок кредита — до семи лет.",
    en: [
      "Loan for growing technology companies",
      "A loan for small and medium-sized technology companies to develop and manufacture products. The rate is reduced for companies in the register of innovative organisations. The loan term is up to seven years.",
    ],
    amount: [5 * MLN, 500 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.plan],
    c: { types: BIZ, sme: SME, age: [1, null], rev: [10, null] },
  },
  {
    p: P.mspbank,
    form: "preferential_loan",
    ru: "Кредит для начинающих предпринимателей",
    d: "Кредит для компаний, работающих менее трёх лет, на запуск и развитие бизнеса. Обеспечение может быть заменено гарантией Корпорации МСП. Решение принимается онлайн.",
    en: [
      "Loan for new entrepreneurs",
      "A loan for companies that have been operating for less than three years, to launch and develop their business. Collateral can be replaced by an SME Corporation guarantee. The decision is made online.",
    ],
    amount: [300 * K, 50 * MLN],
    w: "p",
    docs: [D.form, D.egrul],
    c: { types: BIZ, sme: MS, age: [null, 3] },
  },
  // Сколково
  {
    p: P.sk,
    form: "grant",
    ru: "Гранты Фонда «Сколково» для резидентов",
    d: "Гранты для участников проекта «Сколково» на исследования и разработки. Размер гранта зависит от стадии проекта, обязательна доля внебюджетного софинансирования. Заявку рассматривает грантовый комитет фонда.",
    en: [
      "Skolkovo Foundation grants for residents",
      "R&D grants for Skolkovo participants; the amount depends on the project stage, private co-financing is required.",
    ],
    amount: [5 * MLN, 300 * MLN],
    co: 50,
    w: "p",
    docs: [D.form, D.plan, D.budget, D.cofin],
    c: { types: LE, flags: ["skolkovo_resident"] },
  },
  {
    p: P.sk,
    form: "tax_benefit",
    ru: "Налоговые льготы участников проекта «Сколково»",
    d: "Участники проекта «Сколково» освобождаются от налога на прибыль, налога на имущество и НДС и платят пониженные страховые взносы. Льготы действуют до тех пор, пока выручка не превысит установленный порог. Статус участника присваивается фондом после экспертизы.",
    en: [
      "Tax benefits for Skolkovo participants",
      "Skolkovo participants are exempt from profit tax, property tax and VAT and pay reduced social contributions until revenue exceeds a threshold.",
    ],
    w: "p",
    docs: [D.fin],
    c: { types: LE, flags: ["skolkovo_resident"], rev: [null, 1000] },
  },
  {
    p: P.sk,
    form: "premises",
    ru: "Офисы и лаборатории в Технопарке «Сколково»",
    d: "Участники проекта могут арендовать офисы, лаборатории и производственные помещения в технопарке инновационного центра. Для стартапов действуют льготные ставки аренды. Доступны центры коллективного пользования.",
    en: [
      "Offices and laboratories at Skolkovo Technopark",
      "Project participants can rent offices, laboratories and production premises at the innovation centre's technopark. Reduced rents apply to startups. Shared equipment centres are available.",
    ],
    w: "p",
    docs: [D.lease],
    c: { flags: ["skolkovo_resident"] },
  },
  {
    p: P.sk,
    form: "grant",
    ru: "Микрогранты для стартапов «Сколково»",
    d: "Небольшие гранты на выполнение конкретных задач: участие в конференциях, патентование, тестирование прототипа. Решение принимается в упрощённом порядке. Подходит для компаний на ранней стадии.",
    en: [
      "Skolkovo microgrants for startups",
      "Small grants for specific tasks: attending conferences, patenting, testing a prototype. Decisions are made under a simplified procedure. Suitable for early-stage companies.",
    ],
    amount: [null, 1.5 * MLN],
    w: "p",
    docs: [D.form, D.budget],
    c: { types: LE, sme: ["micro"], flags: ["skolkovo_resident"] },
  },
  {
    p: P.sk,
    form: "consulting",
    ru: "Помощь в получении статуса участника «Сколково»",
    d: "Консультанты фонда объясняют требования к проектам, помогают подготовить заявку и пройти экспертизу. Консультация бесплатна. По её итогам компания получает рекомендации по доработке заявки.",
    en: [
      "Help obtaining Skolkovo participant status",
      "The foundation's consultants explain the requirements for projects and help prepare the application and pass the expert review. The consultation is free. Afterwards the company receives recommendations on improving its application.",
    ],
    w: "p",
    docs: [D.pitch],
    c: { types: LE },
  },
  // ФРИИ, РФРИТ, ВЭБ.РФ
  {
    p: P.frii,
    form: "acceleration",
    ru: "Акселерационная программа для интернет-стартапов",
    d: "Трёхмесячная программа для команд, которые разрабатывают интернет-сервисы и программные продукты. Участники работают с трекерами, проверяют гипотезы и готовятся к привлечению инвестиций. Лучшие команды получают предложение об инвестициях.",
    en: [
      "Accelerator for internet startups",
      "A three-month programme for teams building internet services and software: trackers, hypothesis testing and investor readiness.",
    ],
    amount: [null, 5 * MLN],
    w: [-10, 21],
    docs: [D.form, D.pitch, D.team],
    ind: ["J"],
    c: { sme: ["micro"], age: [null, 3], okved: ["J"] },
  },
  {
    p: P.rfrit,
    form: "grant",
    ru: "Гранты на внедрение отечественных ИТ-решений",
    d: "Гранты разработчикам российского программного обеспечения на внедрение продуктов у заказчиков в ключевых отраслях. Заказчик софинансирует проект и обязуется использовать решение. Продукт должен быть в реестре российского ПО.",
    en: [
      "Grants for implementing Russian IT solutions",
      "Grants to developers of Russian software for deploying their products with customers in key industries. The customer co-finances the project and undertakes to use the solution. The product must be in the register of Russian software.",
    ],
    amount: [20 * MLN, 250 * MLN],
    co: 50,
    w: [-30, 15],
    docs: [D.form, D.egrul, D.plan, D.budget, D.cofin],
    ind: ["J"],
    c: { types: LE, okved: ["J"], flags: ["it_accredited"] },
  },
  {
    p: P.rfrit,
    form: "grant",
    ru: "Гранты на разработку программного обеспечения для промышленности",
    d: "Поддержка разработки отечественного инженерного и промышленного программного обеспечения: САПР, системы управления производством, цифровые двойники. Проект реализуется в интересах индустриального заказчика. Требуется софинансирование.",
    en: [
      "Grants for developing industrial software",
      "Support for developing Russian engineering and industrial software: CAD, manufacturing execution systems and digital twins. The project is carried out for an industrial customer. Co-financing is required.",
    ],
    amount: [50 * MLN, 500 * MLN],
    co: 50,
    w: [-130, -45],
    docs: [D.form, D.egrul, D.plan, D.cofin],
    ind: ["J"],
    c: { types: LE, okved: ["J"], staff: [20, null] },
  },
  {
    p: P.veb,
    form: "preferential_loan",
    ru: "Фабрика проектного финансирования",
    d: "Синдицированные кредиты по сниженной ставке для крупных инвестиционных проектов. Ставка снижается за счёт субсидии государства. Проект должен быть стоимостью не менее нескольких миллиардов рублей.",
    en: [
      "Project Finance Factory",
      "Syndicated loans at a reduced rate for large investment projects. The rate is lowered by a state subsidy. The project must be worth at least several billion roubles.",
    ],
    amount: [3000 * MLN, null],
    co: 20,
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.feas],
    c: { types: IND, sme: ["large"], rev: [2000, null] },
  },
  // Российский экспортный центр (программы, не миссии)
  {
    p: P.rec,
    form: "preferential_loan",
    ru: "Экспортный кредит на льготных условиях",
    d: "Кредиты экспортёрам на исполнение экспортных контрактов и финансирование иностранных покупателей. Ставка ниже рыночной за счёт государственной поддержки. Условия зависят от страны покупателя и вида продукции.",
    en: [
      "Preferential export credit",
      "Loans to exporters to fulfil export contracts and to finance foreign buyers at below-market rates.",
    ],
    amount: [10 * MLN, 5000 * MLN],
    w: "p",
    docs: [D.form, D.egrul, D.fin, D.exp],
    c: { types: IND, flags: ["exporter"], rev: [50, null] },
  },
  {
    p: P.rec,
    form: "guarantee",
    ru: "Страхование экспортных кредитов и контрактов",
    d: "Страхование от рисков неплатежа иностранного покупателя и политических рисков. Полис позволяет предоставить покупателю отсрочку платежа. Страховая защита доступна для поставок в большинство стран.",
    en: [
      "Export credit and contract insurance",
      "Insurance against the risk of non-payment by a foreign buyer and against political risks. The policy allows the exporter to offer the buyer deferred payment. Cover is available for deliveries to most countries.",
    ],
    w: "p",
    docs: [D.form, D.exp],
    c: { flags: ["exporter"] },
  },
  {
    p: P.rec,
    form: "education",
    ru: "Школа экспорта",
    d: "Образовательная программа для компаний, которые хотят начать экспорт или увеличить поставки. Модули охватывают маркетинг, логистику, таможенное оформление и финансы. Обучение проходит в региональных центрах и онлайн.",
    en: [
      "Export School",
      "A training programme for companies starting or growing exports: marketing, logistics, customs and finance, online and in regional centres.",
    ],
    w: "p",
    docs: [D.form],
    c: { types: BIZ },
  },
  {
    p: P.rec,
    form: "export_support",
    ru: "Компенсация затрат на транспортировку продукции на экспорт",
    d: "Возмещение части затрат на транспортировку высокотехнологичной продукции иностранным покупателям. Поддержка предоставляется после отгрузки и оплаты поставки. Важны документы, подтверждающие вывоз товара.",
    en: [
      "Reimbursement of export transport costs",
      "Partial reimbursement of the cost of transporting high-tech products to foreign buyers. Support is provided after the goods have been shipped and paid for. Documents confirming the export of the goods are essential.",
    ],
    amount: [null, 50 * MLN],
    co: 50,
    w: [-100, -20],
    docs: [D.form, D.exp, D.costs],
    ind: ["C"],
    c: { okved: ["C"], flags: ["exporter"] },
    state: "archived",
  },
  {
    p: P.rec,
    form: "export_support",
    ru: "Продвижение продукции на международных электронных площадках",
    d: "Экспортёры могут разместить товары на крупных международных маркетплейсах с частичной компенсацией затрат. РЭЦ помогает подготовить карточки товаров и логистику. Поддержка действует в течение первого года работы на площадке.",
    en: [
      "Promoting products on international online marketplaces",
      "Exporters can list their goods on major international marketplaces with partial reimbursement of costs. The Russian Export Center helps prepare product listings and logistics. Support applies during the first year on the marketplace.",
    ],
    co: 30,
    w: "p",
    docs: [D.form, D.egrul],
    c: { types: BIZ, sme: SME, okved: ["C", "G"] },
  },
  // черновики
  {
    p: P.dpir,
    form: "grant",
    ru: "Грант на развитие городских технологических сервисов",
    d: "Проект новой программы поддержки сервисов для городского хозяйства и транспорта. Условия отбора находятся в разработке.",
    en: [
      "Grant for developing urban technology services",
      "A draft of a new programme supporting services for city utilities and transport. The selection criteria are being developed.",
    ],
    amount: [1 * MLN, 15 * MLN],
    w: [60, 160],
    docs: [D.form],
    tags: ["urban-tech"],
    c: { regions: MSK, tags: ["urban-tech", "transport"] },
    state: "draft",
  },
  {
    p: P.aim,
    form: "pilot_testing",
    ru: "Испытания решений для городского хозяйства в зимний период",
    d: "Черновик программы испытаний технологий уборки и содержания городской инфраструктуры зимой. Площадки и сроки уточняются.",
    en: [
      "Winter trials of solutions for city utilities",
      "A draft programme for testing technologies for cleaning and maintaining city infrastructure in winter. Sites and dates are to be confirmed.",
    ],
    w: [30, 120],
    docs: [D.pilot],
    tags: ["urban-tech"],
    c: { tags: ["urban-tech", "robotics", "iot"] },
    state: "draft",
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Старт» для проектов в области квантовых технологий",
    d: "Подготавливаемый тематический конкурс программы «Старт» для проектов в области квантовых вычислений и связи. Параметры конкурса будут опубликованы дополнительно.",
    en: [
      "Start programme for quantum technology projects",
      "A forthcoming thematic competition of the Start programme for projects in quantum computing and communications. The competition's parameters will be published later.",
    ],
    amount: [null, 5 * MLN],
    w: [90, 180],
    docs: [D.form, D.plan],
    tags: ["quantum"],
    c: { types: LE, sme: MS, age: [null, 2], tags: ["quantum", "photonics"] },
    state: "draft",
  },
  {
    p: P.mec,
    form: "export_support",
    ru: "Бизнес-миссия московских компаний в Латинскую Америку",
    d: "Черновик бизнес-миссии в страны Латинской Америки. Список стран и даты уточняются.",
    en: [
      "Business mission of Moscow companies to Latin America",
      "A draft business mission to Latin American countries. The list of countries and the dates are to be confirmed.",
    ],
    w: [100, 200],
    docs: [D.form],
    c: { regions: MSK, flags: ["exporter"] },
    state: "draft",
  },
  {
    p: P.mik,
    form: "acceleration",
    ru: "Акселератор для участников кластера в сфере новых материалов",
    d: "Черновик отраслевого акселератора для компаний, разрабатывающих композиты, полимеры и покрытия. Программа обсуждается с индустриальными партнёрами.",
    en: [
      "Accelerator for cluster participants in new materials",
      "A draft sector accelerator for companies developing composites, polymers and coatings. The programme is being discussed with industrial partners.",
    ],
    w: [120, 210],
    docs: [D.form],
    tags: ["new-materials"],
    c: { status: ["participant"], tags: ["new-materials"] },
    state: "draft",
  },
  // архив
  {
    p: P.dpir,
    form: "subsidy",
    ru: "Субсидия на компенсацию затрат на аренду помещений в период ограничений",
    d: "Временная программа компенсации арендных платежей для малого бизнеса. Приём заявок завершён, программа закрыта.",
    en: [
      "Subsidy for rent costs during the restrictions",
      "A temporary programme reimbursing rent payments for small businesses. Applications are no longer accepted; the programme is closed.",
    ],
    amount: [null, 1 * MLN],
    w: [-400, -300],
    docs: [D.form, D.costs],
    c: { types: BIZ, regions: MSK, sme: MS },
    state: "archived",
  },
  {
    p: P.fsi,
    form: "grant",
    ru: "Программа «Старт-1» (прежняя редакция)",
    d: "Прежняя редакция конкурса первого этапа программы «Старт». Заменена актуальной редакцией программы.",
    en: [
      "Start-1 programme (previous version)",
      "The previous version of the first-stage competition of the Start programme. It has been replaced by the current version of the programme.",
    ],
    amount: [null, 3 * MLN],
    w: [-500, -380],
    docs: [D.form, D.plan],
    c: { types: LE, sme: MS, age: [null, 2] },
    state: "archived",
  },
  {
    p: P.mybiz,
    form: "education",
    ru: "Интенсив «Антикризисное управление»",
    d: "Короткий интенсив по управлению бизнесом в кризисных условиях. Программа завершена.",
    en: [
      "Crisis Management intensive",
      "A short intensive course on running a business in a crisis. The programme has ended.",
    ],
    w: [-240, -200],
    docs: [D.form],
    c: {},
    state: "archived",
  },
  {
    p: P.mec,
    form: "export_support",
    ru: "Бизнес-миссия в Сербию",
    d: "Бизнес-миссия московских компаний в Белград. Мероприятие состоялось.",
    en: [
      "Business mission to Serbia",
      "A business mission of Moscow companies to Belgrade. The event has taken place.",
    ],
    w: [-180, -150],
    docs: [D.form, D.pitch],
    c: { regions: MSK },
    state: "archived",
  },
  {
    p: P.frp,
    form: "preferential_loan",
    ru: "Программа «Цифровизация промышленности» (прежние условия)",
    d: "Прежние условия займов на внедрение цифровых решений на производстве. Программа действует в новой редакции.",
    en: [
      "Industrial Digitalisation programme (previous terms)",
      "The previous terms of loans for introducing digital solutions in production. The programme continues under revised terms.",
    ],
    amount: [20 * MLN, 500 * MLN],
    w: [-700, -365],
    docs: [D.form, D.feas],
    c: { types: IND, okved: ["C"] },
    state: "archived",
  },
];

// ---------- families ----------

type Theme = { ru: string; gen: string; en: string; tags: TagSlug[]; okved: OkvedSectionLetter[] };

/** Technology directions (Фонд содействия инновациям tracks, accelerators). */
const THEMES: Theme[] = [
  {
    ru: "Искусственный интеллект",
    gen: "искусственного интеллекта",
    en: "artificial intelligence",
    tags: ["ai", "big-data"],
    okved: ["J", "M"],
  },
  {
    ru: "Медицинские технологии",
    gen: "медицинских технологий",
    en: "medical technology",
    tags: ["medtech", "biotech"],
    okved: ["C", "Q", "M"],
  },
  {
    ru: "Биотехнологии",
    gen: "биотехнологий",
    en: "biotechnology",
    tags: ["biotech", "pharma"],
    okved: ["C", "M"],
  },
  {
    ru: "Новые материалы",
    gen: "новых материалов",
    en: "new materials",
    tags: ["new-materials", "additive-manufacturing"],
    okved: ["C", "M"],
  },
  {
    ru: "Робототехника",
    gen: "робототехники",
    en: "robotics",
    tags: ["robotics", "drones"],
    okved: ["C", "M"],
  },
  {
    ru: "Микроэлектроника",
    gen: "микроэлектроники",
    en: "microelectronics",
    tags: ["microelectronics", "photonics"],
    okved: ["C"],
  },
  { ru: "Энергетика", gen: "энергетики", en: "energy", tags: ["energy", "cleantech"], okved: ["C", "D"] },
  {
    ru: "Городские технологии",
    gen: "городских технологий",
    en: "urban technology",
    tags: ["urban-tech", "iot", "transport"],
    okved: ["J", "F", "H"],
  },
  {
    ru: "Кибербезопасность",
    gen: "кибербезопасности",
    en: "cybersecurity",
    tags: ["cybersecurity"],
    okved: ["J"],
  },
  {
    ru: "Агро- и пищевые технологии",
    gen: "агро- и пищевых технологий",
    en: "agri- and food tech",
    tags: ["agritech", "foodtech"],
    okved: ["A", "C"],
  },
  {
    ru: "Финансовые технологии",
    gen: "финансовых технологий",
    en: "fintech",
    tags: ["fintech", "big-data"],
    okved: ["J", "K"],
  },
  {
    ru: "Образовательные технологии",
    gen: "образовательных технологий",
    en: "education technology",
    tags: ["edtech", "vr-ar"],
    okved: ["J", "P"],
  },
];

/** City sectors for pilot testing (Агентство инноваций Москвы). */
const SECTORS: { ru: string; where: string; en: string; whereEn: string; tags: TagSlug[] }[] = [
  {
    ru: "здравоохранения",
    where: "в городских поликлиниках и больницах",
    whereEn: "in city clinics and hospitals",
    en: "healthcare",
    tags: ["medtech", "ai"],
  },
  {
    ru: "транспорта",
    where: "на объектах городского транспорта и дорожной сети",
    whereEn: "at city transport facilities and on the road network",
    en: "transport",
    tags: ["transport", "iot"],
  },
  {
    ru: "образования",
    where: "в московских школах и колледжах",
    whereEn: "in Moscow schools and colleges",
    en: "education",
    tags: ["edtech", "vr-ar"],
  },
  {
    ru: "жилищно-коммунального хозяйства",
    where: "в многоквартирных домах и на объектах ЖКХ",
    whereEn: "in blocks of flats and at housing and utility facilities",
    en: "housing and utilities",
    tags: ["urban-tech", "iot", "energy"],
  },
  {
    ru: "экологии",
    where: "на природных территориях и объектах мониторинга окружающей среды",
    whereEn: "in natural areas and at environmental monitoring sites",
    en: "environment",
    tags: ["cleantech"],
  },
  {
    ru: "безопасности",
    where: "на объектах городской безопасности",
    whereEn: "at city security facilities",
    en: "public safety",
    tags: ["cybersecurity", "ai"],
  },
  {
    ru: "культуры",
    where: "в музеях, театрах и библиотеках",
    whereEn: "in museums, theatres and libraries",
    en: "culture",
    tags: ["vr-ar", "edtech"],
  },
  {
    ru: "строительства",
    where: "на строительных площадках городских программ",
    whereEn: "on the construction sites of city programmes",
    en: "construction",
    tags: ["urban-tech", "robotics", "new-materials"],
  },
  {
    ru: "социальной защиты",
    where: "в центрах социального обслуживания",
    whereEn: "in social service centres",
    en: "social services",
    tags: ["medtech", "ai"],
  },
  {
    ru: "торговли и услуг",
    where: "на городских ярмарках и объектах потребительского рынка",
    whereEn: "at city fairs and consumer market outlets",
    en: "retail and services",
    tags: ["fintech", "big-data"],
  },
  {
    ru: "спорта",
    where: "на городских спортивных объектах",
    whereEn: "at city sports facilities",
    en: "sport",
    tags: ["iot", "vr-ar"],
  },
];

/** Countries for business missions: [ru (prepositional: «в …»), en]. */
const MISSIONS: [string, string, string][] = [
  ["Китай", "Китай", "China"],
  ["Индию", "Индия", "India"],
  ["Объединённые Арабские Эмираты", "ОАЭ", "the UAE"],
  ["Турцию", "Турция", "Turkey"],
  ["Вьетнам", "Вьетнам", "Vietnam"],
  ["Казахстан", "Казахстан", "Kazakhstan"],
  ["Узбекистан", "Узбекистан", "Uzbekistan"],
  ["Египет", "Египет", "Egypt"],
  ["Бразилию", "Бразилия", "Brazil"],
  ["Индонезию", "Индонезия", "Indonesia"],
  ["Саудовскую Аравию", "Саудовская Аравия", "Saudi Arabia"],
  ["Беларусь", "Беларусь", "Belarus"],
  ["Монголию", "Монголия", "Mongolia"],
  ["Таиланд", "Таиланд", "Thailand"],
];

const TECHNOPARKS: { name: string; en: string; tags: TagSlug[]; lab: boolean }[] = [
  { name: "Строгино", en: "Strogino", tags: ["ai", "medtech", "iot"], lab: true },
  { name: "Калибр", en: "Kalibr", tags: ["microelectronics", "iot"], lab: true },
  { name: "Нагатино", en: "Nagatino", tags: ["robotics", "new-materials"], lab: false },
  { name: "Мосгормаш", en: "Mosgormash", tags: ["robotics", "energy"], lab: false },
  { name: "Слава", en: "Slava", tags: ["ai", "fintech", "edtech"], lab: false },
  { name: "Сапфир", en: "Sapfir", tags: ["microelectronics", "photonics"], lab: true },
  { name: "Элма", en: "Elma", tags: ["microelectronics", "new-materials"], lab: true },
  { name: "Полюс", en: "Polyus", tags: ["energy", "cleantech"], lab: false },
  { name: "Кунцево", en: "Kuntsevo", tags: ["medtech", "biotech"], lab: true },
  { name: "Отрадное", en: "Otradnoye", tags: ["robotics", "drones", "iot"], lab: false },
  { name: "Москворечье", en: "Moskvorechye", tags: ["ai", "cybersecurity"], lab: false },
  { name: "Орбита", en: "Orbita", tags: ["space", "photonics"], lab: true },
];

/** Regional development funds (a region criterion that most demo organizations do not meet). */
const REGIONAL: { region: string; fund: string; en: string }[] = [
  {
    region: "16",
    fund: "Фонд развития промышленности Республики Татарстан",
    en: "Tatarstan Industrial Development Fund",
  },
  {
    region: "50",
    fund: "Фонд развития промышленности Московской области",
    en: "Moscow Region Industrial Development Fund",
  },
  {
    region: "78",
    fund: "Фонд развития промышленности Санкт-Петербурга",
    en: "St Petersburg Industrial Development Fund",
  },
  {
    region: "54",
    fund: "Фонд развития промышленности Новосибирской области",
    en: "Novosibirsk Region Industrial Development Fund",
  },
  {
    region: "66",
    fund: "Фонд развития промышленности Свердловской области",
    en: "Sverdlovsk Region Industrial Development Fund",
  },
  {
    region: "52",
    fund: "Фонд развития промышленности Нижегородской области",
    en: "Nizhny Novgorod Region Industrial Development Fund",
  },
  {
    region: "63",
    fund: "Фонд развития промышленности Самарской области",
    en: "Samara Region Industrial Development Fund",
  },
  {
    region: "70",
    fund: "Фонд развития промышленности Томской области",
    en: "Tomsk Region Industrial Development Fund",
  },
];

/** Фонд развития промышленности: [title, what, amount max mln, co %, title en, what en]. */
const FRP: [string, string, number, number, string, string][] = [
  [
    "Проекты развития",
    "на разработку и внедрение новой продукции и расширение производства",
    500,
    20,
    "Development Projects",
    "for developing and introducing new products and expanding production",
  ],
  [
    "Комплектующие изделия",
    "на производство комплектующих для отраслей, зависящих от импорта",
    1000,
    20,
    "Components",
    "for producing components for import-dependent industries",
  ],
  [
    "Станкостроение",
    "на выпуск отечественных станков и промышленного оборудования",
    500,
    20,
    "Machine Tool Building",
    "for manufacturing Russian machine tools and industrial equipment",
  ],
  [
    "Повышение производительности труда",
    "на проекты бережливого производства и автоматизации",
    300,
    20,
    "Labour Productivity",
    "for lean production and automation projects",
  ],
  [
    "Цифровизация промышленности",
    "на внедрение цифровых и программных решений на производстве",
    500,
    20,
    "Industrial Digitalisation",
    "for introducing digital and software solutions in production",
  ],
  [
    "Лизинговые проекты",
    "на компенсацию части первого взноса при лизинге промышленного оборудования",
    500,
    10,
    "Leasing Projects",
    "to cover part of the down payment when leasing industrial equipment",
  ],
  [
    "Маркировка лекарств",
    "на оснащение фармацевтических производств оборудованием для маркировки",
    100,
    20,
    "Drug Labelling",
    "to equip pharmaceutical plants with labelling equipment",
  ],
  [
    "Приоритетные проекты",
    "на проекты в приоритетных технологических направлениях",
    2000,
    20,
    "Priority Projects",
    "for projects in priority technology areas",
  ],
  [
    "Экспортные проекты",
    "на увеличение выпуска продукции для поставок на внешние рынки",
    700,
    30,
    "Export Projects",
    "to increase output for supply to foreign markets",
  ],
];

const ACCEL_TRACKS: { ru: string; en: string; tags: TagSlug[] }[] = [
  { ru: "Искусственный интеллект", en: "Artificial intelligence", tags: ["ai", "big-data"] },
  { ru: "Цифровая медицина", en: "Digital health", tags: ["medtech", "ai"] },
  { ru: "Городские сервисы", en: "City services", tags: ["urban-tech", "transport"] },
  { ru: "Финтех и ритейл", en: "Fintech and retail", tags: ["fintech", "big-data"] },
  { ru: "Индустрия 4.0", en: "Industry 4.0", tags: ["robotics", "iot", "additive-manufacturing"] },
  { ru: "Образование будущего", en: "Future of education", tags: ["edtech", "vr-ar"] },
  { ru: "Климатические технологии", en: "Climate tech", tags: ["cleantech", "energy"] },
  { ru: "Креативные индустрии", en: "Creative industries", tags: ["vr-ar", "edtech"] },
  { ru: "Космос и навигация", en: "Space and navigation", tags: ["space", "drones"] },
];

const CONSULT: [string, string, C, [string, string]][] = [
  [
    "Патентный поиск и оценка патентоспособности",
    "Патентные поверенные проводят поиск аналогов и оценивают перспективы патентования разработки.",
    { regions: MSK, types: BIZ },
    [
      "Patent search and patentability assessment",
      "Patent attorneys search for prior art and assess the prospects for patenting the development.",
    ],
  ],
  [
    "Оценка рыночного потенциала технологии",
    "Аналитики оценивают объём рынка, конкурентов и возможные модели монетизации технологии.",
    { status: ["participant", "partner"] },
    [
      "Assessment of a technology's market potential",
      "Analysts assess the market size, competitors and possible ways of monetising the technology.",
    ],
  ],
  [
    "Подготовка к привлечению венчурных инвестиций",
    "Консультанты помогают подготовить инвестиционный меморандум, финансовую модель и презентацию для инвесторов.",
    { sme: MS, age: [null, 5] },
    [
      "Preparing to raise venture capital",
      "Consultants help prepare an investment memorandum, a financial model and an investor presentation.",
    ],
  ],
  [
    "Сопровождение сертификации продукции",
    "Эксперты подбирают схему сертификации, испытательные лаборатории и помогают собрать пакет документов.",
    { okved: ["C"] },
    [
      "Support with product certification",
      "Experts choose the certification scheme and testing laboratories and help put together the set of documents.",
    ],
  ],
  [
    "Консультации по защите персональных данных",
    "Юристы проверяют соответствие продукта требованиям законодательства о персональных данных и готовят документы.",
    { okved: ["J"] },
    [
      "Personal data protection advice",
      "Lawyers check that the product complies with personal data legislation and prepare the documents.",
    ],
  ],
  [
    "Подбор промышленной площадки",
    "Специалисты подбирают производственные помещения и земельные участки под требования проекта.",
    { regions: MSK, okved: ["C"] },
    [
      "Finding an industrial site",
      "Specialists find production premises and land plots to meet the project's requirements.",
    ],
  ],
  [
    "Консультации по налоговым льготам для технологических компаний",
    "Налоговые консультанты объясняют, какие льготы доступны компании, и помогают подготовить документы.",
    { types: ["legal_entity"] },
    [
      "Advice on tax benefits for technology companies",
      "Tax consultants explain which benefits are available to the company and help prepare the documents.",
    ],
  ],
  [
    "Юридическая поддержка лицензионных сделок",
    "Юристы готовят и проверяют лицензионные договоры и договоры об отчуждении прав на технологии.",
    { types: ["legal_entity", "university", "research_institute"] },
    [
      "Legal support for licensing deals",
      "Lawyers draft and review licence agreements and agreements on the assignment of rights to technologies.",
    ],
  ],
  [
    "Финансовый аудит инновационного проекта",
    "Эксперты оценивают финансовую модель проекта и готовность к кредитованию.",
    { sme: SME, age: [2, null] },
    [
      "Financial audit of an innovation project",
      "Experts assess the project's financial model and its readiness for borrowing.",
    ],
  ],
  [
    "Наставничество для технологических предпринимателей",
    "Опытные предприниматели проводят серию встреч с основателями и помогают решить ключевые задачи роста.",
    {},
    [
      "Mentoring for technology entrepreneurs",
      "Experienced entrepreneurs hold a series of meetings with founders and help them tackle key growth challenges.",
    ],
  ],
];

const EDU: [string, string, C, [string, string]][] = [
  [
    "Курс «Интеллектуальная собственность для стартапов»",
    "Практический курс о защите разработок: патенты, ноу-хау, регистрация программ для ЭВМ и лицензирование.",
    {},
    [
      "Intellectual Property for Startups course",
      "A practical course on protecting developments: patents, know-how, registration of computer programs and licensing.",
    ],
  ],
  [
    "Программа «Технологическое предпринимательство»",
    "Программа для учёных и инженеров, которые хотят создать компанию на основе своей разработки.",
    { types: ["university", "research_institute", "legal_entity"] },
    [
      "Technology Entrepreneurship programme",
      "A programme for scientists and engineers who want to start a company based on their own development.",
    ],
  ],
  [
    "Интенсив «Продажи в B2G и B2B»",
    "Интенсив о том, как продавать технологические продукты городу и корпорациям: закупки, пилоты, контракты.",
    { status: ["participant", "partner"] },
    [
      "B2G and B2B Sales intensive",
      "An intensive course on selling technology products to the city and corporations: procurement, pilots and contracts.",
    ],
  ],
  [
    "Курс «Финансы для основателей»",
    "Курс об управленческом учёте, юнит-экономике и финансовом планировании технологической компании.",
    { sme: ["micro", "small"] },
    [
      "Finance for Founders course",
      "A course on management accounting, unit economics and financial planning for a technology company.",
    ],
  ],
  [
    "Программа для руководителей производств «Бережливое производство»",
    "Программа обучения методам повышения производительности труда на промышленных предприятиях.",
    { okved: ["C"] },
    [
      "Lean Production programme for production managers",
      "A training programme on methods of raising labour productivity at industrial enterprises.",
    ],
  ],
  [
    "Курс «Экспорт цифровых продуктов»",
    "Курс о выходе ИТ-компаний на зарубежные рынки: локализация, платежи, налоги и продвижение.",
    { okved: ["J"] },
    [
      "Exporting Digital Products course",
      "A course on taking IT companies to foreign markets: localisation, payments, taxes and promotion.",
    ],
  ],
  [
    "Школа технологического менеджмента для вузов",
    "Программа для сотрудников центров трансфера технологий университетов и научных институтов.",
    { types: SCI },
    [
      "School of Technology Management for universities",
      "A programme for staff of technology transfer centres at universities and research institutes.",
    ],
  ],
  [
    "Курс «Привлечение грантового финансирования»",
    "Курс о том, как выбрать грантовую программу, подготовить заявку и отчитаться по гранту.",
    {},
    [
      "Raising Grant Funding course",
      "A course on choosing a grant programme, preparing an application and reporting on a grant.",
    ],
  ],
];

// ---------- building the catalog ----------

/** Windows for generated families, cycled so the catalog has open, closing, upcoming and closed ones. */
const WINDOWS: W[] = [
  "p",
  [-60, 45],
  [-20, 90],
  [-90, 5],
  [15, 120],
  [-150, -20],
  [-30, 150],
  "p",
  [-45, 210],
  [-10, 60],
];

export function catalog(): M[] {
  const out: M[] = [...HAND];
  let k = 0;
  const win = () => WINDOWS[k++ % WINDOWS.length]!;

  // Фонд содействия инновациям: «Старт» and «Развитие» tracks by technology direction.
  for (const t of THEMES) {
    out.push({
      p: P.fsi,
      form: "grant",
      ru: `Программа «Старт»: ${t.ru.toLowerCase()}`,
      d: `Тематический конкурс программы «Старт» для молодых компаний в области ${t.gen}. Грант направляется на разработку и испытание прототипа. Заявитель должен быть малым предприятием, зарегистрированным не более двух лет назад.`,
      en: [
        `Start programme: ${t.en}`,
        `A thematic competition of the Start programme for young companies in ${t.en}. The grant funds the development and testing of a prototype. The applicant must be a small enterprise registered no more than two years ago.`,
      ],
      amount: [null, 5 * MLN],
      w: win(),
      docs: [D.form, D.egrul, D.plan, D.team],
      tags: t.tags,
      ind: t.okved,
      c: { types: LE, sme: MS, age: [null, 2], tags: t.tags },
    });
    out.push({
      p: P.fsi,
      form: "grant",
      ru: `Программа «Развитие»: ${t.ru.toLowerCase()}`,
      d: `Конкурс программы «Развитие» для малых компаний в области ${t.gen}, у которых уже есть продукт. Грант покрывает НИОКР по созданию новой версии продукта. Требуется софинансирование из собственных или привлечённых средств.`,
      en: [
        `Development programme: ${t.en}`,
        `A competition of the Development programme for small companies in ${t.en} that already have a product. The grant covers R&D to create a new version of the product. Co-financing from own or raised funds is required.`,
      ],
      amount: [null, 20 * MLN],
      co: 50,
      w: win(),
      docs: [D.form, D.egrul, D.fin, D.plan, D.cofin],
      tags: t.tags,
      ind: t.okved,
      c: { types: LE, sme: MS, age: [2, null], tags: t.tags, okved: t.okved },
    });
  }

  // Агентство инноваций Москвы: pilot testing by city sector.
  for (const [i, s] of SECTORS.entries()) {
    out.push({
      p: P.aim,
      form: "pilot_testing",
      ru: `Пилотное тестирование инноваций в сфере ${s.ru}`,
      d: `Агентство предоставляет городские площадки для бесплатного испытания новых решений ${s.where}. Компания проводит тестирование в реальных условиях и получает заключение об его результатах. Успешные решения могут быть рекомендованы для закупки городом.`,
      en: [
        `Pilot testing of innovations in ${s.en}`,
        `The agency provides city sites for testing new solutions free of charge ${s.whereEn}. The company tests its solution in real-world conditions and receives a report on the results. Successful solutions may be recommended for procurement by the city.`,
      ],
      w: i % 3 === 0 ? "p" : win(),
      docs: [D.pilot, D.pitch, D.egrul],
      tags: s.tags,
      c:
        i % 3 === 1
          ? { tags: s.tags, status: ["participant", "partner"] }
          : { tags: s.tags, types: ["legal_entity", "individual_entrepreneur", "corporation", "foreign"] },
    });
  }

  // Фонд «Московский акселератор»: tracks.
  for (const [i, a] of ACCEL_TRACKS.entries()) {
    out.push({
      p: P.macc,
      form: "acceleration",
      ru: `Акселератор «${a.ru}»`,
      d: `Трёхмесячная акселерационная программа для технологических стартапов по направлению «${a.ru}». Участники работают с трекерами и экспертами, проводят пилоты с городскими организациями и корпорациями. Программа завершается демо-днём перед инвесторами.`,
      en: [
        `${a.en} accelerator`,
        `A three-month acceleration programme for technology startups in the ${a.en} track. Participants work with trackers and experts and run pilots with city organisations and corporations. The programme ends with a demo day for investors.`,
      ],
      w: win(),
      docs: [D.form, D.pitch, D.team],
      tags: a.tags,
      c:
        i % 2 === 0
          ? { regions: MSK, age: [null, 5], tags: a.tags }
          : { sme: ["micro", "small"], tags: a.tags },
    });
  }

  // Технопарки Москвы: premises at reduced rent.
  for (const [i, t] of TECHNOPARKS.entries()) {
    const provider = prov(`Технопарк «${t.name}»`, `${t.en} Technopark`, "city", "technopark", `tp-${i + 1}`);
    out.push({
      p: provider,
      form: "premises",
      ru: `Офисы${t.lab ? " и лаборатории" : " и производственные помещения"} по льготной ставке в технопарке «${t.name}»`,
      d: `Технопарк «${t.name}» предоставляет резидентам ${t.lab ? "офисы и лабораторные помещения" : "офисы и производственные площади"} по ставке ниже рыночной. Резиденты пользуются центром коллективного пользования и сервисами управляющей компании. Приоритет имеют компании, чья деятельность соответствует специализации технопарка.`,
      en: [
        `Offices and ${t.lab ? "laboratories" : "production premises"} at a reduced rate at ${t.en} Technopark`,
        `${t.en} Technopark provides residents with ${t.lab ? "offices and laboratory space" : "offices and production space"} at below-market rates. Residents use the shared equipment centre and the management company's services. Priority is given to companies whose activities match the technopark's specialisation.`,
      ],
      w: "p",
      docs: [D.lease, D.egrul, D.pitch],
      tags: t.tags,
      c: i % 2 === 0 ? { types: BIZ, sme: SME, tags: t.tags } : { types: BIZ, regions: MSK, tags: t.tags },
    });
  }
  // A tax benefit for technopark residents.
  out.push({
    p: P.dpir,
    form: "tax_benefit",
    ru: "Льготы по налогу на имущество для резидентов технопарков",
    d: "Резиденты технопарков Москвы, арендующие площади для научной и производственной деятельности, могут получить пониженную ставку налога на имущество. Льгота предоставляется при соблюдении условий договора с управляющей компанией. Необходим статус резидента технопарка.",
    en: [
      "Property tax relief for technopark residents",
      "Residents of Moscow technoparks renting space for research and production activities can obtain a reduced property tax rate. The benefit is granted subject to compliance with the terms of the agreement with the management company. Technopark resident status is required.",
    ],
    w: "p",
    docs: [D.form, D.egrul, D.fin],
    c: { regions: MSK, flags: ["innovation_activity"] },
  });

  // Российский экспортный центр и Московский экспортный центр: business missions.
  for (const [i, [acc, nom, en]] of MISSIONS.entries()) {
    const city = i % 2 === 0;
    out.push({
      p: city ? P.mec : P.rec,
      form: "export_support",
      ru: `Бизнес-миссия в ${acc}`,
      d: `${city ? "Московский экспортный центр" : "Российский экспортный центр"} организует деловую поездку в ${acc} с программой встреч с потенциальными покупателями и партнёрами. Участникам готовят индивидуальные графики переговоров и перевод. Страна: ${nom}.`,
      en: [
        `Business mission to ${en}`,
        `${city ? "The Moscow Export Centre" : "The Russian Export Center"} organises a business trip to ${en} with a programme of meetings with potential buyers and partners. Participants receive individual negotiation schedules and interpreting. Country: ${en.replace(/^the /, "")}.`,
      ],
      co: i % 4 === 0 ? 30 : undefined,
      w: win(),
      docs: [D.form, D.egrul, D.pitch],
      c: city
        ? { regions: MSK, types: BIZ, flags: i % 4 === 0 ? ["exporter"] : undefined }
        : { types: IND, okved: i % 3 === 0 ? ["C"] : undefined, flags: ["exporter"] },
    });
  }

  // Фонд развития промышленности: loan programmes.
  for (const [i, [name, what, max, co, nameEn, whatEn]] of FRP.entries()) {
    out.push({
      p: P.frp,
      form: "preferential_loan",
      ru: `Льготный заём по программе «${name}»`,
      d: `Фонд развития промышленности предоставляет займы по ставке ниже рыночной ${what}. Заёмщик обеспечивает софинансирование проекта из собственных или привлечённых средств. Срок займа зависит от программы и окупаемости проекта.`,
      en: [
        `Preferential loan under the ${nameEn} programme`,
        `The Industrial Development Fund provides loans at below-market rates ${whatEn}. The borrower co-finances the project from its own or raised funds. The loan term depends on the programme and the project's payback period.`,
      ],
      amount: [20 * MLN, max * MLN],
      co,
      w: "p",
      docs: [D.form, D.egrul, D.fin, D.feas, D.collat, D.cofin],
      ind: ["C"],
      c: {
        types: IND,
        okved: ["C"],
        rev: [i % 2 === 0 ? 50 : 10, null],
        age: [i % 3 === 0 ? 2 : null, null],
        flags: ["no_tax_debt"],
      },
    });
  }

  // Regional industrial development funds.
  for (const r of REGIONAL) {
    out.push({
      p: prov(r.fund, r.en, "development_institution", "development_institution", `rfrp-${r.region}`),
      form: "preferential_loan",
      ru: `Региональный льготный заём для промышленных предприятий: ${r.fund.replace("Фонд развития промышленности ", "")}`,
      d: `${r.fund} выдаёт займы на модернизацию и запуск производств на территории региона. Займы предоставляются совместно с федеральным Фондом развития промышленности. Проект должен быть реализован в регионе.`,
      en: [
        `Regional preferential loan for industrial enterprises: ${r.en}`,
        `The ${r.en} provides loans for modernising and launching production facilities in the region. Loans are provided jointly with the federal Industrial Development Fund. The project must be carried out in the region.`,
      ],
      amount: [5 * MLN, 100 * MLN],
      co: 20,
      w: "p",
      docs: [D.form, D.egrul, D.fin, D.feas],
      ind: ["C"],
      c: { regions: [r.region], okved: ["C"], types: IND },
    });
  }

  // Consulting and education families.
  const consultProviders = [P.mik, P.mybiz, P.mik, P.mec, P.mik, P.dipp, P.mybiz, P.mik, P.mfppp, P.mybiz];
  for (const [i, [ru, d, c, [titleEn, dEn]]] of CONSULT.entries()) {
    out.push({
      p: consultProviders[i]!,
      form: "consulting",
      ru,
      d: `${d} Услуга оказывается бесплатно или на льготных условиях. Заявку можно подать онлайн.`,
      en: [
        titleEn,
        `${dEn} The service is provided free of charge or on preferential terms. Applications can be submitted online.`,
      ],
      w: i % 4 === 3 ? win() : "p",
      docs: i % 2 ? [D.form] : [D.form, D.pitch],
      c,
    });
  }
  const eduProviders = [P.mik, P.fsi, P.mik, P.mybiz, P.frp, P.mec, P.minobr, P.mybiz];
  for (const [i, [ru, d, c, [titleEn, dEn]]] of EDU.entries()) {
    out.push({
      p: eduProviders[i]!,
      form: "education",
      ru,
      d: `${d} Занятия ведут практикующие эксперты. Участие бесплатное, количество мест ограничено.`,
      en: [
        titleEn,
        `${dEn} Sessions are led by practising experts. Participation is free; places are limited.`,
      ],
      w: win(),
      docs: [D.form, D.pd],
      c,
    });
  }

  // City subsidies by industry (ДПиИР): priority industries of the city.
  for (const [i, t] of THEMES.entries()) {
    if (i % 2 === 1) continue;
    out.push({
      p: P.dpir,
      form: i % 4 === 0 ? "subsidy" : "grant",
      ru: `${i % 4 === 0 ? "Субсидия" : "Грант"} на развитие компаний в области ${t.gen}`,
      d: `Городская поддержка московских компаний, работающих в области ${t.gen}. Средства можно направить на разработку, испытания, закупку оборудования и выход на рынок. Оценивается технологический уровень проекта и его значение для города.`,
      en: [
        `${i % 4 === 0 ? "Subsidy" : "Grant"} for developing companies in ${t.en}`,
        `City support for Moscow companies working in ${t.en}. The funds can be spent on development, testing, equipment purchases and market entry. The project's technological level and its importance for the city are assessed.`,
      ],
      amount: [1 * MLN, (i + 5) * MLN],
      co: i % 4 === 0 ? 30 : undefined,
      w: win(),
      docs: [D.form, D.egrul, D.tax, D.plan, D.budget],
      tags: t.tags,
      ind: t.okved,
      c: { regions: MSK, types: BIZ, sme: SME, tags: t.tags, age: i % 3 === 0 ? [1, null] : undefined },
    });
  }

  // Pilot testing with corporations (МИК): themed requests.
  for (const [i, t] of THEMES.entries()) {
    if (i % 3 !== 2) continue;
    out.push({
      p: P.mik,
      form: "pilot_testing",
      ru: `Запрос корпораций на пилотные проекты: ${t.ru.toLowerCase()}`,
      d: `Крупные компании ищут решения в области ${t.gen} для пилотного внедрения на своих площадках. Кластер собирает заявки, организует отбор и сопровождает пилот. Затраты на пилот частично берёт на себя корпорация.`,
      en: [
        `Corporate requests for pilot projects: ${t.en}`,
        `Large companies are looking for solutions in ${t.en} to pilot at their sites. The cluster collects applications, organises the selection and supports the pilot. The corporation covers part of the cost of the pilot.`,
      ],
      w: win(),
      docs: [D.pilot, D.pitch],
      tags: t.tags,
      c: { tags: t.tags, status: ["participant", "partner"], age: [1, null] },
    });
  }

  return out;
}
