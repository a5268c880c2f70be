// Open data: the data sets the platform publishes (src/server/modules/opendata), each described once
// here — its name, titles, description and columns — and read by the module's queries, the files it
// generates, the live API, the catalogue and the Table Schema. Nothing personal is ever a column: the
// test lists every column and checks none names a person's data.

/** Column types, as in the Frictionless Data Table Schema (an array is a JSON array in CSV too). */
export const OPENDATA_TYPES = [
  "string",
  "integer",
  "number",
  "boolean",
  "date",
  "datetime",
  "array",
] as const;
export type OpenDataType = (typeof OPENDATA_TYPES)[number];

export interface Texts {
  ru: string;
  en: string;
}

export interface OpenDataColumn {
  key: string;
  type: OpenDataType;
  description: Texts;
}

export interface OpenDataset {
  name: string;
  title: Texts;
  description: Texts;
  columns: readonly OpenDataColumn[];
}

/** The licence of every data set. */
export const OPENDATA_LICENCE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
  path: "https://creativecommons.org/licenses/by/4.0/",
  attribution: {
    ru: "Источник: открытые данные платформы инновационного кластера «Иннокластер», лицензия CC BY 4.0.",
    en: "Source: open data of the Innocluster innovation cluster platform, licensed under CC BY 4.0.",
  },
} as const;

/** The largest page of the live API. */
export const OPENDATA_MAX_PAGE_SIZE = 500;

const c = (key: string, type: OpenDataType, ru: string, en: string): OpenDataColumn => ({
  key,
  type,
  description: { ru, en },
});

const id = (what: Texts) =>
  c("id", "string", `Идентификатор ${what.ru} (UUID)`, `The ${what.en}'s id (UUID)`);
const url = c("url", "string", "Адрес публичной страницы", "The public page's address");
const industries = c("industries", "array", "Отрасли", "Industries");
const tags = c("tags", "array", "Метки", "Tags");

