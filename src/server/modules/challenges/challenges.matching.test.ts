import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import {
  type ChallengeView,
  challengeBody,
  ok,
  openChallenge,
  submissionBody,
} from "./challenges.fixtures.js";
import { sendChallengeMatches } from "./challenges.matching.js";
import { challengeMatches } from "./challenges.schema.js";

const t = testAppForFile();
const KIND = "challenges.matched";
let op: Client;
let guest: Client;
let corp: Awaited<ReturnType<typeof orgWithTeam>>;

type Org = { id: string; userId: string; c: Client };
type Card = { id: string; industries: string[]; tags: string[] };
type Page = { items: Card[]; total: number };

/** A verified organization with one signed-in owner, its type, status and profile's industries and tags. */
async function org(
  o: {
    type?: "legal_entity" | "university" | "corporation" | "individual_entrepreneur";
    status?: "registered" | "participant" | "partner";
    okved?: string[];
    tags?: string[];
    suspended?: boolean;
  } = {},
): Promise<Org> {
  const created = await createOrg(t.database, { type: o.type, status: o.status });
  await t.database.db
    .update(organizations)
    .set({
      okvedSections: o.okved ?? [],
      tags: o.tags ?? [],
      ...(o.suspended && { statusSuspendedAt: new Date() }),
    })
    .where(eq(organizations.id, created.id));
  const u = await createUser(t.database);
  await addMember(t.database, created.id, u.id, "owner");
  return { id: created.id, userId: u.id, c: await signedIn(t, u) };
}

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  guest = new Client(t.app);
  corp = await orgWithTeam(t, { type: "corporation", shortName: "ПАО «Мосэнерго-Тест»" });
});

describe("who may submit", () => {
  it("the challenge shows its requirements; all seven types named are stored as any type", async () => {
    const c = await ok<ChallengeView & { orgTypes: string[]; participantsOnly: boolean }>(
      corp.ownerC.post("/api/challenges", {
        ...challengeBody(corp.org.id),
        orgTypes: ["university", "legal_entity", "university"],
        participantsOnly: true,
      }),
      201,
    );
    expect(c).toMatchObject({ orgTypes: ["legal_entity", "university"], participantsOnly: true });
  });

  it("refuses an organization of another type and a non-participant, naming the rule; accepts one that qualifies", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, {
      orgTypes: ["legal_entity", "university"],
      participantsOnly: true,
    });
    const page = await ok<{ orgTypes: string[]; participantsOnly: boolean }>(
      guest.get(`/api/challenges/${c.id}`),
    );
    expect(page).toMatchObject({ orgTypes: ["legal_entity", "university"], participantsOnly: true });

    const ip = await org({ type: "individual_entrepreneur", status: "participant" });
    const wrongType = await ip.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(ip.id));
    expectProblem(wrongType, 409, "challenge-org-type");
    expect(wrongType.json().title).toMatch(/вуз/i);

    const registered = await org({ type: "legal_entity", status: "registered" });
    expectProblem(
      await registered.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(registered.id)),
      409,
      "challenge-participants-only",
    );
    const suspended = await org({ type: "university", status: "participant", suspended: true });
    expectProblem(
      await suspended.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(suspended.id)),
      409,
      "challenge-participants-only",
    );
    const partner = await org({ type: "university", status: "partner" });
    expectProblem(
      await partner.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(partner.id)),
      409,
      "challenge-participants-only",
    );

    const fit = await org({ type: "university", status: "participant" });
    await ok(fit.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(fit.id)), 201);
  });

  it("a challenge without requirements takes any verified organization", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const ip = await org({ type: "individual_entrepreneur" });
    await ok(ip.c.post(`/api/challenges/${c.id}/submissions`, submissionBody(ip.id)), 201);
  });
});

