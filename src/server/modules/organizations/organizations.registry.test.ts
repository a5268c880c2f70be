// The state-register lookup (DaData "party") against a stand-in HTTP server started here: no internet.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn, makeOgrnip } from "../../../shared/identifiers.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";

const KEY = "test-dadata-key-123";
const rng = (() => {
  let a = 7;
  return () => {
    a = (a * 16807) % 2147483647;
    return a / 2147483647;
  };
})();
const FOUND = makeInn("legal", rng, { region: "77" });
const FOUND_OGRN = makeOgrn(rng, { region: "50" });
const FOUND_KPP = makeKpp("50", rng);
const PERSON = makeInn("individual", rng, { region: "16" });
const PERSON_OGRNIP = makeOgrnip(rng, { region: "16" });
const MISSING = makeInn("legal", rng, { region: "78" });
const DOWN = makeInn("legal", rng, { region: "66" });
const SLOW = makeInn("legal", rng, { region: "54" });
const GARBAGE = makeInn("legal", rng, { region: "63" });

/** The requests the stand-in saw: authorization and body. */
const seen: { authorization?: string; body: unknown; path?: string }[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = "";
    req.on("data", (c) => {
      s += c;
    });
    req.on("end", () => resolve(s));
  });
}

/** DaData's answer for an INN, shaped as its documentation shows (only the fields we read and a few more). */
function answerFor(inn: string): { status: number; body?: unknown; delayMs?: number } {
  if (inn === FOUND)
    return {
      status: 200,
      body: {
        suggestions: [
          {
            value: 'ООО "РОМАШКА"',
            data: {
              inn: FOUND,
              kpp: FOUND_KPP,
              ogrn: FOUND_OGRN,
              type: "LEGAL",
              okved: "62.01",
              name: {
                short_with_opf: 'ООО "РОМАШКА"',
                full_with_opf: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "РОМАШКА"',
              },
              // registered in the Moscow Oblast although the INN was given in Moscow: the address wins
              address: {
                value: "143026, Московская обл, г Одинцово, рп Новоивановское, ул Агрохимиков, д 6",
                data: { region_kladr_id: "5000000000000", region_iso_code: "RU-MOS" },
              },
              state: { status: "ACTIVE" },
              management: { name: "Иванов Иван Иванович", post: "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР" },
            },
          },
        ],
      },
    };
  if (inn === PERSON)
    return {
      status: 200,
      body: {
        suggestions: [
          {
            value: "ИП Петров Пётр Петрович",
            data: {
              inn: PERSON,
              kpp: null,
              ogrn: PERSON_OGRNIP,
              type: "INDIVIDUAL",
              okved: "not-a-code",
              name: { short_with_opf: "ИП Петров Пётр Петрович", full_with_opf: "ИП Петров Пётр Петрович" },
              address: { value: "г Казань", data: { region_kladr_id: "1600000000000" } },
              state: { status: "LIQUIDATED" },
            },
          },
        ],
      },
    };
  if (inn === DOWN) return { status: 500, body: { error: "boom" } };
  if (inn === SLOW) return { status: 200, body: { suggestions: [] }, delayMs: 1500 };
  if (inn === GARBAGE) return { status: 200, body: { suggestions: "nope" } };
  return { status: 200, body: { suggestions: [] } };
}

let standIn: Server;
let standInUrl: string;
let t: TestApp;
let off: TestApp;
let user: Client;
/** An English-speaking user (the profile's language decides the problems' language). */
let english: Client;

beforeAll(async () => {
  standIn = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = JSON.parse(raw || "{}") as { query?: string };
    seen.push({ authorization: req.headers.authorization, body, path: req.url });
    if (req.headers.authorization !== `Token ${KEY}`) {
      res.writeHead(403).end();
      return;
    }
    const a = answerFor(String(body.query));
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(a.status, { "content-type": "application/json" }).end(JSON.stringify(a.body ?? {}));
    }, a.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  [t, off] = await Promise.all([
    testApp({ DADATA_API_KEY: KEY, DADATA_URL: standInUrl, DADATA_TIMEOUT_MS: "300" }),
    testApp(),
  ]);
  const u = await createUser(t.database, { email: "lookup@example.test" });
  user = await signedIn(t, u);
  english = await signedIn(t, await createUser(t.database, { email: "en@example.test", locale: "en" }), "en");
});
afterAll(async () => {
  await Promise.all([t?.close(), off?.close()]);
  standIn.closeAllConnections();
  await new Promise((resolve) => standIn.close(resolve));
});

