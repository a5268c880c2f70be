// The text part of the navigator's search statement: typo tolerance joins in only when the full-text
// matches are few, and the page comes back as cards in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/db.js";
import { testDatabase } from "../../test/helpers.js";
import { measures } from "./measures.schema.js";
import { runSearch, type SearchSpec, TYPO_BELOW } from "./measures.search.js";

let database: Database;

const spec = (text: string): SearchSpec => ({
  text,
  sort: "relevance",
  page: 1,
  pageSize: 50,
  profile: null,
  today: "2026-11-23",
});

const add = (titles: string[]) =>
  database.db.insert(measures).values(
    titles.map((titleRu, i) => ({
      titleRu,
      status: "published" as const,
      provider: "Фонд содействия инновациям",
      level: "development_institution" as const,
      form: "grant" as const,
      publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    })),
  );

beforeAll(async () => {
  database = await testDatabase();
  await add(["Грант на разработку продукта", "Грант для стартапов", "Грандиозный конкурс проектов"]);
});

afterAll(async () => {
  await database?.close();
});

describe("navigator text search", () => {
  it("with few full-text matches, adds titles similar to the text (typos), ranked after them", async () => {
    const r = await runSearch(database.db, spec("гранты"));
    const titles = r.page.map((p) => p.card.titleRu);
    expect(titles.slice(0, 2).sort()).toEqual(["Грант для стартапов", "Грант на разработку продукта"]);
    expect(await runSearch(database.db, spec("Грандиозный"))).toMatchObject({ total: 1 });
    // A misspelt word finds the titles by similarity alone.
    const typo = await runSearch(database.db, spec("стартапав"));
    expect(typo.page.map((p) => p.card.titleRu)).toContain("Грант для стартапов");
  });

  it(`with ${TYPO_BELOW} or more full-text matches, lists only them`, async () => {
    const before = await runSearch(database.db, spec("грант"));
    expect(before.page.map((p) => p.card.titleRu)).toContain("Грандиозный конкурс проектов");
    await add(Array.from({ length: TYPO_BELOW }, (_, i) => `Грант на исследования № ${i + 1}`));
    const after = await runSearch(database.db, spec("грант"));
    expect(after.total).toBe(TYPO_BELOW + 2);
    expect(after.page.map((p) => p.card.titleRu)).not.toContain("Грандиозный конкурс проектов");
  });

  it("finding: the navigator corrects a misspelt title word by the engine's rule, whatever the number of matches", async () => {
    await add(["Субсидия на лизинг оборудования", "Льготный заём для экспортёров"]);
    const titles = async (text: string) =>
      (await runSearch(database.db, spec(text))).page.map((p) => p.card.titleRu);
    // One typo in a word of 5+ letters, two in 9+ (the longer word counts).
    expect(await titles("субсидя лизинк")).toEqual(["Субсидия на лизинг оборудования"]);
    expect(await titles("заём экспотёров")).toEqual(["Льготный заём для экспортёров"]);
    expect(await titles("стратапов")).toContain("Грант для стартапов");
    // With 20+ full-text matches of the other word the misspelt one is still corrected.
    expect(await titles("грант стратапов")).toEqual(["Грант для стартапов"]);
  });
});
