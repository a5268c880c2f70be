import { asc, eq, sql } from "drizzle-orm";
import { clusterInstant, clusterLocal } from "../../shared/clock.js";
import type { EventFormat, EventKind, RegistrationState } from "../../shared/events.js";
import { rows } from "../core/db.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { eventRegistrations, events, type ProgrammeItem } from "../modules/events/events.schema.js";
import {
  DEMO_USER_EMAIL,
  insertBatches,
  mulberry32,
  ownedOrganizations,
  verifiedMoscowParticipant,
} from "./organizations.js";

/*
 * Demo events (src/shared/events.ts): 20 events of a Moscow innovation cluster — forums, congresses,
 * online conferences, exhibitions and business missions abroad with export support — 8 past and 12
 * coming, dated from today in Moscow time, published (one cancelled, one draft). The coming «Демо-день
 * акселератора» is full with a waitlist of three; the demo user is registered for two coming events and
 * waits for the full one. Participants' organizations named with consent on about half the
 * registrations; past events have their attendance marked. Deterministic: no faker.
 *
 * `--scale full`: 2,000 events with 150,000 registrations (75 each, numbered users in a temporary table
 * joined by ranges: one statement), idempotent (tops up to the count).
 */

const DAY = 24 * 3600_000;

type Plan = {
  kind: EventKind;
  format: EventFormat;
  title: string;
  description: string;
  /** Days from today (Moscow) and the local start time. */
  day: number;
  at: string;
  hours: number;
  venue?: string;
  url?: string;
  capacity?: number;
  country?: string;
  state?: "draft" | "cancelled";
};

