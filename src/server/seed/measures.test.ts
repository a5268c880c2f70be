import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterDate } from "../../shared/clock.js";
import { type EligibilityProfile, evaluate, type Verdict } from "../../shared/eligibility.js";
import type { Database } from "../core/db.js";
import {
  Criteria,
  MEASURE_FORMS,
  MEASURE_LEVELS,
  MeasureInput,
} from "../modules/measures/measures.contract.js";
import { measures, measureUsageDaily, navigatorSearchesDaily } from "../modules/measures/measures.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";
import { PROVIDERS } from "./measures.content.js";
import { DEMO_SENTENCE, measureRows } from "./measures.js";
import { usageRows } from "./measures.usage.js";
import { DEMO_USER_ORG } from "./organizations.js";

let database: Database;
let all: (typeof measures.$inferSelect)[];
let published: (typeof measures.$inferSelect)[];

beforeAll(async () => {
  database = await testDatabase();
  // How long this takes is measured as `npm start`'s first start (README), not timed here.
  await seed(database.db, "demo");
  all = await database.db.select().from(measures);
  published = all.filter((m) => m.status === "published");
});
afterAll(() => database.close());

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const openNow = (m: (typeof all)[number]) =>
  m.permanent || ((!m.opensOn || m.opensOn <= today()) && (!m.closesOn || m.closesOn >= today()));

/** A measure has an English title and description (ending in the demo sentence) with no Cyrillic letter. */
const expectEnglish = (m: { titleRu: string; titleEn?: string | null; descriptionEn?: string | null }) => {
  expect(m.titleEn, m.titleRu).toBeTruthy();
  expect(m.descriptionEn, m.titleRu).toBeTruthy();
  expect(m.titleEn, m.titleRu).not.toMatch(/[а-яё]/i);
  expect(m.descriptionEn, m.titleRu).not.toMatch(/[а-яё]/i);
  expect(m.descriptionEn?.endsWith(DEMO_SENTENCE.en), m.titleRu).toBe(true);
};

