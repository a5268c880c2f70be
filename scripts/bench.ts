// `npm run bench [-- --target pg|pglite|both --scale full|demo|both --only navigator --duration 10]`: seeds the PRODUCT.md scale into a
// benchmark database when it is not there, serves the app on a local port and measures each endpoint
// with autocannon (10 connections), then the same SQL through the same driver with the same
// concurrency, and prints requests/s, p50, p99 and the API/SQL ratio of the p50s.
// A benchmark, never a test: numbers depend on the machine.
//
// Two databases per target: the full scale (innocluster_bench / os.tmpdir()/innocluster-bench-pglite:
// 150,000 users, 35,000 organizations, 210 demo + 10,000 generated measures, 20,000 listings with
// 60,000 responses, 2,000 challenges with 30,000 submissions, 300 teams, 318 pilot-testing sites with 640
// pilots, 14,300 projects of which 5,000 joint, 2,030 grant applications) for every case, and the
// demo scale (innocluster_bench_demo / innocluster-bench-pglite-demo: the hand-written catalog, 190
// published measures) for the navigator "at 190" case. A separate small database rather than a filter
// narrowing the big one: the navigator reads every published measure that matches the text, so "190
// measures" must be the whole catalog for the timings to mean what a small cluster sees. A database
// seeded before a seeder existed lacks its data: drop it (or rm -rf the folder) to reseed — except the
// full teams, sites, pilots, projects and grant applications, which are added to a full database that lacks them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import autocannon from "autocannon";
import { inArray, sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { moscowToday } from "../src/server/core/clock.js";
import { loadConfig } from "../src/server/core/config.js";
import { type Database, type Db, openDatabase } from "../src/server/core/db.js";
import { acquireDataDirLock } from "../src/server/core/lock.js";
import { searchCacheStats, searchText } from "../src/server/core/search.js";
import { users } from "../src/server/modules/accounts/accounts.schema.js";
import { adminUsersQueries } from "../src/server/modules/accounts/accounts.service.js";
import { ChallengesQuery } from "../src/server/modules/challenges/challenges.contract.js";
import { CHALLENGES_CATALOG } from "../src/server/modules/challenges/challenges.service.js";
import { openConversation } from "../src/server/modules/conversations/conversations.api.js";
import { DirectoryQuery } from "../src/server/modules/directory/directory.contract.js";
import {
  directoryEstimateStatements,
  directoryPlan,
  directoryStatements,
  directoryText,
  estimate,
  exactTotalStatement,
  organizationPageQueries,
  toStatement,
} from "../src/server/modules/directory/directory.service.js";
import { newSigningKey } from "../src/server/modules/ipregistry/ipregistry.log.js";
import { ListingsQuery } from "../src/server/modules/listings/listings.contract.js";
import { LISTINGS_CATALOG, publicListingQuery } from "../src/server/modules/listings/listings.service.js";
import { SearchQuery } from "../src/server/modules/measures/measures.contract.js";
import { measuresText, runSearch, searchStatement } from "../src/server/modules/measures/measures.search.js";
import { orgProfile, searchSpec } from "../src/server/modules/measures/measures.service.js";
import { numbersStatement } from "../src/server/modules/numbers/numbers.service.js";
import { organizations } from "../src/server/modules/organizations/organizations.schema.js";
import {
  activeOrganizationFacts,
  activeOrganizationFactsQuery,
} from "../src/server/modules/organizations/organizations.service.js";
import { SitesQuery } from "../src/server/modules/pilots/pilots.contract.js";
import { ProjectsQuery } from "../src/server/modules/projects/projects.contract.js";
import { PROJECTS_CATALOG } from "../src/server/modules/projects/projects.service.js";
import { RANKED_TITLE } from "../src/server/seed/challenges.full.js";
import {
  completeFullScale,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  isSeeded,
  type Scale,
  seed,
} from "../src/server/seed/index.js";
import { DEMO_USER_EMAIL, DEMO_USER_ORG } from "../src/server/seed/organizations.js";
import { openSse } from "../src/server/test/sse.js";
import { numberMonths } from "../src/shared/numbers.js";
import { analyticsCases } from "./bench.analytics.js";
import { challengeRankingStatement, challengesSearchStatement } from "./bench.challenges.js";
import { grantQueueAnswer, grantQueueStatement } from "./bench.grants.js";
import { IPLOG_CASE, ipLogCase } from "./bench.ipregistry.js";
import { listingsSearchStatement } from "./bench.listings.js";
import {
  challengesMix,
  directoryMix,
  listingsMix,
  MIX,
  navigatorMix,
  projectsMix,
  random,
  zipfDraws,
} from "./bench.mix.js";
import { sitesSearchStatement } from "./bench.pilots.js";
import { projectPageStatement, projectsAnswer, projectsSearchStatement } from "./bench.projects.js";

const { values } = parseArgs({
  options: {
    target: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    /** Only the cases whose name contains this. */
    only: { type: "string", default: "" },
    /** full, demo or both databases. */
    scale: { type: "string", default: "both" },
    /**
     * off (default), memory, database (the shared store as configured: blocks claimed ahead, in
     * batches), database-each (every request waits for a claim of its own). With a limit, requests come from
     * BENCH_CLIENTS (default 1,000) client addresses, so that none reaches its limit.
     */
    "rate-limit": { type: "string", default: "off" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

type Query = { sql: string; params: unknown[] };
/**
 * One measured endpoint: its URL and the SQL statements it runs, as the service runs them: the
 * statements of one stage concurrently, the stages one after the other (`queries`: a single stage).
 * `prepare` is for cases whose URL or statements come from the data (run once, before measuring).
 */
interface Case {
  name: string;
  /** The database the case runs on (default: full). */
  scale?: Scale;
  url?: string;
  /** admin: the demo admin; member: user@innocluster.demo acting for «Нейросенсорика»; operator: the demo operator. */
  auth?: "admin" | "member" | "operator";
  queries?: (db: Db) => Query[];
  prepare?: (database: Database) => Promise<Prepared>;
}

/**
 * What a case sends: one URL and its statements, or a mix (`paths` drawn with their popularity; the
 * raw-SQL run picks one of `stages`, statements of paths drawn the same way, per round).
 */
interface Prepared {
  url: string;
  stages: Query[][];
  note?: string | undefined;
  mix?: { paths: string[]; stages: Query[][][] };
  /**
   * Sent once before measuring (not part of the mix): builds the catalog's in-memory index, as on a
   * server that has been up, so the run measures searches rather than the one rebuild.
   */
  warm?: string;
  /**
   * The API's answer from the raw SQL's rows (one stage, one statement): checked once before measuring,
   * so the comparison is of one answer computed two ways.
   */
  answer?: (rows: Record<string, unknown>[]) => unknown;
}

/** Raw-SQL rounds of a mix: the statements of this many draws. */
const MIX_SQL_SAMPLES = 60;

const toQuery = (q: { toSQL(): { sql: string; params: unknown[] } }): Query => q.toSQL();

/** A directory search: the estimate stage, then items and facets, with the plan the service would make. */
async function directoryCase(database: Database, raw: Record<string, string>, withNote = true) {
  const q = DirectoryQuery.parse(raw);
  const text = await directoryText(database.db, q);
  const plan = directoryPlan(q, await estimate(database.db, q, text));
  const s = directoryStatements(q, plan, text);
  let note: string | undefined;
  if (withNote) {
    const count = toStatement(exactTotalStatement(q, plan, text));
    const [m] = await database.rawQuery<{ n: number; all: number }>(count.sql, count.params);
    note = `${m?.n} of ${m?.all} organizations match; plan ${JSON.stringify(plan)}`;
  }
  return {
    url: `/api/directory?${new URLSearchParams(raw)}`,
    stages: [
      directoryEstimateStatements(q, { tableRowsKnown: true, text }).map((e) => toStatement(e.query)),
      [s.items, s.facets].map(toStatement),
    ],
    note,
  };
}

/** A mix: paths drawn from `pool` with Zipf popularity, and the statements of some draws. */
async function mixCase(
  pool: Record<string, string>[],
  toCase: (raw: Record<string, string>) => Promise<Prepared>,
  note: string,
  pathOf?: (raw: Record<string, string>) => string,
): Promise<Prepared> {
  const draws = zipfDraws(
    pool.map((raw) => JSON.stringify(raw)),
    random(5),
  );
  const first = await toCase(pool[0]!);
  const base = first.url.slice(0, first.url.indexOf("?"));
  const stages: Query[][][] = [];
  for (const d of draws.slice(0, MIX_SQL_SAMPLES)) stages.push((await toCase(JSON.parse(d))).stages);
  return {
    url: first.url,
    stages: first.stages,
    note: `${pool.length} distinct requests, ${MIX.draws} draws (Zipf); ${note}`,
    ...(pathOf ? {} : { warm: `${base}?page=40&pageSize=5` }),
    mix: {
      paths: draws.map((d) => {
        const raw = JSON.parse(d) as Record<string, string>;
        return pathOf ? pathOf(raw) : `${base}?${new URLSearchParams(raw)}`;
      }),
      stages,
    },
  };
}

/**
 * The navigator's search as the demo member sees it (active organization «Нейросенсорика», a registered
 * Moscow micro company), eligibility filter on: the service's two statements one after the other —
 * the member's organization, then the search (verdicts, filters, facets, total and the page's cards
 * computed in the database).
 */
async function navigatorCase(database: Database, raw: Record<string, string>) {
  const [member] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = ${DEMO_USER_EMAIL}`);
  if (!member) throw new Error("the demo member is missing: reseed the bench database");
  const facts = await activeOrganizationFacts(database.db, member.id);
  if (!facts) throw new Error("the demo member has no active organization: reseed the bench database");
  const spec = searchSpec(SearchQuery.parse(raw), orgProfile(facts), moscowToday());
  const result = await runSearch(database.db, spec);
  const text = await measuresText(database.db, spec);
  const [n] = await database.rawQuery<{ n: number }>(
    "select count(*)::int as n from measures where status = 'published'",
  );
  return {
    url: `/api/measures?${new URLSearchParams(raw)}`,
    stages: [
      [toQuery(activeOrganizationFactsQuery(database.db, member.id))],
      [toStatement(searchStatement(spec, text))],
    ],
    note: `${n?.n} published measures, ${result.total} eligible for ${facts.shortName}`,
  };
}

const NAVIGATOR_QUERY = { eligibility: "eligible" };

/** The public page of an organization: the service's statements (the same the API runs on a miss). */
async function organizationPageCase(database: Database, id: string): Promise<Prepared> {
  const qs = organizationPageQueries(database.db, id);
  const members = await qs.members;
  // The statement of accounts' usersByIds (the directory asks accounts for names, never joins users).
  const names = database.db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      blockedAt: users.blockedAt,
    })
    .from(users)
    .where(
      inArray(
        users.id,
        members.map((m) => m.userId),
      ),
    );
  return {
    url: `/api/directory/${id}`,
    stages: [[toQuery(qs.organization), toQuery(qs.members)], [toQuery(names)]],
    note: `${members.length} members shown`,
  };
}

/**
 * A listings search within a kind, as a guest: the API answers from the search engine; the raw SQL is
 * the same answer from one statement (scripts/bench.listings.ts), with the text corrected as the
 * engine corrects it.
 */
async function listingsCase(database: Database, raw: Record<string, string>, withNote = true) {
  const q = ListingsQuery.parse(raw);
  const text = q.q?.trim() ? await searchText(database.db, LISTINGS_CATALOG, q.q) : undefined;
  const statement = toStatement(listingsSearchStatement(q, text));
  let note: string | undefined;
  if (withNote) {
    const [m] = await database.rawQuery<{ total: number }>(statement.sql, statement.params);
    const [n] = await database.rawQuery<{ n: number }>(
      "select count(*)::int as n from listings where state = 'published' and kind = $1",
      [q.kind],
    );
    note = `${m?.total} of ${n?.n} published ${q.kind} listings match`;
  }
  return {
    url: `/api/listings?${new URLSearchParams(raw)}`,
    stages: [[statement]],
    note,
    // Builds the catalog's in-memory index first, as on a server that has been up.
    warm: `/api/listings?kind=${q.kind}&page=40&pageSize=5`,
  };
}

const LISTINGS_QUERY = {
  kind: "capability",
  q: "фрезерная",
  processes: "cnc_milling",
  materials: "aluminium",
};

/**
 * The challenges catalog as a guest searches it: the API answers from the search engine (matches, then
 * the page; cached per catalog generation), the raw SQL is the same answer from one statement
 * (scripts/bench.challenges.ts).
 */
async function challengesCase(database: Database, raw: Record<string, string>, withNote = true) {
  const q = ChallengesQuery.parse(raw);
  const text = q.q?.trim() ? await searchText(database.db, CHALLENGES_CATALOG, q.q) : undefined;
  const statement = toStatement(challengesSearchStatement(q, text));
  let note: string | undefined;
  if (withNote) {
    const [m] = await database.rawQuery<{ total: number }>(statement.sql, statement.params);
    const [n] = await database.rawQuery<{ n: number }>(
      "select count(*)::int as n from challenges where state::text in ('accepting', 'evaluation', 'results', 'closed')",
    );
    note = `${m?.total ?? 0} of ${n?.n} public challenges match`;
  }
  return { url: `/api/challenges?${new URLSearchParams(raw)}`, stages: [[statement]], note };
}

const CHALLENGES_QUERY = { q: "мониторинг", reward: "paid_pilot,contract", status: "accepting,evaluation" };

/**
 * The pilot-testing sites' catalog as a guest searches it: the API runs the page and the total at once,
 * the raw SQL is the same answer from one statement (scripts/bench.pilots.ts).
 */
async function sitesCase(database: Database, raw: Record<string, string>): Promise<Prepared> {
  const statement = toStatement(sitesSearchStatement(SitesQuery.parse(raw)));
  const [m] = await database.rawQuery<{ total: number }>(statement.sql, statement.params);
  const [n] = await database.rawQuery<{ n: number }>("select count(*)::int as n from pilot_sites");
  return {
    url: `/api/pilot-sites?${new URLSearchParams(raw)}`,
    stages: [[statement]],
    note: `${m?.total ?? 0} of ${n?.n} sites match`,
  };
}

const SITES_QUERY = { q: "датчики", price: "free" };

/**
 * The projects catalog as a guest searches it (a text and two facets): the API answers from its cache of
 * the catalog's generation after the first request (on a miss: the text's matches, then filters, facets,
 * total and order in the catalog's in-memory index, and the page's cards), the raw SQL is the same
 * answer from one statement (scripts/bench.projects.ts), checked once to be the API's.
 */
async function projectsCase(
  database: Database,
  raw: Record<string, string>,
  withNote = true,
): Promise<Prepared> {
  const q = ProjectsQuery.parse(raw);
  const text = q.q?.trim() ? await searchText(database.db, PROJECTS_CATALOG, q.q) : undefined;
  const statement = toStatement(projectsSearchStatement(q, text));
  let note: string | undefined;
  if (withNote) {
    const [m] = await database.rawQuery<{ total: number }>(statement.sql, statement.params);
    const [n] = await database.rawQuery<{ n: number; joint: number }>(
      "select count(*)::int as n, (count(*) filter (where joint))::int as joint from projects",
    );
    note = `${m?.total ?? 0} of ${n?.n} projects (${n?.joint} joint) match`;
  }
  return {
    url: `/api/projects?${new URLSearchParams(raw)}`,
    stages: [[statement]],
    note,
    ...(withNote ? { answer: (rows: Record<string, unknown>[]) => projectsAnswer(rows, q) } : {}),
  };
}

const PROJECTS_QUERY = { q: "цифровой двойник", stage: "pilot,production", joint: "true" };

/** A listing's page as a guest sees it: the service's statement (the one the API runs on a miss). */
async function listingPageCase(database: Database, id: string): Promise<Prepared> {
  return { url: `/api/listings/${id}`, stages: [[toQuery(publicListingQuery(database.db, id))]] };
}

// Later modules add their endpoints here.
const cases: Case[] = [
  {
    name: "navigator search, member, eligibility=eligible (190 measures)",
    scale: "demo",
    auth: "member",
    prepare: (database) => navigatorCase(database, NAVIGATOR_QUERY),
  },
  {
    name: "navigator search, member, eligibility=eligible (10,000 measures)",
    auth: "member",
    prepare: (database) => navigatorCase(database, NAVIGATOR_QUERY),
  },
  {
    name: "admin user search (broad: 'ov')",
    url: "/api/admin/users?q=ov",
    auth: "admin",
    queries: (db) => {
      const q = adminUsersQueries(db, { q: "ov", page: 1, pageSize: 20 });
      return [toQuery(q.items), toQuery(q.total)];
    },
  },
  {
    name: "admin user search (narrow: 'admin@')",
    url: "/api/admin/users?q=admin%40",
    auth: "admin",
    queries: (db) => {
      const q = adminUsersQueries(db, { q: "admin@", page: 1, pageSize: 20 });
      return [toQuery(q.items), toQuery(q.total)];
    },
  },
  {
    name: "directory search (broad: 'технологии')",
    prepare: (database) => directoryCase(database, { q: "технологии" }),
  },
  {
    name: "directory search (narrow: 'Газпром')",
    prepare: (database) => directoryCase(database, { q: "Газпром" }),
  },
  {
    name: "organization page (/api/directory/:id)",
    prepare: async (database) => {
      const [org] = await database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(sql`${organizations.shortName} = 'Технопарк «Строгино»'`);
      return organizationPageCase(database, org?.id ?? missing("the seeded technopark"));
    },
  },
  {
    name: "directory mix (realistic: filters, words, places, typos)",
    prepare: async (database) =>
      mixCase(await directoryMix(database), (raw) => directoryCase(database, raw, false), "guest"),
  },
  {
    name: "navigator mix (realistic, member, 10,000 measures)",
    auth: "member",
    prepare: async (database) =>
      mixCase(await navigatorMix(database), (raw) => navigatorCase(database, raw), "the demo member"),
  },
  {
    name: "organization page mix (5,000 organizations, Zipf)",
    prepare: async (database) => {
      const ids = await database.rawQuery<{ id: string }>(
        "select id from organizations order by md5(id::text) limit 5000",
      );
      return mixCase(
        ids.map((r) => ({ id: r.id })),
        (raw) => organizationPageCase(database, raw.id!),
        "guest",
        (raw) => `/api/directory/${raw.id}`,
      );
    },
  },
  {
    name: "listings search (capability: 'фрезерная', processes, materials)",
    prepare: (database) => listingsCase(database, LISTINGS_QUERY),
  },
  {
    name: "listing page (/api/listings/:id)",
    prepare: async (database) => {
      const [l] = await database.rawQuery<{ id: string }>(
        "select id from listings where state = 'published' and kind = 'capability' order by published_at desc, id limit 1",
      );
      return listingPageCase(database, l?.id ?? missing("a published listing"));
    },
  },
  {
    name: "listings mix (realistic: kinds, words, facets, typos)",
    prepare: async (database) => ({
      ...(await mixCase(await listingsMix(database), (raw) => listingsCase(database, raw, false), "guest")),
      warm: "/api/listings?kind=capability&page=40&pageSize=5",
    }),
  },
  {
    name: "listing page mix (5,000 listings, Zipf)",
    prepare: async (database) => {
      const ids = await database.rawQuery<{ id: string }>(
        "select id from listings where state = 'published' order by md5(id::text) limit 5000",
      );
      return mixCase(
        ids.map((r) => ({ id: r.id })),
        (raw) => listingPageCase(database, raw.id!),
        "guest",
        (raw) => `/api/listings/${raw.id}`,
      );
    },
  },
  {
    name: "challenges search ('мониторинг', reward, state)",
    prepare: (database) => challengesCase(database, CHALLENGES_QUERY),
  },
  {
    name: "challenges mix (realistic: words, typos, rewards, states)",
    prepare: async (database) =>
      mixCase(await challengesMix(database), (raw) => challengesCase(database, raw, false), "guest"),
  },
  {
    name: "challenge ranking (500 submissions, 3 experts, stage 1)",
    auth: "admin",
    prepare: async (database) => {
      const [c] = await database.rawQuery<{ id: string; n: number; criteria: { weight: number }[] }>(
        `select c.id, c.criteria, (select count(*)::int from challenge_submissions s where s.challenge_id = c.id) as n
          from challenges c where c.title_ru = $1`,
        [RANKED_TITLE],
      );
      if (!c) missing("the ranked challenge");
      return {
        url: `/api/challenges/${c.id}/evaluation`,
        stages: [[toStatement(challengeRankingStatement(c, 1))]],
        note: `${c.n} submissions ranked as the owner sees them`,
        answer: (rows) => rows[0]?.evaluation,
      };
    },
  },
  {
    name: "pilot sites search ('датчики', free)",
    prepare: (database) => sitesCase(database, SITES_QUERY),
  },
  {
    name: "projects search ('цифровой двойник', stage, joint)",
    prepare: (database) => projectsCase(database, PROJECTS_QUERY),
  },
  {
    name: "projects mix (realistic: words, typos, stages, TRL, industries, joint)",
    prepare: async (database) =>
      mixCase(await projectsMix(database), (raw) => projectsCase(database, raw, false), "guest"),
  },
  {
    name: "project page (/api/projects/:id, a consortium with money)",
    prepare: async (database) => {
      const [p] = await database.rawQuery<{ id: string; n: number }>(
        `select p.id, (select count(*)::int from project_members m where m.project_id = p.id) as n
          from projects p where p.joint and exists (select 1 from project_entries e
            where e.project_id = p.id and e.state = 'confirmed')
          order by n desc, p.id limit 1`,
      );
      if (!p) missing("a joint project with confirmed money");
      return {
        url: `/api/projects/${p.id}`,
        stages: [[toStatement(projectPageStatement(p.id))]],
        note: `${p.n} organizations in its consortium; guest`,
      };
    },
  },
  {
    // Issue 14: the operator's grants queue at its busiest stage (the completeness check), the page of
    // the oldest submissions with the count; scripts/bench.grants.ts.
    name: "grants queue (/api/operator/grant-applications, submitted, operator)",
    auth: "operator",
    prepare: async (database) => {
      const [n] = await database.rawQuery<{ n: number; all: number }>(
        "select (count(*) filter (where state = 'submitted'))::int as n, count(*)::int as \"all\" from grant_applications",
      );
      return {
        url: "/api/operator/grant-applications?state=submitted&page=1&pageSize=20",
        stages: [[toStatement(grantQueueStatement("submitted"))]],
        answer: (rows) => grantQueueAnswer(rows),
        note: `${n?.n} of ${n?.all} applications submitted`,
      };
    },
  },
  {
    // Issue 14: the API answers from memory between writes (the answer kept per generation of the
    // organizations, projects, challenges and pilots, and per month); the raw SQL is its one aggregate
    // statement, computed on every round — what the first request after a write costs.
    name: "cluster in numbers (/api/public/numbers)",
    prepare: async () => ({
      url: "/api/public/numbers",
      stages: [[toStatement(numbersStatement(numberMonths(moscowToday())[0]!))]],
      note: "guest; every figure and 8 series of 24 months from one statement",
    }),
  },
  // Issue 15: the operator's dashboards at their default filters, each beside its heaviest statement
  // (scripts/bench.analytics.ts).
  ...analyticsCases().map(
    (a): Case => ({
      name: a.name,
      auth: "operator",
      prepare: async () => ({
        url: a.url,
        stages: [[toStatement(a.statement)]],
        note: `${a.note}; operator`,
      }),
    }),
  ),
];

/** Publishes of the measure fitting everyone, each waited for until its notices are all written. */
const PUBLISH_RUNS = 3;
const PUBLISH_CASE = "publish a measure fitting all organizations (notices job)";
const PUBLISH_TITLE = "Бенчмарк: мера для всех организаций";

/**
 * Issue 10 §1: the operator publishes a measure with no criteria (it fits every organization); the
 * request sends the `measures.notices` job in its transaction and answers; the job (pg-boss, started
 * here as main.ts starts it) tells every member of every organization. Measured: the publish request
 * (p50 of PUBLISH_RUNS, each a new measure) and the time from sending it until its job completed with
 * every notice written. The measures and what they wrote are removed afterwards.
 */
async function publishCase(address: string, database: Database, cookie: string): Promise<string[]> {
  const headers = { cookie, "content-type": "application/json" };
  const requestMs: number[] = [];
  const deliveredMs: number[] = [];
  let notices = 0;
  const ids: string[] = [];
  try {
    for (let i = 0; i < PUBLISH_RUNS; i++) {
      const created = await fetch(`${address}/api/operator/measures`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          titleRu: `${PUBLISH_TITLE} ${i + 1}`,
          descriptionRu: "Мера без критериев: подходит каждой организации кластера.",
          provider: "Бенчмарк",
          providerKind: "city_body",
          level: "city",
          form: "consulting",
          criteria: {},
        }),
      });
      if (created.status !== 201)
        throw new Error(`creating the measure: ${created.status} ${await created.text()}`);
      const { id, version } = (await created.json()) as { id: string; version: number };
      ids.push(id);
      const t0 = performance.now();
      const published = await fetch(`${address}/api/operator/measures/${id}/publish`, {
        method: "POST",
        headers,
        body: JSON.stringify({ version }),
      });
      requestMs.push(performance.now() - t0);
      if (published.status !== 200)
        throw new Error(`publishing: ${published.status} ${await published.text()}`);
      const key = `${id}:${((await published.json()) as { version: number }).version}`;
      for (;;) {
        const [job] = await database.rawQuery<{ state: string }>(
          "select state from pgboss.job where name = 'measures.notices' and singleton_key = $1",
          [key],
        );
        if (job?.state === "completed") break;
        if (job?.state === "failed") throw new Error(`the notices job failed: ${key}`);
        if (performance.now() - t0 > 600_000) throw new Error("the notices job did not finish in 10 minutes");
        await new Promise((r) => setTimeout(r, 100));
      }
      deliveredMs.push(performance.now() - t0);
      const [n] = await database.rawQuery<{ n: number }>(
        "select count(*)::int as n from measure_notices where measure_id = $1",
        [id],
      );
      notices = n?.n ?? 0;
    }
  } finally {
    await database.rawQuery("delete from notifications where data->>'title' like $1", [`${PUBLISH_TITLE}%`]);
    await database.rawQuery("delete from mail_outbox where subject like $1", [`%${PUBLISH_TITLE}%`]);
    for (const id of ids) {
      await database.rawQuery("delete from measure_notices where measure_id = $1", [id]);
      await database.rawQuery("delete from measures where id = $1", [id]);
    }
  }
  requestMs.sort((a, b) => a - b);
  deliveredMs.sort((a, b) => a - b);
  return [
    `  publish request: p50 ${percentile(requestMs, 50).toFixed(0)} ms, max ${requestMs.at(-1)?.toFixed(0)} ms (${PUBLISH_RUNS} publishes)`,
    `  every notice written: p50 ${(percentile(deliveredMs, 50) / 1000).toFixed(1)} s, max ${((deliveredMs.at(-1) ?? 0) / 1000).toFixed(1)} s (${notices} users told per publish)`,
  ];
}

function missing(what: string): never {
  throw new Error(`${what} is missing: reseed the bench database`);
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function rawSql(database: Database, choices: Query[][][]) {
  const latencies: number[] = [];
  const end = Date.now() + duration * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const stages = choices[Math.floor(Math.random() * choices.length)]!;
      const t = performance.now();
      for (const queries of stages) await Promise.all(queries.map((q) => database.rawQuery(q.sql, q.params)));
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / duration, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function prepare(
  target: "pg" | "pglite",
  scale: Scale,
): Promise<{ database: Database; release: () => void }> {
  const suffix = scale === "demo" ? "_demo" : "";
  if (target === "pg") {
    const base = new URL(
      process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/innocluster_bench",
    );
    base.pathname += suffix;
    const url = base.toString();
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    const exists = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!exists.rowCount) await c.query(`create database ${name}`);
    await c.end();
    const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
    return { database, release: () => {} };
  }
  const dir =
    (process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), "innocluster-bench-pglite")) +
    suffix.replace("_", "-");
  const release = acquireDataDirLock(dir);
  return { database: await openDatabase({ dataDir: dir }), release };
}

async function signIn(address: string, email: string) {
  const res = await fetch(`${address}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** Makes the demo member act for its own organization (the one the navigator's verdicts are for). */
async function setActiveOrganization(address: string, cookie: string) {
  const mine = (await (await fetch(`${address}/api/me/organizations`, { headers: { cookie } })).json()) as {
    items: { organization: { id: string; shortName: string } }[];
  };
  const org = mine.items.find((i) => i.organization.shortName === DEMO_USER_ORG);
  if (!org) throw new Error(`${DEMO_USER_EMAIL} is not a member of ${DEMO_USER_ORG}: reseed`);
  const res = await fetch(`${address}/api/me/active-organization`, {
    method: "PUT",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ organizationId: org.organization.id }),
  });
  if (!res.ok) throw new Error(`setting the active organization: ${res.status}`);
}

/**
 * Not an autocannon case: the time from sending a message (POST on server A, as the operator) to its
 * event arriving on an SSE stream the applicant's member holds open on server B, one message at a time.
 * On PostgreSQL, B is a second app server (its own pool and LISTEN connection) on the same database, as
 * in twoservers.pg.test.ts; PGlite is one process's embedded database, so there A and B are one server.
 */
const MESSAGE_CASE = "message send → delivered to another server's SSE client";
const MESSAGES = 200;

async function messageDelivery(
  target: "pg" | "pglite",
  database: Database,
  config: ReturnType<typeof loadConfig>,
  a: string,
): Promise<string[]> {
  let second: Awaited<ReturnType<typeof buildApp>> | undefined;
  let secondDb: Database | undefined;
  let b = a;
  if (target === "pg" && database.url) {
    secondDb = await openDatabase({ databaseUrl: database.url, poolSize: 3 });
    second = await buildApp({
      services: { database: secondDb, config, mailQueued: () => {} },
      logger: false,
      serveWeb: false,
    });
    b = await second.listen({ host: "127.0.0.1", port: 0 });
  }
  try {
    const [org] = await database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`${organizations.shortName} = ${DEMO_USER_ORG}`);
    const conv = await database.db.transaction((tx) =>
      openConversation(tx, {
        // one conversation for every run (openConversation is idempotent)
        subject: { kind: "status_application", id: "00000000-0000-4000-8000-00000000b001" },
        parties: [{ organizationId: org?.id ?? missing(DEMO_USER_ORG) }, { operator: true }],
        title: "Бенчмарк",
      }),
    );
    const operator = DEMO_ACCOUNTS.find((x) => x.role === "operator")!;
    const [writer, reader] = await Promise.all([signIn(a, operator.email), signIn(b, DEMO_USER_EMAIL)]);
    const stream = await openSse(`${b}/api/conversations/events`, reader);
    await stream.next("ready");
    const times: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const sent = performance.now();
      const res = await fetch(`${a}/api/conversations/${conv.id}/messages`, {
        method: "POST",
        headers: { cookie: writer, "content-type": "application/json" },
        body: JSON.stringify({ body: `Сообщение ${i + 1}` }),
      });
      if (res.status !== 201) throw new Error(`sending a message: ${res.status}`);
      const e = await stream.next("conversation", 5000);
      times.push(e.at - sent);
    }
    stream.close();
    times.sort((x, y) => x - y);
    return [
      `${MESSAGE_CASE}${target === "pg" ? " (2 servers)" : " (1 server)"}`,
      "-",
      (1000 / (times.reduce((x, y) => x + y, 0) / times.length)).toFixed(0),
      percentile(times, 50).toFixed(1),
      percentile(times, 99).toFixed(1),
      "-",
      "-",
      "-",
      "-",
    ];
  } finally {
    await second?.close();
    await secondDb?.close();
  }
}

async function run(target: "pg" | "pglite", scale: Scale) {
  const mine = cases.filter((c) => (c.scale ?? "full") === scale && c.name.includes(values.only));
  const withMessages = scale === "demo" && MESSAGE_CASE.includes(values.only);
  const publish = scale === "full" && PUBLISH_CASE.includes(values.only);
  if (!mine.length && !withMessages && !publish) return;
  console.log(
    `\n=== ${target === "pg" ? "PostgreSQL server" : "PGlite (embedded)"}, ${scale === "full" ? "full scale" : "demo scale"} ===`,
  );
  const { database, release } = await prepare(target, scale);
  try {
    await database.migrate();
    if (!(await isSeeded(database.db))) {
      console.log(`Seeding the ${scale} scale (once; kept for later runs)…`);
      const t = Date.now();
      await seed(database.db, scale, (label, done, total) => {
        if (done === total || done % 20000 === 0) process.stdout.write(`\r  ${label} ${done}/${total}   `);
      });
      console.log(`\n  seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    // A database seeded before the full teams, sites, pilots and projects existed gets them (once).
    if (scale === "full") await completeFullScale(database.db);
    const limit = values["rate-limit"];
    const config = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "b".repeat(40),
      PUBLIC_URL: "http://127.0.0.1",
      IPLOG_SIGNING_KEY: newSigningKey(),
      LOG_LEVEL: "silent",
      // Without --rate-limit one client address sends thousands of requests: every API route has a
      // per-IP limit. With it, the requests come from many addresses through one trusted proxy hop.
      RATE_LIMIT: limit === "off" ? "off" : "on",
      RATE_LIMIT_STORE: limit === "memory" ? "memory" : "database",
      TRUST_PROXY: "1",
    });
    if (limit !== "off") {
      process.env.BENCH_CLIENTS ??= "1000";
      console.log(`  rate limit: ${limit} store, ${process.env.BENCH_CLIENTS} client addresses`);
    }
    const app = await buildApp({
      services: { database, config, mailQueued: () => {} },
      logger: false,
      serveWeb: false,
      // Every request waits for its own claim (claims of concurrent requests still share a statement).
      ...(limit === "database-each"
        ? { rateLimitStore: { claimSize: () => 1, credit: () => 0, batchMs: 0 } }
        : {}),
    });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    const operator = DEMO_ACCOUNTS.find((a) => a.role === "operator")!;
    const cookies = {
      admin: await signIn(address, admin.email),
      member: await signIn(address, DEMO_USER_EMAIL),
      operator: await signIn(address, operator.email),
    };
    await setActiveOrganization(address, cookies.member);
    const rowsOut: string[][] = [];
    for (const c of mine) {
      const prepared: Prepared = c.prepare
        ? await c.prepare(database)
        : { url: c.url!, stages: [c.queries!(database.db)], note: undefined };
      if (prepared.note) console.log(`  ${c.name}: ${prepared.note}`);
      if (prepared.mix) fs.writeFileSync(MIX_FILE, JSON.stringify(prepared.mix.paths));
      process.env.BENCH_MIX_FILE = prepared.mix ? MIX_FILE : "";
      if (prepared.warm) {
        const t = performance.now();
        const res = await fetch(`${address}${prepared.warm}`, {
          headers: c.auth ? { cookie: cookies[c.auth] } : {},
        });
        console.log(`  warm-up ${prepared.warm}: ${res.status} in ${(performance.now() - t).toFixed(0)} ms`);
      }
      if (prepared.answer) {
        const api = await fetch(`${address}${prepared.url}`, {
          headers: c.auth ? { cookie: cookies[c.auth] } : {},
        });
        const [q] = prepared.stages.flat();
        const same = isDeepStrictEqual(
          await api.json(),
          prepared.answer(await database.rawQuery(q!.sql, q!.params)),
        );
        console.log(`  ${c.name}: the raw SQL's answer is the API's: ${same ? "yes" : "NO"}`);
      }
      const before = { ...searchCacheStats };
      // The load runs in a worker thread: the server's event loop serves requests, not the client.
      const res = await autocannon({
        url: `${address}${prepared.url}`,
        connections,
        duration,
        workers: 1,
        headers: c.auth ? { cookie: cookies[c.auth] } : {},
        ...(prepared.mix || limit !== "off" ? { requests: [{ setupRequest: MIX_REQUEST }] } : {}),
      });
      if (res.non2xx) console.warn(`  ${c.name}: ${res.non2xx} non-2xx answers`);
      const hits = searchCacheStats.hits - before.hits;
      const lookups = hits + searchCacheStats.misses - before.misses;
      const sqlRes = await rawSql(database, prepared.mix?.stages ?? [prepared.stages]);
      rowsOut.push([
        c.name,
        lookups ? `${Math.round((100 * hits) / lookups)}%` : "-",
        res.requests.average.toFixed(0),
        res.latency.p50.toFixed(1),
        res.latency.p99.toFixed(1),
        sqlRes.rps.toFixed(0),
        sqlRes.p50.toFixed(1),
        sqlRes.p99.toFixed(1),
        (res.latency.p50 / Math.max(sqlRes.p50, 0.1)).toFixed(2),
      ]);
    }
    if (withMessages) rowsOut.push(await messageDelivery(target, database, config, address));
    const head = [
      "endpoint",
      "cache hits",
      "API req/s",
      "API p50 ms",
      "API p99 ms",
      "SQL q/s",
      "SQL p50 ms",
      "SQL p99 ms",
      "API/SQL p50",
    ];
    const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
    if (rowsOut.length) {
      console.log(line(head));
      for (const r of rowsOut) console.log(line(r));
    }
    if (publish) {
      // The job queue works as in main.ts (polling every 2 s), on this database.
      await app.services.jobs.start({
        database,
        config,
        storage: app.services.storage,
        scheduled: [],
        mailQueued: () => {},
        log: { info: () => {}, error: (o, m) => console.error(m, o) },
      });
      console.log(PUBLISH_CASE);
      for (const l of await publishCase(address, database, cookies.operator)) console.log(l);
      await app.services.jobs.stop();
    }
    if (scale === "full" && IPLOG_CASE.includes(values.only)) {
      console.log(IPLOG_CASE);
      for (const l of await ipLogCase(database.db)) console.log(l);
    }
    await app.close();
  } finally {
    await database.close();
    release();
  }
}

/** The mixes' paths go to the load worker through this file. */
const MIX_FILE = path.join(os.tmpdir(), `innocluster-bench-mix-${process.pid}.json`);
const MIX_REQUEST = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench-mix-request.cjs");

const targets = values.target === "both" ? (["pg", "pglite"] as const) : [values.target as "pg" | "pglite"];
const scales = values.scale === "both" ? (["full", "demo"] as const) : [values.scale as Scale];
for (const t of targets) for (const scale of scales) await run(t, scale);