const PLANS: Plan[] = [
  {
    kind: "forum",
    format: "hybrid",
    title: "Московский урбанистический форум",
    description:
      "Главный форум о развитии мегаполисов: городская среда, транспорт, технологии для жителей. Пленарные сессии, выставка проектов и деловая программа для компаний кластера.",
    day: 21,
    at: "10:00",
    hours: 9,
    venue: "Москва, Парк «Зарядье», ул. Варварка, 6",
    url: "https://mosurbanforum.ru/live",
    capacity: 800,
  },
  {
    kind: "forum",
    format: "offline",
    title: "Московский международный форум «Открытые инновации»",
    description:
      "Форум о технологическом предпринимательстве и сотрудничестве корпораций со стартапами: сессии о венчурных инвестициях, пилотировании решений и выходе на экспорт.",
    day: 45,
    at: "09:30",
    hours: 10,
    venue: "Москва, Технопарк «Сколково», Большой бульвар, 42",
    capacity: 1500,
  },
  {
    kind: "mission",
    format: "offline",
    title: "Бизнес-миссия в ОАЭ: GITEX Global, Дубай",
    description:
      "Коллективный стенд московских технологических компаний на выставке GITEX в Дубае, B2B-встречи с дистрибьюторами и государственными заказчиками. Поддержка экспорта: оплата стенда и перелёта частично компенсируется.",
    day: 60,
    at: "10:00",
    hours: 72,
    venue: "ОАЭ, Дубай, Dubai World Trade Centre",
    capacity: 15,
    country: "AE",
  },
  {
    kind: "mission",
    format: "offline",
    title: "Бизнес-миссия в Китай: промышленные технологии, Шэньчжэнь",
    description:
      "Встречи с производителями электроники и робототехники, посещение технопарков, переговоры о локализации и поставках. Для экспортно ориентированных компаний кластера с готовым продуктом.",
    day: 90,
    at: "09:00",
    hours: 96,
    venue: "Китай, Шэньчжэнь",
    capacity: 12,
    country: "CN",
  },
  {
    kind: "mission",
    format: "offline",
    title: "Бизнес-миссия в Индию: цифровые решения для городов",
    description:
      "Программа для компаний с решениями для умного города и здравоохранения: встречи с муниципалитетами Бангалора и Мумбаи, индийскими интеграторами и фондами.",
    day: -40,
    at: "09:00",
    hours: 96,
    venue: "Индия, Бангалор",
    capacity: 10,
    country: "IN",
  },
  {
    kind: "conference",
    format: "online",
    title: "Онлайн-конференция «Искусственный интеллект в городском хозяйстве»",
    description:
      "Практики применения компьютерного зрения и предиктивной аналитики в ЖКХ, транспорте и благоустройстве. Доклады участников кластера и городских заказчиков.",
    day: 7,
    at: "11:00",
    hours: 4,
    url: "https://events.innocluster.ru/ai-city",
  },
  {
    kind: "conference",
    format: "online",
    title: "Вебинар: как получить статус участника кластера",
    description:
      "Разбираем требования к заявке, документы и сроки рассмотрения, отвечаем на вопросы компаний. Для представителей малого и среднего бизнеса.",
    day: 3,
    at: "15:00",
    hours: 2,
    url: "https://events.innocluster.ru/status-webinar",
  },
  {
    kind: "exhibition",
    format: "offline",
    title: "Выставка «Московские технологии для промышленности»",
    description:
      "Экспозиция разработок московских компаний для обрабатывающей промышленности: робототехника, аддитивное производство, промышленный интернет вещей.",
    day: 30,
    at: "10:00",
    hours: 8,
    venue: "Москва, ЦВК «Экспоцентр», Краснопресненская наб., 14",
    capacity: 2000,
  },
  {
    kind: "congress",
    format: "hybrid",
    title: "Конгресс «Медицинские технологии Москвы»",
    description:
      "Конгресс разработчиков медицинских изделий и цифровых сервисов здравоохранения: регистрация изделий, клинические испытания, закупки городских клиник.",
    day: 75,
    at: "10:00",
    hours: 8,
    venue: "Москва, Кластер «Ломоносов», Раменский бульвар, 1",
    url: "https://events.innocluster.ru/medtech",
    capacity: 600,
  },
  {
    kind: "forum",
    format: "offline",
    title: "Демо-день акселератора кластера",
    description:
      "Выпускники весенней программы акселерации представляют проекты корпорациям и инвесторам. Число мест в зале ограничено.",
    day: 14,
    at: "17:00",
    hours: 3,
    venue: "Москва, Инновационный центр «Технополис Москва», Волгоградский пр., 42",
    capacity: 5,
  },
  {
    kind: "conference",
    format: "hybrid",
    title: "Конференция «Городские данные и открытые API»",
    description:
      "Как компании используют открытые данные Москвы: наборы данных, API, условия использования и примеры продуктов.",
    day: 52,
    at: "12:00",
    hours: 5,
    venue: "Москва, ДНК-центр, ул. Новый Арбат, 36",
    url: "https://events.innocluster.ru/open-data",
  },
  {
    kind: "exhibition",
    format: "offline",
    title: "Выставка стартапов «Зелёная Москва»",
    description:
      "Экологические технологии: переработка отходов, мониторинг воздуха, энергоэффективность зданий. Стенды стартапов и встречи с городскими заказчиками.",
    day: 110,
    at: "11:00",
    hours: 7,
    venue: "Москва, ВДНХ, павильон № 75",
  },
  {
    kind: "forum",
    format: "offline",
    title: "Форум «Технологическое предпринимательство — 2026»",
    description:
      "Ежегодный форум предпринимателей: привлечение инвестиций, защита интеллектуальной собственности, меры поддержки города.",
    day: 140,
    at: "10:00",
    hours: 8,
    venue: "Москва, Экспоцентр",
    capacity: 900,
    state: "draft",
  },
  {
    kind: "conference",
    format: "online",
    title: "Онлайн-конференция «Экспорт ИТ-решений: практика 2026 года»",
    description:
      "Платёжная инфраструктура, сертификация и локализация продуктов на рынках Азии и Ближнего Востока; опыт компаний кластера.",
    day: 25,
    at: "11:00",
    hours: 3,
    url: "https://events.innocluster.ru/export-it",
    state: "cancelled",
  },
  {
    kind: "forum",
    format: "offline",
    title: "Московский урбанистический форум — 2025",
    description:
      "Форум о будущем городов: сессии о мобильности, развитии территорий и цифровых сервисах для жителей.",
    day: -180,
    at: "10:00",
    hours: 9,
    venue: "Москва, Парк «Зарядье»",
    capacity: 800,
  },
  {
    kind: "forum",
    format: "offline",
    title: "«Открытые инновации — 2025»: сессии для стартапов",
    description: "Сессии корпоративных акселераторов, питчи стартапов и встречи с венчурными фондами.",
    day: -240,
    at: "10:00",
    hours: 8,
    venue: "Москва, Технопарк «Сколково»",
    capacity: 1200,
  },
  {
    kind: "conference",
    format: "online",
    title: "Вебинар: гранты города для технологических компаний",
    description: "Обзор грантовых программ Москвы, требования к заявкам и отчётности, ответы на вопросы.",
    day: -20,
    at: "14:00",
    hours: 2,
    url: "https://events.innocluster.ru/grants-webinar",
  },
  {
    kind: "exhibition",
    format: "offline",
    title: "Выставка «Транспорт будущего»",
    description:
      "Беспилотный транспорт, электробусы, сервисы мобильности: экспозиция московских разработчиков и операторов.",
    day: -120,
    at: "10:00",
    hours: 8,
    venue: "Москва, ВДНХ, павильон «Транспорт»",
  },
  {
    kind: "congress",
    format: "hybrid",
    title: "Конгресс «Новые материалы и аддитивные технологии»",
    description:
      "Научно-практический конгресс: композиты, металлические порошки, 3D-печать изделий для промышленности и медицины.",
    day: -330,
    at: "10:00",
    hours: 8,
    venue: "Москва, МИСИС, Ленинский пр., 4",
    url: "https://events.innocluster.ru/materials",
  },
  {
    kind: "mission",
    format: "offline",
    title: "Бизнес-миссия в Узбекистан: цифровизация промышленности",
    description:
      "Встречи с промышленными предприятиями и министерствами Ташкента, презентации решений для цифровизации производства.",
    day: -10,
    at: "09:00",
    hours: 48,
    venue: "Узбекистан, Ташкент",
    capacity: 12,
    country: "UZ",
  },
];

