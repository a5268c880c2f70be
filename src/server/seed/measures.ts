// The support-measure navigator part of the seed. Deterministic: every choice comes from a PRNG seeded by
// the seed's faker (no Math.random); application windows are days relative to the seed's day (UTC), so
// the catalog always has open, closing-soon, upcoming and closed measures.
//
// demo: the hand-written catalog of measures.content.ts (~200 published, a few drafts and archived),
// every one flagged as demo data (is_demo and a final "Демонстрационные данные." / "Demo data.") and every
// one with an English title and description (measures.test.ts checks it, and that they have no Cyrillic).
// full: the demo catalog plus 10,000 measures generated from it with variations (the benchmark).

import { inArray, sql } from "drizzle-orm";
import type { Criteria } from "../../shared/eligibility.js";
import { REGIONS } from "../../shared/regions.js";
import type { TagSlug } from "../../shared/tags.js";
import type { Scale, SeedContext, Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { measures, measureUsageDaily, navigatorSearchesDaily } from "../modules/measures/measures.schema.js";
import { type C, catalog, type M, type W } from "./measures.content.js";
import { usageRows } from "./measures.usage.js";
import { latin } from "./translit.js";

export const DEMO_SENTENCE = { ru: "Демонстрационные данные.", en: "Demo data." } as const;
const GENERATED = { demo: 0, full: 10_000 } as const;
const DAY = 86_400_000;

type Row = typeof measures.$inferInsert;

// ---------- a fast deterministic PRNG ----------

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly rng: () => number) {}
  int(min: number, max: number) {
    return Math.min(max, min + Math.floor(this.rng() * (max - min + 1)));
  }
  chance(p: number) {
    return this.rng() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
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

// ---------- mapping the compact content to rows ----------

export function slugify(s: string, max = 80): string {
  const words = latin(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || "measure";
}

const range = (r: [number | null, number | null] | undefined) =>
  r && (r[0] !== null || r[1] !== null) ? { min: r[0], max: r[1] } : undefined;

/** The compact criteria as the contract's Criteria (absent criteria left out). */
export function toCriteria(c: C): Criteria {
  const out: Criteria = {};
  if (c.types?.length) out.orgTypes = [...c.types];
  if (c.regions?.length) out.regions = [...c.regions];
  if (c.sme?.length) out.smeCategories = [...c.sme];
  const age = range(c.age);
  if (age) out.ageYears = age;
  const staff = range(c.staff);
  if (staff) out.headcount = staff;
  const rev = range(c.rev);
  if (rev) out.revenueMln = rev;
  if (c.status?.length) out.requiredStatus = [...c.status];
  if (c.okved?.length) out.okvedSections = [...c.okved];
  if (c.tags?.length) out.tags = [...c.tags];
  if (c.flags?.length) out.flags = [...c.flags];
  return out;
}

const isoDay = (today: number, offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);

function windowOf(w: W, today: number) {
  if (w === "p") return { permanent: true, opensOn: null, closesOn: null };
  return {
    permanent: false,
    opensOn: w[0] === null ? null : isoDay(today, w[0]),
    closesOn: w[1] === null ? null : isoDay(today, w[1]),
  };
}

const withDemo = (text: string, sentence: string) => `${text.trim()} ${sentence}`;

function contactsOf(m: M, n: number) {
  const phone = `+7 (495) 000-${String(10 + (n % 90)).padStart(2, "0")}-${String((n * 7) % 100).padStart(2, "0")}`;
  return `${m.p.ru}. Телефон: ${phone}; e-mail: ${m.p.slug}@example.org`;
}

type Extra = {
  n: number;
  id: string;
  slug: string;
  createdBy: string | null;
  createdAt: Date;
  today: number;
};

function toRow(m: M, x: Extra): Row {
  const status = m.state ?? "published";
  const win = windowOf(m.w, x.today);
  const tags = m.tags ?? m.c.tags?.slice(0, 3) ?? [];
  return {
    id: x.id,
    slug: x.slug,
    status,
    titleRu: m.ru,
    titleEn: m.en?.[0] ?? null,
    descriptionRu: withDemo(m.d, DEMO_SENTENCE.ru),
    descriptionEn: m.en ? withDemo(m.en[1], DEMO_SENTENCE.en) : null,
    provider: m.p.ru,
    providerKind: m.p.kind,
    level: m.p.level,
    form: m.form,
    amountMin: m.amount?.[0] ?? null,
    amountMax: m.amount?.[1] ?? null,
    cofinancingShare: m.co ?? null,
    ...win,
    requiredDocuments: m.docs,
    applyUrl: `https://example.org/measures/${m.p.slug}/${x.slug}`,
    contacts: contactsOf(m, x.n),
    industries: m.ind ?? m.c.okved ?? [],
    tags: [...tags],
    criteria: toCriteria(m.c),
    isDemo: true,
    createdBy: x.createdBy,
    createdAt: x.createdAt,
    updatedAt: x.createdAt,
    publishedAt: status === "draft" ? null : x.createdAt,
  };
}

// ---------- variations for the full scale ----------

/** Variant labels: [ru, en]. */
const VARIANTS: readonly [string, string][] = [
  ["поток 2027 года", "2027 cohort"],
  ["весенний отбор", "spring round"],
  ["осенний отбор", "autumn round"],
  ["для компаний Зеленограда", "for Zelenograd companies"],
  ["для технологических стартапов", "for technology startups"],
  ["для производственных компаний", "for manufacturers"],
  ["для резидентов технопарков", "for technopark residents"],
  ["для вузовских команд", "for university teams"],
  ["региональный этап", "regional stage"],
  ["дополнительный отбор", "additional round"],
  ["для экспортёров", "for exporters"],
  ["для женщин-предпринимателей", "for women entrepreneurs"],
  ["для молодых предпринимателей", "for young entrepreneurs"],
  ["специальный конкурс", "special competition"],
  ["ускоренное рассмотрение", "fast-track review"],
];
/** Extra sentences: [ru, en]. */
const EXTRA_SENTENCES: readonly [string, string][] = [
  [
    "Отбор проводится в два этапа: техническая экспертиза и защита проекта.",
    "Selection takes place in two stages: a technical review and a project defence.",
  ],
  [
    "Приоритет получают проекты с подтверждённым спросом со стороны заказчиков.",
    "Priority is given to projects with confirmed demand from customers.",
  ],
  [
    "Заявки рассматриваются в порядке поступления до исчерпания лимита.",
    "Applications are considered in order of receipt until the budget is exhausted.",
  ],
  [
    "Результаты отбора публикуются на сайте организатора.",
    "The selection results are published on the organiser's website.",
  ],
  [
    "Участники могут получить консультацию по подготовке заявки.",
    "Participants can receive advice on preparing their application.",
  ],
];
const TAGS: readonly TagSlug[] = [
  "ai",
  "robotics",
  "biotech",
  "medtech",
  "new-materials",
  "energy",
  "urban-tech",
  "fintech",
  "edtech",
  "iot",
  "cybersecurity",
  "microelectronics",
];
const REGION_CODES = REGIONS.map((r) => r.code);

function vary(r: Random, base: M, n: number): M {
  const variant = r.pick(VARIANTS);
  const extra = r.pick(EXTRA_SENTENCES);
  const scale = r.pick([0.5, 0.75, 1, 1, 1.5, 2]);
  const amount: M["amount"] = base.amount
    ? [
        base.amount[0] === null ? null : Math.round((base.amount[0] * scale) / 10_000) * 10_000,
        base.amount[1] === null ? null : Math.round((base.amount[1] * scale) / 10_000) * 10_000,
      ]
    : undefined;
  const c: C = { ...base.c };
  // Criteria variations: drop one, move the numbers, retarget the region or the technologies.
  const keys = Object.keys(c) as (keyof C)[];
  if (keys.length && r.chance(0.3)) delete c[r.pick(keys)];
  if (c.age && r.chance(0.5)) c.age = r.chance(0.5) ? [r.int(1, 3), null] : [null, r.int(2, 7)];
  if (c.rev && r.chance(0.5)) c.rev = [r.pick([5, 10, 50, 100, 300]), null];
  if (c.regions && r.chance(0.3)) c.regions = [r.pick(REGION_CODES)];
  if (r.chance(0.25)) c.tags = [r.pick(TAGS), r.pick(TAGS)].filter((t, i, a) => a.indexOf(t) === i);
  const w: W = r.chance(0.3)
    ? "p"
    : (() => {
        const opens = r.int(-200, 120);
        return [opens, opens + r.int(20, 240)];
      })();
  return {
    ...base,
    ru: `${base.ru} (${variant[0]})`,
    d: `${base.d} ${extra[0]} Вариант программы № ${n}.`,
    // Every template has English (measures.test.ts checks it), so every generated measure has it too.
    en: base.en && [`${base.en[0]} (${variant[1]})`, `${base.en[1]} ${extra[1]} Programme variant No. ${n}.`],
    amount,
    co: base.co === undefined ? undefined : Math.min(90, Math.max(0, base.co + r.pick([-10, 0, 0, 10]))),
    w,
    tags: c.tags ?? base.tags,
    c,
    state: r.chance(0.04) ? "archived" : r.chance(0.02) ? "draft" : undefined,
  };
}

// ---------- the seeder ----------

async function insertBatches(ctx: SeedContext, label: string, rowsList: Row[]) {
  const columns = Object.keys(rowsList[0] ?? {}).length || 1;
  const size = Math.max(1, Math.min(2000, Math.floor(60_000 / columns)));
  for (let i = 0; i < rowsList.length; i += size) {
    await ctx.db.insert(measures).values(rowsList.slice(i, i + size));
    ctx.progress(label, Math.min(i + size, rowsList.length), rowsList.length);
  }
}

/**
 * The rows to insert: the demo catalog, and for the full scale the generated measures. Pure: the same
 * seed, scale and day give the same rows.
 */
export function measureRows(seed: number, scale: Scale, now: number, createdBy: string | null) {
  const r = new Random(mulberry32(seed));
  const today = Math.floor(now / DAY) * DAY;
  const slugs = new Set<string>();
  const uniqueSlug = (title: string) => {
    const base = slugify(title);
    let slug = base;
    for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
    slugs.add(slug);
    return slug;
  };
  const created = () => new Date(now - r.int(1, 400) * DAY - r.int(0, DAY - 1));

  const all = catalog();
  const demo: Row[] = all.map((m, n) =>
    toRow(m, { n, id: r.uuid(), slug: uniqueSlug(m.ru), createdBy, createdAt: created(), today }),
  );
  const templates = all.filter((m) => !m.state);
  const generated: Row[] = [];
  for (let n = 1; n <= GENERATED[scale]; n++) {
    const m = vary(r, r.pick(templates), n);
    generated.push(
      toRow(m, { n, id: r.uuid(), slug: uniqueSlug(m.ru), createdBy, createdAt: created(), today }),
    );
  }
  return { demo, generated };
}

export const measuresSeeder: Seeder = {
  name: "measures",
  async run(ctx) {
    const { db, scale, faker: f } = ctx;
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, ["operator@innocluster.demo"]));
    const seed = f.number.int({ min: 1, max: 2 ** 31 - 1 });
    const { demo, generated } = measureRows(seed, scale, Date.now(), operator?.id ?? null);
    await insertBatches(ctx, "measures", demo);
    if (generated.length) await insertBatches(ctx, "generated measures", generated);
    // A year of the navigator's use behind the dashboards (the demo catalog's measures, both scales).
    const usage = usageRows(
      demo.map((m) => ({ id: m.id!, status: m.status!, publishedAt: m.publishedAt ?? null })),
      Date.now(),
    );
    for (let i = 0; i < usage.usage.length; i += 5000) {
      await db.insert(measureUsageDaily).values(usage.usage.slice(i, i + 5000));
      ctx.progress("measure usage", Math.min(i + 5000, usage.usage.length), usage.usage.length);
    }
    await db.insert(navigatorSearchesDaily).values(usage.searches);
    // Merge the GIN indexes' pending lists (PGlite has no autovacuum) and refresh planner statistics.
    await db.execute(sql`select gin_clean_pending_list(i.indexrelid) from pg_index i
      join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      where i.indrelid = 'measures'::regclass and a.amname = 'gin'`);
    await db.execute(sql`analyze measures`);
    // The narrow rows search reads (filled by the trigger): without statistics the planner takes the
    // published ones for a handful.
    await db.execute(sql`analyze measure_index`);
  },
};