describe("demo measures", () => {
  it("are 190+ published, with a few drafts and archived ones, all flagged as demo data", () => {
    expect(published.length).toBeGreaterThanOrEqual(190);
    expect(all.filter((m) => m.status === "draft").length).toBeGreaterThanOrEqual(3);
    expect(all.filter((m) => m.status === "archived").length).toBeGreaterThanOrEqual(3);
    for (const m of all) {
      expect(m.isDemo).toBe(true);
      expect(m.descriptionRu.endsWith(DEMO_SENTENCE.ru), m.titleRu).toBe(true);
      if (m.descriptionEn) expect(m.descriptionEn.endsWith(DEMO_SENTENCE.en)).toBe(true);
      expect(m.applyUrl).toMatch(/^https:\/\/example\.org\//);
      expect(m.contacts).toContain("@example.org");
    }
    expect(new Set(all.map((m) => m.slug)).size).toBe(all.length);
    expect(new Set(all.map((m) => m.titleRu)).size).toBe(all.length);
  });

  it("are complete in English, with no Cyrillic in the English title or description", () => {
    for (const m of all) expectEnglish(m);
  });

  it("cover every level, form and provider", () => {
    expect(new Set(published.map((m) => m.level))).toEqual(new Set(MEASURE_LEVELS));
    expect(new Set(published.map((m) => m.form))).toEqual(new Set(MEASURE_FORMS));
    const providers = new Set(published.map((m) => m.provider));
    for (const p of Object.values(PROVIDERS)) expect(providers, p.ru).toContain(p.ru);
    expect(providers.size).toBeGreaterThanOrEqual(40);
    expect(new Set(published.map((m) => m.providerKind)).size).toBeGreaterThanOrEqual(4);
  });

  it("pass the operator's input contract and the Criteria schema", () => {
    for (const m of all) {
      expect(Criteria.safeParse(m.criteria).success, m.titleRu).toBe(true);
      const input = MeasureInput.safeParse({
        slug: m.slug,
        titleRu: m.titleRu,
        titleEn: m.titleEn,
        descriptionRu: m.descriptionRu,
        descriptionEn: m.descriptionEn,
        provider: m.provider,
        providerKind: m.providerKind,
        level: m.level,
        form: m.form,
        amountMin: m.amountMin,
        amountMax: m.amountMax,
        cofinancingShare: m.cofinancingShare,
        permanent: m.permanent,
        opensOn: m.opensOn,
        closesOn: m.closesOn,
        requiredDocuments: m.requiredDocuments,
        applyUrl: m.applyUrl,
        contacts: m.contacts,
        industries: m.industries,
        tags: m.tags,
        criteria: m.criteria,
        isDemo: m.isDemo,
      });
      expect(input.error?.issues ?? [], m.titleRu).toEqual([]);
    }
  });

  it("have varied windows: permanent, open now, closing within 7 days, upcoming and closed", () => {
    expect(published.filter((m) => m.permanent).length).toBeGreaterThan(20);
    const dated = published.filter((m) => !m.permanent);
    expect(dated.filter(openNow).length).toBeGreaterThan(30);
    const closingSoon = dated.filter((m) => openNow(m) && m.closesOn && m.closesOn <= inDays(7)).length;
    expect(closingSoon).toBeGreaterThanOrEqual(3);
    expect(dated.filter((m) => m.opensOn && m.opensOn > today()).length).toBeGreaterThanOrEqual(3);
    expect(dated.filter((m) => m.closesOn && m.closesOn < today()).length).toBeGreaterThanOrEqual(5);
  });

  it("have amounts, co-financing, documents, industries and tags", () => {
    expect(published.filter((m) => m.amountMax !== null).length).toBeGreaterThan(80);
    expect(published.filter((m) => m.cofinancingShare !== null).length).toBeGreaterThan(30);
    expect(published.filter((m) => m.requiredDocuments.length > 0).length).toBeGreaterThan(150);
    expect(published.filter((m) => m.industries.length > 0).length).toBeGreaterThan(40);
    expect(published.filter((m) => m.tags.length > 0).length).toBeGreaterThan(60);
  });

  it("use every kind of criterion", () => {
    const keys = new Set(published.flatMap((m) => Object.keys(m.criteria)));
    expect(keys).toEqual(
      new Set([
        "orgTypes",
        "regions",
        "smeCategories",
        "ageYears",
        "headcount",
        "revenueMln",
        "requiredStatus",
        "okvedSections",
        "tags",
        "flags",
      ]),
    );
    const moscowOnly = published.filter(
      (m) => m.criteria.regions?.length === 1 && m.criteria.regions[0] === "77",
    ).length;
    expect(moscowOnly).toBeGreaterThan(40);
    expect(published.filter((m) => !m.criteria.regions).length).toBeGreaterThan(60);
    expect(published.filter((m) => Object.keys(m.criteria).length === 0).length).toBeGreaterThanOrEqual(2);
  });

  it("give every demo organization a mix of verdicts", async () => {
    const orgs = await database.db.select().from(organizations);
    const totals: Record<Verdict, number> = { eligible: 0, check: 0, not_eligible: 0 };
    let mixed = 0;
    let demoUser: Record<Verdict, number> | null = null;
    for (const o of orgs) {
      const profile: EligibilityProfile = {
        type: o.type,
        regionCode: o.regionCode,
        foundedOn: o.foundedOn,
        headcount: o.headcount,
        revenueMln: o.revenueMln,
        status: o.status,
        statusSuspended: o.statusSuspendedAt !== null,
        okvedSections: o.okvedSections,
        tags: o.tags,
      };
      const counts: Record<Verdict, number> = { eligible: 0, check: 0, not_eligible: 0 };
      for (const m of published) counts[evaluate(m.criteria, profile, new Date()).verdict]++;
      for (const v of Object.keys(counts) as Verdict[]) totals[v] += counts[v];
      if (counts.eligible > 0 && counts.check > 0 && counts.not_eligible > 0) mixed++;
      if (o.shortName === DEMO_USER_ORG) demoUser = counts;
    }
    // Every organization sees all three verdicts, and none of them dominates the catalog.
    expect(mixed).toBe(orgs.length);
    const sum = totals.eligible + totals.check + totals.not_eligible;
    for (const v of Object.keys(totals) as Verdict[]) expect(totals[v] / sum, v).toBeGreaterThan(0.1);
    expect(demoUser!.eligible).toBeGreaterThanOrEqual(10);
    expect(demoUser!.check).toBeGreaterThanOrEqual(10);
    expect(demoUser!.not_eligible).toBeGreaterThanOrEqual(10);
  });
});

describe("the navigator's use in the demo", () => {
  it("covers the 12 months before this one: views, apply clicks and searches every month, more on weekdays, most on a few measures, none before publication", async () => {
    const usage = await database.db.select().from(measureUsageDaily);
    const searches = await database.db.select().from(navigatorSearchesDaily);
    const months = new Map<string, { views: number; clicks: number; searches: number }>();
    const month = (day: string) => {
      const m = months.get(day.slice(0, 7)) ?? { views: 0, clicks: 0, searches: 0 };
      months.set(day.slice(0, 7), m);
      return m;
    };
    for (const u of usage) {
      month(u.day).views += u.views;
      month(u.day).clicks += u.applyClicks;
    }
    for (const s of searches) month(s.day).searches += s.searches;
    // The 12 full months before this one.
    const last12 = [...months.keys()].filter((m) => m < clusterDate().slice(0, 7)).sort();
    expect(last12).toHaveLength(12);
    for (const m of last12) {
      expect(months.get(m)!.views, m).toBeGreaterThan(100);
      expect(months.get(m)!.clicks, m).toBeGreaterThan(5);
      expect(months.get(m)!.searches, m).toBeGreaterThan(300);
    }

    const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
    const perDay = (weekend: boolean) => {
      const days = searches.filter((s) => [0, 6].includes(weekday(s.day)) === weekend);
      return days.reduce((n, s) => n + s.searches, 0) / days.length;
    };
    expect(perDay(false)).toBeGreaterThan(2 * perDay(true));

    const perMeasure = new Map<string, number>();
    for (const u of usage) perMeasure.set(u.measureId, (perMeasure.get(u.measureId) ?? 0) + u.views);
    const totals = [...perMeasure.values()].sort((a, b) => b - a);
    expect(totals[0]!).toBeGreaterThan(10 * totals[Math.floor(totals.length / 2)]!);

    const publishedOn = new Map(all.map((m) => [m.id, m.publishedAt]));
    for (const u of usage) {
      const at = publishedOn.get(u.measureId);
      expect(at, u.measureId).toBeTruthy();
      expect(u.day >= clusterDate(at!), u.day).toBe(true);
      expect(u.applyClicks).toBeLessThanOrEqual(u.views);
    }
  });

  it("is the same for the same measures and day", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    const list = measureRows(42, "demo", now, null).demo.map((m) => ({
      id: m.id!,
      status: m.status!,
      publishedAt: m.publishedAt ?? null,
    }));
    expect(usageRows(list, now)).toEqual(usageRows(list, now));
  });
});

describe("full-scale measures", () => {
  it("add 10,000 generated measures that pass the contract, with unique slugs, deterministically", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    const { demo, generated } = measureRows(42, "full", now, null);
    expect(generated).toHaveLength(10_000);
    expect(measureRows(42, "demo", now, null).generated).toHaveLength(0);
    const again = measureRows(42, "full", now, null);
    expect(again.generated.map((m) => m.slug)).toEqual(generated.map((m) => m.slug));
    const rowsList = [...demo, ...generated];
    expect(new Set(rowsList.map((m) => m.slug)).size).toBe(rowsList.length);
    expect(new Set(rowsList.map((m) => m.id)).size).toBe(rowsList.length);
    for (const m of rowsList) {
      const { id, status, createdBy, createdAt, updatedAt, publishedAt, ...fields } = m;
      const parsed = MeasureInput.safeParse(fields);
      expect(parsed.error?.issues ?? [], m.titleRu).toEqual([]);
      expect(m.isDemo).toBe(true);
    }
    for (const m of generated) expectEnglish(m);
    expect(generated.filter((m) => m.status === "published").length).toBeGreaterThan(9000);
    expect(new Set(generated.map((m) => m.form)).size).toBe(MEASURE_FORMS.length);
  });
});