const SESSIONS = [
  "Открытие и приветствие",
  "Пленарная сессия",
  "Панельная дискуссия",
  "Питч-сессия проектов",
  "Деловые встречи",
  "Подведение итогов",
];

/** A start in Moscow time `day` days from today, at `at`. */
function moscowAt(day: number, at: string, now: number): Date {
  const date = clusterLocal(new Date(now + day * DAY)).slice(0, 10);
  return clusterInstant(`${date}T${at}`)!;
}

function programmeOf(start: Date, hours: number): ProgrammeItem[] {
  const steps = Math.min(SESSIONS.length, Math.max(2, Math.min(hours, 6)));
  return Array.from({ length: steps }, (_, i) => ({
    at: clusterLocal(new Date(start.getTime() + Math.floor((i * hours * 60) / steps) * 60_000)),
    titleRu: SESSIONS[i]!,
  }));
}

async function seedDemoEvents({ db }: SeedContext) {
  const [present] = await rows<{ n: number }>(db, sql`select count(*)::int as n from events`);
  if (Number(present?.n ?? 0) > 0) return;
  const orgs = await ownedOrganizations(db).where(verifiedMoscowParticipant()).orderBy(asc(sql`1`)).limit(60);
  const people = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "user"))
    .orderBy(asc(users.email))
    .limit(200);
  const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER_EMAIL));
  const [operator] = await db.select({ id: users.id }).from(users).where(eq(users.role, "operator")).limit(1);
  const now = Date.now();
  const rnd = mulberry32(15);
  const rowsOut = PLANS.map((p, i) => {
    const startsAt = moscowAt(p.day, p.at, now);
    const endsAt = new Date(startsAt.getTime() + p.hours * 3600_000);
    return {
      kind: p.kind,
      format: p.format,
      state: p.state ?? ("published" as const),
      titleRu: p.title,
      descriptionRu: p.description,
      startsAt,
      endsAt,
      venueRu: p.venue ?? null,
      url: p.url ?? null,
      organizerId: i % 4 === 1 && orgs[i] ? orgs[i]!.id : null,
      programme: programmeOf(startsAt, p.hours),
      capacity: p.capacity ?? null,
      audience: p.kind === "mission" ? ("participants" as const) : ("everyone" as const),
      country: p.country ?? null,
      authorId: operator?.id ?? null,
      // Announced two months ahead (the past ones spread over the year behind the dashboards).
      publishedAt: p.state === "draft" ? null : new Date(Math.min(now, startsAt.getTime()) - 60 * DAY),
    };
  });
  const inserted = await db
    .insert(events)
    .values(rowsOut)
    .returning({ id: events.id, title: events.titleRu });
  const regs: (typeof eventRegistrations.$inferInsert)[] = [];
  inserted.forEach((e, i) => {
    const p = PLANS[i]!;
    if (p.state === "draft") return;
    const past = p.day < 0;
    const count =
      p.capacity === 5 ? 8 : p.kind === "mission" ? 6 : Math.min(p.capacity ?? 40, 12 + ((i * 7) % 25));
    for (let k = 0; k < count; k++) {
      const person = people[(i * 13 + k) % Math.max(1, people.length)];
      if (!person || regs.some((r) => r.eventId === e.id && r.userId === person.id)) continue;
      const org = orgs[(i * 5 + k) % Math.max(1, orgs.length)];
      const useOrg = p.kind === "mission" || k % 2 === 0;
      let state: RegistrationState =
        p.kind === "mission"
          ? past
            ? k < 4
              ? "selected"
              : "declined"
            : k < 2
              ? "selected"
              : "applied"
          : "registered";
      if (p.capacity === 5 && k >= 5) state = "waitlisted";
      if (p.state === "cancelled") state = "registered";
      regs.push({
        eventId: e.id,
        userId: person.id,
        organizationId: useOrg && org ? org.id : null,
        state,
        public: useOrg && !!org && rnd() < 0.6,
        exportProductRu:
          p.kind === "mission" ? "Программно-аппаратный комплекс видеоаналитики для городских служб" : null,
        targetCountry: p.kind === "mission" ? (p.country ?? null) : null,
        attended: past && (state === "registered" || state === "selected") ? rnd() < 0.8 : null,
        queuedAt: new Date(Math.min(now, rowsOut[i]!.startsAt.getTime() - 7 * DAY) - (30 - k) * 3600_000),
      });
    }
  });
  if (demo) {
    const full = inserted[PLANS.findIndex((p) => p.capacity === 5)]!;
    for (const idx of [0, 5])
      if (!regs.some((r) => r.eventId === inserted[idx]!.id && r.userId === demo.id))
        regs.push({ eventId: inserted[idx]!.id, userId: demo.id, state: "registered" });
    if (!regs.some((r) => r.eventId === full.id && r.userId === demo.id))
      regs.push({
        eventId: full.id,
        userId: demo.id,
        state: "waitlisted",
        queuedAt: new Date(now - 3600_000),
      });
  }
  if (regs.length) await db.insert(eventRegistrations).values(regs);
}