describe("GET /api/organizations/lookup", () => {
  it("finds an organization: names, identifiers, address, the address's region and OKVED", async () => {
    const res = await user.get(`/api/organizations/lookup?inn=${FOUND}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: "legal",
      inn: FOUND,
      kpp: FOUND_KPP,
      ogrn: FOUND_OGRN,
      shortName: 'ООО "РОМАШКА"',
      fullName: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "РОМАШКА"',
      legalAddress: "143026, Московская обл, г Одинцово, рп Новоивановское, ул Агрохимиков, д 6",
      regionCode: "50",
      okvedMain: "62.01",
      state: "active",
    });
    // the provider was asked as DaData expects: POST findById/party with the token and the INN
    const last = seen.at(-1);
    expect(last?.path).toBe("/suggestions/api/4_1/rs/findById/party");
    expect(last?.authorization).toBe(`Token ${KEY}`);
    expect(last?.body).toMatchObject({ query: FOUND });
    // The answer is kept for a day: looking the same INN up again does not spend the quota again.
    const before = seen.length;
    expect((await english.get(`/api/organizations/lookup?inn=${FOUND}`)).json()).toMatchObject({
      inn: FOUND,
    });
    expect(seen.length).toBe(before);
  });

  it("finds an individual entrepreneur, drops what is malformed and tells a closed business", async () => {
    const res = await user.get(`/api/organizations/lookup?inn=${PERSON}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "individual",
      kpp: null,
      ogrn: PERSON_OGRNIP,
      regionCode: "16",
      okvedMain: null,
      state: "liquidated",
    });
  });

  it("answers 404 registry-not-found naming the INN, in Russian and English", async () => {
    const ru = expectProblem(
      await user.get(`/api/organizations/lookup?inn=${MISSING}`),
      404,
      "registry-not-found",
    );
    expect(ru.title).toContain(MISSING);
    expect(ru.title).toMatch(/реестре/);
    const en = expectProblem(
      await english.get(`/api/organizations/lookup?inn=${MISSING}`),
      404,
      "registry-not-found",
    );
    expect(en.title).toMatch(/state register has no organization/);
  });

  it("a provider error, a timeout or a strange answer is 424 registry-unavailable, never a 5xx", async () => {
    for (const inn of [DOWN, SLOW, GARBAGE]) {
      const started = Date.now();
      const body = expectProblem(
        await user.get(`/api/organizations/lookup?inn=${inn}`),
        424,
        "registry-unavailable",
      );
      expect(body.title).toMatch(/не ответил/);
      expect(Date.now() - started).toBeLessThan(1400); // the 300 ms timeout, not the provider's 1.5 s
    }
    const en = expectProblem(await english.get(`/api/organizations/lookup?inn=${DOWN}`), 424);
    expect(en.title).toMatch(/did not answer/);
  });

  it("an unreachable provider is 424 as well", async () => {
    const dead = await testApp({ DADATA_API_KEY: KEY, DADATA_URL: "http://127.0.0.1:9" });
    try {
      const u = await createUser(dead.database, { email: "dead@example.test" });
      const c = await signedIn(dead, u);
      expectProblem(await c.get(`/api/organizations/lookup?inn=${FOUND}`), 424, "registry-unavailable");
    } finally {
      await dead.close();
    }
  });

  it("checks the INN before asking anyone: a field error on inn", async () => {
    const before = seen.length;
    const bad = FOUND.slice(0, -1) + String((Number(FOUND.at(-1)) + 1) % 10);
    const checksum = expectProblem(await user.get(`/api/organizations/lookup?inn=${bad}`), 400);
    expect(fieldErrors(checksum).inn).toMatch(/Контрольн/);
    const short = expectProblem(await user.get("/api/organizations/lookup?inn=12345"), 400);
    expect(fieldErrors(short).inn).toMatch(/10 или 12/);
    expectProblem(await user.get("/api/organizations/lookup"), 400);
    expect(seen.length).toBe(before);
  });

  it("needs a signed-in user", async () => {
    const guest = new Client(t.app);
    expectProblem(await guest.get(`/api/organizations/lookup?inn=${FOUND}`), 401);
    expectProblem(await guest.get("/api/organizations/registry"), 401);
  });

  it("is rate limited per user", async () => {
    const u = await createUser(t.database, { email: "busy@example.test" });
    const c = await signedIn(t, u);
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await c.get(`/api/organizations/lookup?inn=${MISSING}`)).statusCode;
    expect(last).toBe(429);
  });
});

describe("without DADATA_API_KEY", () => {
  it("the feature is off: /registry says so and the lookup answers 404 registry-off", async () => {
    const u = await createUser(off.database, { email: "off@example.test" });
    const c = await signedIn(off, u);
    expect((await c.get("/api/organizations/registry")).json()).toEqual({ lookup: false });
    const before = seen.length;
    const body = expectProblem(await c.get(`/api/organizations/lookup?inn=${FOUND}`), 404, "registry-off");
    expect(body.title).toMatch(/вручную/);
    expect(seen.length).toBe(before);
    expect((await user.get("/api/organizations/registry")).json()).toEqual({ lookup: true });
  });
});