describe("industries and tags in the catalog", () => {
  let energy: ChallengeView;
  let medical: ChallengeView;

  beforeAll(async () => {
    energy = await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Поиск утечек в тепловых сетях",
      industries: ["D", "C", "D"],
      tags: ["iot", "ai"],
    });
    medical = await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Сортировка обращений в поликлиниках",
      industries: ["Q"],
      tags: ["medtech"],
    });
  });

  it("stores them once each in order and shows them on the cards", async () => {
    const page = await ok<Page>(guest.get("/api/challenges?pageSize=50"));
    const card = page.items.find((i) => i.id === energy.id)!;
    expect(card).toMatchObject({ industries: ["C", "D"], tags: ["ai", "iot"] });
  });

  it("filters by industry and by tag (any of those chosen), with the text", async () => {
    const ids = async (query: string) =>
      (await ok<Page>(guest.get(`/api/challenges?pageSize=50&${query}`))).items.map((i) => i.id);
    expect(await ids("industry=D")).toEqual([energy.id]);
    expect((await ids("industry=D,Q")).sort()).toEqual([energy.id, medical.id].sort());
    expect(await ids("tag=medtech")).toEqual([medical.id]);
    expect(await ids("tag=medtech&industry=D")).toEqual([]);
    expect(await ids(`tag=iot&q=${encodeURIComponent("тепловые сети")}`)).toEqual([energy.id]);
    expect(await ids(`tag=medtech&q=${encodeURIComponent("тепловые сети")}`)).toEqual([]);
    expectProblem(await guest.get("/api/challenges?industry=Z"), 400);
  });

  it("counts each facet under the other filters", async () => {
    type Facets = { facets: { field: string; values: { value: string; count: number }[] }[] };
    const page = await ok<Facets>(guest.get("/api/challenges?tag=medtech"));
    const of = (field: string) =>
      Object.fromEntries(page.facets.find((f) => f.field === field)!.values.map((v) => [v.value, v.count]));
    // Industries under the tag chosen; tags not narrowed by themselves.
    expect(of("industry")).toEqual({ Q: 1 });
    expect(of("tag")).toMatchObject({ medtech: 1, iot: 1, ai: 1 });
  });

  it("finds a challenge by the names of its industries and tags", async () => {
    const ids = async (q: string) =>
      (await ok<Page>(guest.get(`/api/challenges?pageSize=50&q=${encodeURIComponent(q)}`))).items.map(
        (i) => i.id,
      );
    // «Медицинские технологии» is the tag's name, not a word of the challenge's own text.
    expect(await ids("медицинские технологии")).toEqual([medical.id]);
  });
});

describe("matching notices when a challenge opens", () => {
  it("tells the members of each matching organization that may submit, once, never the owner's", async () => {
    const byTag = await org({ type: "legal_entity", status: "participant", tags: ["drones"] });
    const byOkved = await org({ type: "university", status: "participant", okved: ["H", "M"] });
    const wrongType = await org({ type: "individual_entrepreneur", status: "participant", tags: ["drones"] });
    const notParticipant = await org({ type: "legal_entity", status: "registered", tags: ["drones"] });
    const unrelated = await org({
      type: "legal_entity",
      status: "participant",
      tags: ["fintech"],
      okved: ["K"],
    });
    // The owner's admin is also a member of a matching organization: told nothing of their own challenge.
    await addMember(t.database, byTag.id, corp.admin.id, "member");
    await t.database.db
      .update(organizations)
      .set({ tags: ["drones"] })
      .where(eq(organizations.id, corp.org.id));

    const c = await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Доставка анализов дронами между больницами",
      industries: ["H"],
      tags: ["drones"],
      orgTypes: ["legal_entity", "university"],
      participantsOnly: true,
    });
    // The approval sent the job; run it, then once more as a retry would.
    await t.runJobs();
    await sendChallengeMatches(t.database.db, "http://localhost", c.id);

    const matched = (
      await t.database.db.select().from(challengeMatches).where(eq(challengeMatches.challengeId, c.id))
    )
      .map((m) => m.organizationId)
      .sort();
    expect(matched).toEqual([byTag.id, byOkved.id].sort());

    const everyone = [byTag, byOkved, wrongType, notParticipant, unrelated].map((o) => o.userId);
    const notices = (
      await t.database.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, KIND),
            inArray(notifications.userId, [...everyone, corp.owner.id, corp.admin.id, corp.member.id]),
          ),
        )
    ).filter((n) => n.link === `/challenges/${c.id}`);
    expect(notices.map((n) => n.userId).sort()).toEqual([byTag.userId, byOkved.userId].sort());
  });

  it("a challenge without industries or tags matches nobody; a draft is not matched", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, { industries: [], tags: [] });
    expect(await sendChallengeMatches(t.database.db, "http://localhost", c.id)).toBe(0);
    const draft = await openChallenge(corp.ownerC, op, corp.org.id, { tags: ["drones"] }, "draft");
    expect(await sendChallengeMatches(t.database.db, "http://localhost", draft.id)).toBe(0);
    const rows = await t.database.db
      .select()
      .from(challengeMatches)
      .where(inArray(challengeMatches.challengeId, [c.id, draft.id]));
    expect(rows).toEqual([]);
  });
});
