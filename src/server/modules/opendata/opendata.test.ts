import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { OPEN_DATASETS } from "../../../shared/opendata.js";
import { auditLog } from "../../core/audit.schema.js";
import { files } from "../../core/files.schema.js";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { challenges } from "../challenges/challenges.schema.js";
import { events } from "../events/events.schema.js";
import { measures } from "../measures/measures.schema.js";
import { createOrg } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import { projectMembers, projects } from "../projects/projects.schema.js";
import { opendataModule } from "./opendata.module.js";
import { opendataDatasets } from "./opendata.schema.js";

const t = testAppForFile();
let guest: Client;
let op: Client;

/** THE list: every column of every data set. A new column is added here on purpose, after a look. */
const EXPECTED: Record<string, string[]> = {
  organizations: [
    "id",
    "type",
    "inn",
    "ogrn",
    "country",
    "regionCode",
    "fullName",
    "shortName",
    "foundedOn",
    "website",
    "smeCategory",
    "okvedMain",
    "okvedSections",
    "tags",
    "status",
    "statusSince",
    "statusSuspended",
    "verified",
    "url",
  ],
  measures: [
    "id",
    "slug",
    "titleRu",
    "titleEn",
    "provider",
    "providerKind",
    "level",
    "form",
    "amountMin",
    "amountMax",
    "cofinancingShare",
    "permanent",
    "opensOn",
    "closesOn",
    "applyUrl",
    "industries",
    "tags",
    "publishedAt",
    "url",
  ],
  challenges: [
    "id",
    "titleRu",
    "titleEn",
    "organizationId",
    "organizationName",
    "state",
    "visibility",
    "rewardType",
    "rewardAmount",
    "deadline",
    "stages",
    "submissions",
    "industries",
    "tags",
    "openedAt",
    "url",
  ],
  projects: [
    "id",
    "titleRu",
    "stage",
    "trl",
    "startOn",
    "endOn",
    "budget",
    "joint",
    "leadOrganizationId",
    "leadOrganizationName",
    "partnerOrganizations",
    "clusterId",
    "clusterName",
    "investmentConfirmed",
    "supportConfirmed",
    "industries",
    "tags",
    "url",
  ],
  events: [
    "id",
    "titleRu",
    "kind",
    "format",
    "state",
    "startsAt",
    "endsAt",
    "venueRu",
    "country",
    "organizerId",
    "organizerName",
    "capacity",
    "audience",
    "publishedAt",
    "url",
  ],
};

/** Names of a person's data; "fullName"/"shortName" of an organization are allowed by name below. */
const PERSONAL =
  /e-?mail|phone|телефон|^(first|last|middle|full|user|person|contact)|patronymic|birth|passport|snils|address|^user|userId|author|expert|registrant|member|ip$|^ip|login|password/i;
const ORGANIZATION_NAMES = new Set(["fullName", "shortName"]);

const PERSON_EMAIL = "ivanov.personal@example.ru";
const PERSON_NAME = "Иванов Иван Иванович";
let visible: { org: string; ie: string; measure: string; draft: string; event: string; draftEvent: string };
let ids: { challenge: string; draftChallenge: string; project: string };

