/**
 * Finding 8: a property-based fuzz test over every operation of the OpenAPI document. Bodies, query
 * strings and path parameters come from the operation's own schemas, half of them mutated (wrong
 * types, huge and deep values, NUL, lone surrogates, bidi overrides, NaN-like strings, -0, extra
 * properties), sent as a guest and as each role. No answer may be a 5xx, every 4xx is problem+json,
 * and /api/health answers after each operation. FUZZ_SEED and FUZZ_RUNS reproduce or deepen a run.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measures } from "./modules/measures/measures.schema.js";
import { addMember, createOrg } from "./modules/organizations/organizations.fixtures.js";
import { arbitraryOf, type Components, mutated, nasty, type Schema } from "./test/arbitrary.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "./test/helpers.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

type Parameter = { in: "path" | "query"; name: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
type Method = "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
type Request = { method: Method; url: string; body?: string };

const ROLES = ["guest", "owner", "operator", "expert", "admin"] as const;
/** Server-Sent Events streams (text/event-stream): they stay open while the client listens. */
const STREAMS = new Set(["/api/conversations/events"]);
type Role = (typeof ROLES)[number];

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Components } };
const clients = {} as Record<Role, Client>;
const users = {} as Record<Exclude<Role, "guest">, { id: string; email: string }>;
/** Real ids for path parameters, so some requests reach a record instead of a 404. */
const knownIds: string[] = [];

async function signIn(role: Exclude<Role, "guest">) {
  clients[role] = await signedIn(t, users[role]);
}

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT: "off" });
  doc = (await new Client(t.app).get("/api/openapi.json")).json();
  users.owner = await createUser(t.database, { fullName: "Орлова Мария Сергеевна" });
  users.operator = await createUser(t.database, { role: "operator" });
  users.expert = await createUser(t.database, { role: "expert" });
  users.admin = await createUser(t.database, { role: "admin" });
  const org = await createOrg(t.database);
  const other = await createUser(t.database, { fullName: "Соколов Артём Ильич" });
  await addMember(t.database, org.id, users.owner.id, "owner");
  await addMember(t.database, org.id, other.id, "member");
  const [measure] = await t.database.db
    .insert(measures)
    .values({
      titleRu: "Грант на развитие технологических стартапов",
      status: "published",
      provider: "Фонд содействия инновациям",
      providerKind: "federal_body",
      level: "federal",
      form: "grant",
      publishedAt: new Date(),
    })
    .returning();
  knownIds.push(org.id, other.id, measure!.id);
  clients.guest = new Client(t.app);
  for (const role of ["owner", "operator", "expert", "admin"] as const) await signIn(role);
  await clients.owner.request("PUT", "/api/me/active-organization", { organizationId: org.id });
}, 60_000);
afterAll(() => t.close());

const asQueryValue = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
    : [typeof v === "string" ? v : JSON.stringify(v)];

/** A path segment as a client may write it: a lone surrogate goes out as its raw (invalid UTF-8) bytes. */
function pathSegment(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const encoded = encodeURIComponent(text.replace(lone, "\uFFFD"));
  return lone.test(text) ? `${encoded}%ED%A0%80` : encoded;
}

/** Requests for one operation: path and query from its parameters, the body from its schema. */
function requests(method: Method, path: string, op: Operation): fc.Arbitrary<Request> {
  const components = doc.components?.schemas ?? {};
  const params = op.parameters ?? [];
  const pathArb = fc.tuple(
    ...params
      .filter((p) => p.in === "path")
      .map((p) =>
        fc.tuple(
          fc.constant(p.name),
          fc.oneof(
            { weight: 2, arbitrary: arbitraryOf(p.schema, components) },
            { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
            { weight: 1, arbitrary: nasty },
          ),
        ),
      ),
  );
  const query = params.filter((p) => p.in === "query");
  const queryModel = Object.fromEntries(query.map((p) => [p.name, arbitraryOf(p.schema, components)]));
  const queryArb = mutated(
    fc.record(queryModel, { requiredKeys: query.filter((p) => p.required).map((p) => p.name) }),
  );
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  const bodyArb = bodySchema ? mutated(arbitraryOf(bodySchema, components)) : fc.constant(undefined);
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, q, body]) => {
    let url = path;
    for (const [name, value] of pathValues) url = url.replace(`{${name}}`, pathSegment(value));
    const search = new URLSearchParams();
    if (q !== null && typeof q === "object" && !Array.isArray(q)) {
      for (const [k, v] of Object.entries(q)) for (const s of asQueryValue(v)) search.append(k, s);
    } else if (q !== undefined) search.append("q", asQueryValue(q)[0] ?? "");
    const qs = search.toString();
    return {
      method,
      url: qs ? `${url}?${qs}` : url,
      ...(body !== undefined || bodySchema ? { body: JSON.stringify(body ?? null) } : {}),
    };
  });
}

async function send(role: Role, r: Request) {
  return clients[role].request(
    r.method,
    r.url,
    r.body,
    r.body === undefined ? {} : { "content-type": "application/json" },
  );
}

describe("fuzzing every operation of the OpenAPI document", () => {
  it("lists the operations it fuzzes", () => {
    const n = Object.values(doc.paths).reduce((s, ops) => s + Object.keys(ops).length, 0);
    expect(n).toBeGreaterThan(70);
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase() as Method, path, op })),
    );

  it(`no answer is a 5xx, every 4xx is problem+json, health answers between batches (seed ${SEED})`, async () => {
    const failures: string[] = [];
    for (const { method, path, op } of operations()) {
      // An event stream answers a signed-in user with a response that never ends (by design): only the
      // guest's refusal is fuzzed here; conversations.sse.test.ts covers the streams themselves.
      for (const role of STREAMS.has(path) ? (["guest"] as const) : ROLES) {
        let found = "";
        try {
          await fc.assert(
            fc.asyncProperty(requests(method, path, op), async (r) => {
              const res = await send(role, r);
              const where = `${r.method} ${r.url.slice(0, 200)} ${r.body?.slice(0, 200) ?? ""}`;
              if (res.statusCode >= 500) found = `${res.statusCode} for ${where}: ${res.body.slice(0, 300)}`;
              else if (
                res.statusCode >= 400 &&
                !/^application\/problem\+json/.test(String(res.headers["content-type"]))
              )
                found = `${res.statusCode} not problem+json for ${where}`;
              return !found;
            }),
            { seed: SEED, numRuns: RUNS, endOnFailure: true },
          );
        } catch (err) {
          const at = /\{ seed: [^}]*\}/.exec((err as Error).message)?.[0] ?? "";
          failures.push(
            `${method} ${path} as ${role} ${at}: ${found || (err as Error).message.slice(0, 500)}`,
          );
        }
        // A fuzzed request may have signed the role out (sign-out, an ended session): sign in again.
        if (role !== "guest" && !(await clients[role].get("/api/me")).json().user) await signIn(role);
      }
      const health = await new Client(t.app).get("/api/health");
      expect(health.statusCode, `health after ${method} ${path}`).toBe(200);
    }
    expect(failures, `FUZZ_SEED=${SEED} reproduces these`).toEqual([]);
  }, 180_000);
});