export const FULL_EVENTS = 2000;
export const FULL_REGISTRATIONS_PER_EVENT = 75;

/** `--scale full`: events up to 2,000 and 75 registrations each (150,000), in bulk. */
export async function seedFullEvents(
  ctx: SeedContext,
  target = FULL_EVENTS,
  perEvent = FULL_REGISTRATIONS_PER_EVENT,
) {
  const { db } = ctx;
  const [present] = await rows<{ n: number }>(db, sql`select count(*)::int as n from events`);
  const missing = target - Number(present?.n ?? 0);
  if (missing <= 0) return;
  const rnd = mulberry32(2026);
  const now = Date.now();
  const kinds: EventKind[] = ["forum", "conference", "conference", "exhibition", "congress", "mission"];
  const formats: EventFormat[] = ["offline", "online", "hybrid"];
  const list = Array.from({ length: missing }, (_, i) => {
    const p = PLANS[i % PLANS.length]!;
    const kind = kinds[i % kinds.length]!;
    const format = formats[Math.floor(rnd() * 3)]!;
    const startsAt = moscowAt(
      Math.floor(rnd() * 730) - 365,
      ["10:00", "11:00", "14:00", "16:00"][i % 4]!,
      now,
    );
    return {
      kind,
      format,
      state: "published" as const,
      titleRu: `${p.title} (${(i % 97) + 1}-я сессия)`,
      descriptionRu: p.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (2 + (i % 8)) * 3600_000),
      venueRu: format === "online" ? null : (p.venue ?? "Москва, Технопарк «Сколково»"),
      url: format === "offline" ? null : "https://events.innocluster.ru/live",
      programme: programmeOf(startsAt, 4),
      capacity: 100 + (i % 5) * 100,
      audience: "everyone" as const,
      country: kind === "mission" ? ["AE", "CN", "IN", "UZ", "TR"][i % 5]! : null,
      publishedAt: new Date(now - 400 * DAY),
    };
  });
  const ids: string[] = [];
  await insertBatches(ctx, "events", list, async (batch) => {
    const got = await db.insert(events).values(batch).returning({ id: events.id });
    ids.push(...got.map((g) => g.id));
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table seed_event_users on commit drop as
      select id, (row_number() over (order by id))::int as n from users where role = 'user'`);
    await tx.execute(sql`create index on seed_event_users (n)`);
    await tx.execute(sql`create temp table seed_events on commit drop as
      select id, kind, (row_number() over (order by id))::int as n
      from events where id = any(${`{${ids.join(",")}}`}::uuid[])`);
    await tx.execute(sql`insert into event_registrations (event_id, user_id, organization_id, state, public, attended, queued_at)
      select e.id, u.id, null,
        (case when e.kind = 'mission' then 'selected' else 'registered' end)::event_registration_state,
        false, null, now() - make_interval(mins => u.n % 10000)
      from seed_events e
      join seed_event_users u
        on u.n > (e.n * 613) % greatest((select count(*) from seed_event_users) - ${perEvent}, 1)
       and u.n <= (e.n * 613) % greatest((select count(*) from seed_event_users) - ${perEvent}, 1) + ${perEvent}`);
  });
  ctx.progress("event registrations", 1, 1);
}

export const eventsSeeder: Seeder = {
  name: "events",
  async run(ctx) {
    await seedDemoEvents(ctx);
    if (ctx.scale === "full") await seedFullEvents(ctx);
  },
};