beforeAll(async () => {
  const db = t.database.db;
  const [o, u] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { email: PERSON_EMAIL, fullName: PERSON_NAME }),
  ]);
  [op] = await Promise.all([signedIn(t, o)]);
  guest = new Client(t.app);
  const org = await createOrg(t.database, { status: "participant", shortName: "Открытая компания" });
  // An individual entrepreneur: its name and INN name a person, so open data leaves it out.
  const ie = await createOrg(t.database, { type: "individual_entrepreneur", shortName: PERSON_NAME });
  await db
    .update(organizations)
    .set({
      contactEmail: PERSON_EMAIL,
      contactPhone: "+7 999 123-45-67",
      contactsPublic: true,
      createdBy: u.id,
    })
    .where(eq(organizations.id, org.id));
  const measure = { provider: "Фонд", level: "city", form: "grant" } as const;
  const [m1, m2] = await db
    .insert(measures)
    .values([
      {
        ...measure,
        titleRu: "Опубликованная мера",
        status: "published",
        publishedAt: new Date(),
        contacts: PERSON_EMAIL,
      },
      { ...measure, titleRu: "Черновик меры", status: "draft" },
    ])
    .returning();
  const day = 24 * 3600_000;
  const event = { kind: "forum", format: "offline", descriptionRu: "Описание", authorId: u.id } as const;
  const [e1, e2] = await db
    .insert(events)
    .values([
      {
        ...event,
        titleRu: "Открытый форум",
        state: "published",
        startsAt: new Date(Date.now() + day),
        endsAt: new Date(Date.now() + 2 * day),
        organizerId: ie.id,
      },
      {
        ...event,
        titleRu: "Неопубликованный форум",
        state: "draft",
        startsAt: new Date(Date.now() + day),
        endsAt: new Date(Date.now() + 2 * day),
      },
    ])
    .returning();
  const challenge = {
    organizationId: org.id,
    authorId: u.id,
    problemRu: "Секретная постановка задачи",
    expectedResultRu: "Результат",
    rewardType: "grant" as const,
    deadline: new Date(Date.now() + 30 * day),
    criteria: [{ name: "Цена", description: "", weight: 100 }],
  };
  const [c1, c2] = await db
    .insert(challenges)
    .values([
      { ...challenge, titleRu: "Открытый запрос", state: "accepting" as const },
      { ...challenge, titleRu: "Черновик запроса", state: "draft" as const },
    ])
    .returning();
  const [p] = await db
    .insert(projects)
    .values({
      leadOrganizationId: org.id,
      authorId: u.id,
      titleRu: "Проект",
      descriptionRu: "О проекте",
      stage: "rnd",
      trl: 4,
    })
    .returning();
  await db.insert(projectMembers).values([
    { projectId: p!.id, organizationId: org.id, state: "lead", roleRu: "Ведущий", share: 100 },
    { projectId: p!.id, organizationId: ie.id, state: "accepted", roleRu: "Партнёр", share: 0 },
  ]);
  visible = { org: org.id, ie: ie.id, measure: m1!.id, draft: m2!.id, event: e1!.id, draftEvent: e2!.id };
  ids = { challenge: c1!.id, draftChallenge: c2!.id, project: p!.id };
});

const get = async (url: string, status = 200) => {
  const r = await guest.get(url);
  expect(r.statusCode, r.body).toBe(status);
  return r;
};