/** Every data set, in the catalogue's order. */
export const OPEN_DATASETS = [
  {
    name: "organizations",
    title: { ru: "Организации кластера", en: "The cluster's organizations" },
    description: {
      ru: "Публичные профили организаций из каталога и их статус в кластере: юридические лица и иностранные организации (индивидуальные предприниматели не включаются — их реквизиты и наименование называют человека).",
      en: "The organizations' public profiles from the directory and their status in the cluster: legal entities and foreign organizations (individual entrepreneurs are left out: their identifiers and name name a person).",
    },
    columns: [
      id({ ru: "организации", en: "organization" }),
      c("type", "string", "Тип: legal_entity или foreign", "Type: legal_entity or foreign"),
      c("inn", "string", "ИНН", "INN (taxpayer number)"),
      c("ogrn", "string", "ОГРН", "OGRN (state registration number)"),
      c(
        "country",
        "string",
        "Страна (ISO 3166-1 alpha-2), для иностранных",
        "Country (ISO 3166-1 alpha-2), foreign ones",
      ),
      c("regionCode", "string", "Код региона РФ", "Russian region code"),
      c("fullName", "string", "Полное наименование организации", "The organization's full name"),
      c("shortName", "string", "Краткое наименование организации", "The organization's short name"),
      c("foundedOn", "date", "Дата регистрации", "Founded on"),
      c("website", "string", "Сайт", "Website"),
      c("smeCategory", "string", "Категория МСП", "SME category"),
      c("okvedMain", "string", "Основной ОКВЭД", "Main OKVED code"),
      c("okvedSections", "array", "Разделы ОКВЭД", "OKVED sections"),
      tags,
      c(
        "status",
        "string",
        "Статус в кластере: registered, participant, partner",
        "Cluster status: registered, participant, partner",
      ),
      c("statusSince", "datetime", "Статус действует с", "Status held since"),
      c("statusSuspended", "boolean", "Статус приостановлен", "Status suspended"),
      c(
        "verified",
        "boolean",
        "Проверена оператором по документу",
        "Verified by the operator from a document",
      ),
      url,
    ],
  },
  {
    name: "measures",
    title: { ru: "Меры поддержки", en: "Support measures" },
    description: {
      ru: "Опубликованные меры поддержки из навигатора: кто предоставляет, форма, размер, сроки.",
      en: "Published support measures from the navigator: provider, form, amount, dates.",
    },
    columns: [
      id({ ru: "меры", en: "measure" }),
      c("slug", "string", "Адресное слово", "Address word"),
      c("titleRu", "string", "Название", "Title (Russian)"),
      c("titleEn", "string", "Название на английском", "Title (English)"),
      c("provider", "string", "Кто предоставляет", "Provider"),
      c("providerKind", "string", "Вид поставщика", "Provider kind"),
      c("level", "string", "Уровень: федеральный, региональный…", "Level: federal, regional…"),
      c("form", "string", "Форма поддержки", "Form of support"),
      c("amountMin", "integer", "Сумма от, ₽", "Amount from, RUB"),
      c("amountMax", "integer", "Сумма до, ₽", "Amount up to, RUB"),
      c("cofinancingShare", "number", "Доля софинансирования, %", "Co-financing share, %"),
      c("permanent", "boolean", "Действует постоянно", "Permanent"),
      c("opensOn", "date", "Приём заявок с", "Applications open on"),
      c("closesOn", "date", "Приём заявок до", "Applications close on"),
      c("applyUrl", "string", "Где подать заявку", "Where to apply"),
      industries,
      tags,
      c("publishedAt", "datetime", "Опубликована", "Published at"),
      url,
    ],
  },
  {
    name: "challenges",
    title: { ru: "Технологические запросы", en: "Technology challenges" },
    description: {
      ru: "Публичные технологические запросы (открытые и завершённые): кто разместил, вознаграждение, срок, число решений. Описание задачи и условия не включаются.",
      en: "Public technology challenges (open and finished): who posted, reward, deadline, number of solutions. The problem text and terms are left out.",
    },
    columns: [
      id({ ru: "запроса", en: "challenge" }),
      c("titleRu", "string", "Название", "Title (Russian)"),
      c("titleEn", "string", "Название на английском", "Title (English)"),
      c("organizationId", "string", "Идентификатор разместившей организации", "Posting organization's id"),
      c("organizationName", "string", "Разместившая организация", "Posting organization"),
      c(
        "state",
        "string",
        "Состояние: accepting, evaluation, results, closed",
        "State: accepting, evaluation, results, closed",
      ),
      c(
        "visibility",
        "string",
        "Доступ к условиям: public, registered, nda",
        "Access to terms: public, registered, nda",
      ),
      c("rewardType", "string", "Вид вознаграждения", "Reward type"),
      c("rewardAmount", "integer", "Вознаграждение, ₽", "Reward, RUB"),
      c("deadline", "datetime", "Срок приёма решений", "Submission deadline"),
      c("stages", "integer", "Число этапов отбора", "Selection stages"),
      c("submissions", "integer", "Подано решений", "Solutions submitted"),
      industries,
      tags,
      c("openedAt", "datetime", "Открыт для решений", "Opened for solutions"),
      url,
    ],
  },
  {
    name: "projects",
    title: { ru: "Проекты кластера", en: "Cluster projects" },
    description: {
      ru: "Проекты организаций кластера: стадия, УГТ, бюджет, подтверждённые инвестиции и поддержка, ведущая организация и принятые партнёры.",
      en: "Projects of the cluster's organizations: stage, TRL, budget, confirmed investment and support, the lead organization and accepted partners.",
    },
    columns: [
      id({ ru: "проекта", en: "project" }),
      c("titleRu", "string", "Название", "Title (Russian)"),
      c("stage", "string", "Стадия", "Stage"),
      c("trl", "integer", "Уровень готовности технологии (УГТ)", "Technology readiness level (TRL)"),
      c("startOn", "date", "Начало", "Starts on"),
      c("endOn", "date", "Окончание", "Ends on"),
      c("budget", "integer", "Бюджет, ₽", "Budget, RUB"),
      c("joint", "boolean", "Совместный проект", "Joint project"),
      c("leadOrganizationId", "string", "Идентификатор ведущей организации", "Lead organization's id"),
      c("leadOrganizationName", "string", "Ведущая организация", "Lead organization"),
      c(
        "partnerOrganizations",
        "array",
        "Принятые партнёры (краткие наименования)",
        "Accepted partners (short names)",
      ),
      c("clusterId", "string", "Идентификатор кластера", "Cluster id"),
      c("clusterName", "string", "Кластер", "Cluster"),
      c("investmentConfirmed", "integer", "Подтверждённые инвестиции, ₽", "Confirmed investment, RUB"),
      c("supportConfirmed", "integer", "Подтверждённая поддержка, ₽", "Confirmed support, RUB"),
      industries,
      tags,
      url,
    ],
  },
  {
    name: "events",
    title: { ru: "Мероприятия", en: "Events" },
    description: {
      ru: "Опубликованные и отменённые мероприятия: вид, формат, время, место, организатор, число мест. Участники не включаются.",
      en: "Published and cancelled events: kind, format, time, venue, organizer, capacity. Registrants are left out.",
    },
    columns: [
      id({ ru: "мероприятия", en: "event" }),
      c("titleRu", "string", "Название", "Title (Russian)"),
      c("kind", "string", "Вид", "Kind"),
      c("format", "string", "Формат", "Format"),
      c("state", "string", "Состояние: published, cancelled", "State: published, cancelled"),
      c("startsAt", "datetime", "Начало", "Starts at"),
      c("endsAt", "datetime", "Окончание", "Ends at"),
      c("venueRu", "string", "Место", "Venue"),
      c("country", "string", "Страна (бизнес-миссии)", "Country (business missions)"),
      c("organizerId", "string", "Идентификатор организатора", "Organizer's id"),
      c("organizerName", "string", "Организатор", "Organizer"),
      c("capacity", "integer", "Число мест", "Capacity"),
      c("audience", "string", "Кто может зарегистрироваться", "Who may register"),
      c("publishedAt", "datetime", "Опубликовано", "Published at"),
      url,
    ],
  },
] as const satisfies readonly OpenDataset[];

export type OpenDatasetName = (typeof OPEN_DATASETS)[number]["name"];

export const openDataset = (name: string): OpenDataset | undefined =>
  OPEN_DATASETS.find((d) => d.name === name);
