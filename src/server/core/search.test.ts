// The search engine (core/search.ts) through the catalogs that use it: place words, the typo rule,
// and answers cached by generation that never outlive a committed write.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInn } from "../../shared/identifiers.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { Client, type TestApp, testApp } from "../test/helpers.js";
import { allowedEdits, cachedSearch, correctWords, parseSearchText, searchCacheStats } from "./search.js";

let t: TestApp;
let guest: Client;

async function org(shortName: string, regionCode: string, descriptionRu = "") {
  const [row] = await t.database.db
    .insert(organizations)
    .values({
      type: "legal_entity",
      inn: makeInn("legal", Math.random, { region: regionCode }),
      regionCode,
      shortName,
      fullName: `ООО «${shortName}»`,
      legalAddress: "г. Москва",
      descriptionRu,
      okvedSections: ["J"],
      okvedMain: "62.01",
    })
    .returning();
  return row!;
}

type Page = { items: { id: string; shortName: string }[]; total: number };
async function names(q: string): Promise<string[]> {
  const res = await guest.get(`/api/directory?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Page).items.map((i) => i.shortName).sort();
}

beforeAll(async () => {
  t = await testApp();
  guest = new Client(t.app);
  await org("Робомосква", "77", "Робототехника для складов");
  await org("Роботех Подмосковье", "50", "Промышленная робототехника");
  await org("Мосгрузовик", "77", "Грузоперевозки по городу");
  await org("Газпром Северо-Запад", "78", "Газовая отрасль");
  await org("Газпром Центр", "77", "Газовая отрасль");
  await org("Казанские роботы", "16", "Робототехника");
  await org("Дронтех", "54", "Беспилотники");
  await org("Лазерграф", "66", "Лазерная гравировка");
});
afterAll(() => t.close());

describe("search engine: text", () => {
  it("finding: words naming a region or city find organizations there even when their text does not name it", async () => {
    expect(await names("робототехника Москва")).toEqual(["Робомосква"]);
    expect(await names("робототехника в Москве")).toEqual(["Робомосква"]);
    expect(await names("Газпром Санкт-Петербург")).toEqual(["Газпром Северо-Запад"]);
    expect(await names("роботы Казань")).toEqual(["Казанские роботы"]);
    expect(await names("робототехника Московская область")).toEqual(["Роботех Подмосковье"]);
    // A place word alone lists the place; a name that merely contains it is still found by its text.
    expect(await names("Татарстан")).toEqual(["Казанские роботы"]);
  });

  it("finding: one typo in a word of 5+ letters and two in 9+ letters match (Дрнтех → «Дронтех», Лазргаф → «Лазерграф»)", async () => {
    expect(await names("Дрнтех")).toEqual(["Дронтех"]);
    expect(await names("Лазргаф")).toEqual(["Лазерграф"]);
    expect(await names("Лазерграф")).toEqual(["Лазерграф"]);
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(9)).toBe(2);
    const fixed = await correctWords(
      t.database.db,
      { name: "directory" },
      parseSearchText("дрнтх лазерг дронтех", { places: false }),
    );
    // Two typos in a 7-letter word are too many; a word being typed and a known word are left alone.
    expect(fixed.terms.map((x) => [x.word, x.corrections])).toEqual([
      ["дрнтх", []],
      ["лазерг", []],
      ["дронтех", []],
    ]);
  });

  it("takes websearch syntax as it is and reads place phrases with their generic words", () => {
    expect(parseSearchText('"робот" -склад', { places: true }).verbatim).toBe(true);
    const p = parseSearchText("Республика Татарстан дроны", { places: true });
    expect(p.places).toEqual([{ text: "республика татарстан", regions: ["16"] }]);
    expect(p.terms.map((x) => x.word)).toEqual(["дроны"]);
    expect(parseSearchText("москвич", { places: true }).places).toEqual([]);
  });
});

describe("search engine: answers cached by generation", () => {
  it("serves a repeated search from memory, and a committed write in the very next search", async () => {
    expect(await names("Квантех")).toEqual([]);
    const before = searchCacheStats.hits;
    expect(await names("Квантех")).toEqual([]);
    expect(searchCacheStats.hits).toBe(before + 1);
    const row = await org("Квантех", "77");
    expect(await names("Квантех")).toEqual(["Квантех"]);
    // The public page too: a new name shows at once.
    const page = async () => (await guest.get(`/api/directory/${row.id}`)).json().organization.shortName;
    expect(await page()).toBe("Квантех");
    await t.database.db
      .update(organizations)
      .set({ shortName: "Квантех Плюс" })
      .where(eq(organizations.id, row.id));
    expect(await page()).toBe("Квантех Плюс");
    expect(await names("Квантех")).toEqual(["Квантех Плюс"]);
  });

  it("computes an answer once for requests that ask for it at the same time, and keeps no failure", async () => {
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return `answer ${runs}`;
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => cachedSearch(t.database.db, "directory", "test:shared", slow)),
    );
    expect(answers).toEqual(Array(5).fill("answer 1"));
    expect(runs).toBe(1);
    const failing = () => Promise.reject(new Error("database went away"));
    await expect(cachedSearch(t.database.db, "directory", "test:failing", failing)).rejects.toThrow(
      "went away",
    );
    // The next request computes again rather than getting the kept failure.
    expect(await cachedSearch(t.database.db, "directory", "test:failing", async () => "recovered")).toBe(
      "recovered",
    );
  });
});