describe("open data", () => {
  it("lists no file before the first generation: the files are 404, the catalogue says not generated", async () => {
    await expectProblem(await guest.get("/api/open/datasets/organizations.csv"), 404);
    const cat = (await get("/api/open/datasets")).json() as {
      datasets: { generatedAt: string | null; csv: unknown }[];
    };
    expect(cat.datasets.every((d) => d.generatedAt === null && d.csv === null)).toBe(true);
  });

  it("the first start sends the generation; the job stores both files and a manifest row per set", async () => {
    const services = t.app.services;
    const db = t.database.db;
    await opendataModule.onStart!({ db, config: t.config, storage: services.storage, jobs: services.jobs });
    await t.runJobs();
    const manifest = await db.select().from(opendataDatasets);
    expect(manifest.map((m) => m.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    const stored = await db.select().from(files).where(eq(files.purpose, "opendata"));
    expect(stored).toHaveLength(2 * OPEN_DATASETS.length);
    for (const f of stored) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The nightly job replaces the generation and removes the previous files.
    await opendataModule.jobs![0]!.run({ db, config: t.config, storage: services.storage });
    const again = await db.select().from(files).where(eq(files.purpose, "opendata"));
    expect(again).toHaveLength(2 * OPEN_DATASETS.length);
    expect(again.some((f) => stored.some((s) => s.id === f.id))).toBe(false);
  });

  it("every column is listed, none is personal, and the CSV, JSON and live API have exactly these keys", async () => {
    expect(Object.fromEntries(OPEN_DATASETS.map((d) => [d.name, d.columns.map((c) => c.key)]))).toEqual(
      EXPECTED,
    );
    for (const [name, keys] of Object.entries(EXPECTED)) {
      for (const k of keys) if (!ORGANIZATION_NAMES.has(k)) expect(k, `${name}.${k}`).not.toMatch(PERSONAL);
      const csv = await get(`/api/open/datasets/${name}.csv`);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      const [header, ...lines] = parse(csv.body, { relax_column_count: false }) as string[][];
      expect(header).toEqual(keys);
      expect(lines.length).toBeGreaterThan(0);
      const json = await get(`/api/open/datasets/${name}.json`);
      expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
      const body = json.json() as {
        meta: { licence: { name: string }; rows: number };
        data: Record<string, unknown>[];
      };
      expect(body.meta.licence.name).toBe("CC-BY-4.0");
      expect(body.meta.rows).toBe(lines.length);
      for (const row of body.data) expect(Object.keys(row)).toEqual(keys);
      const live = (await get(`/api/open/${name}?pageSize=500`)).json() as {
        items: Record<string, unknown>[];
        total: number;
      };
      expect(live.total).toBe(lines.length);
      for (const row of live.items) expect(Object.keys(row)).toEqual(keys);
      const schema = (await get(`/api/open/datasets/${name}/schema.json`)).json() as {
        fields: { name: string }[];
      };
      expect(schema.fields.map((f) => f.name)).toEqual(keys);
    }
  });

  it("holds only public records and no person's data", async () => {
    const everything = (
      await Promise.all(
        Object.keys(EXPECTED).flatMap((n) => [
          get(`/api/open/datasets/${n}.csv`),
          get(`/api/open/datasets/${n}.json`),
        ]),
      )
    )
      .map((r) => r.body)
      .join("\n");
    for (const secret of [
      PERSON_EMAIL,
      PERSON_NAME,
      "+7 999",
      visible.ie,
      visible.draft,
      visible.draftEvent,
      ids.draftChallenge,
      "Черновик",
      "Неопубликованный",
      "Секретная постановка",
      "Тверская",
    ])
      expect(everything, secret).not.toContain(secret);
    for (const shown of [
      visible.org,
      visible.measure,
      visible.event,
      ids.challenge,
      ids.project,
      "Открытая компания",
    ])
      expect(everything).toContain(shown);
    const events = (await get("/api/open/events")).json() as {
      items: { id: string; organizerId: string | null }[];
    };
    expect(events.items.find((e) => e.id === visible.event)?.organizerId).toBeNull();
    const projects = (await get("/api/open/projects")).json() as {
      items: { id: string; leadOrganizationName: string; partnerOrganizations: string[] }[];
    };
    expect(projects.items.find((p) => p.id === ids.project)).toMatchObject({
      leadOrganizationName: "Открытая компания",
      partnerOrganizations: [],
    });
  });

  it("serves the files with a validator and a cache lifetime; the same ETag answers 304", async () => {
    const r = await get("/api/open/datasets/measures.csv");
    expect(r.headers["cache-control"]).toBe("public, max-age=3600");
    expect(r.headers["content-disposition"]).toContain("measures.csv");
    const etag = String(r.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await guest.get("/api/open/datasets/measures.csv", { "if-none-match": etag })).statusCode).toBe(
      304,
    );
  });

  it("describes every set in the catalogue, with the licence, the columns, the counts and the addresses", async () => {
    const cat = (await get("/api/open/datasets")).json() as {
      licence: { name: string; attribution: { ru: string } };
      datasets: {
        name: string;
        rows: number;
        generatedAt: string;
        columns: { key: string }[];
        csv: { url: string; sha256: string };
      }[];
    };
    expect(cat.licence.name).toBe("CC-BY-4.0");
    expect(cat.datasets.map((d) => d.name)).toEqual(Object.keys(EXPECTED));
    const orgs = cat.datasets[0]!;
    expect(orgs.columns.map((c) => c.key)).toEqual(EXPECTED.organizations);
    expect(orgs.csv.url).toBe("/api/open/datasets/organizations.csv");
    expect(orgs.rows).toBeGreaterThan(0);
    expect(Date.parse(orgs.generatedAt)).not.toBeNaN();
  });

  it("pages the live API up to 500 rows; bad pages are 400, unknown sets 404", async () => {
    const p = (await get("/api/open/measures?page=1&pageSize=1")).json() as {
      items: unknown[];
      total: number;
      pageSize: number;
    };
    expect(p).toMatchObject({ pageSize: 1, total: 1 });
    expect(p.items).toHaveLength(1);
    const beyond = (await get("/api/open/measures?page=5&pageSize=1")).json() as {
      items: unknown[];
      total: number;
    };
    expect(beyond).toMatchObject({ items: [], total: 1 });
    for (const q of ["pageSize=501", "pageSize=0", "pageSize=x", "page=0", "extra=1"])
      await expectProblem(await guest.get(`/api/open/measures?${q}`), 400);
    await expectProblem(await guest.get("/api/open/people"), 404);
    await expectProblem(await guest.get("/api/open/datasets/people.csv"), 404);
    await expectProblem(await guest.get("/api/open/datasets/people/schema.json"), 404);
    await expectProblem(await guest.get("/api/open/datasets/measures.xml"), 400);
  });

  it("regenerates on an operator's demand (audited); a guest may not", async () => {
    expect((await guest.post("/api/opendata/regenerate")).statusCode).toBe(401);
    const r = await op.post("/api/opendata/regenerate");
    expect(r.statusCode, r.body).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "opendata.regenerate"));
    expect(entry?.actorId).toBeTruthy();
  });
});
