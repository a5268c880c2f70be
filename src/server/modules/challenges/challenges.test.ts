import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import {
  type ChallengeView,
  challengeBody,
  inDays,
  ok,
  openChallenge,
  submissionBody,
} from "./challenges.fixtures.js";

const t = testAppForFile();
let op: Client;
let op2: Client;
let guest: Client;
let stranger: Client;
let corp: Awaited<ReturnType<typeof orgWithTeam>>;

beforeAll(async () => {
  const [o1, o2, u] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { role: "operator" }),
    createUser(t.database),
  ]);
  [op, op2, stranger] = await Promise.all([signedIn(t, o1), signedIn(t, o2), signedIn(t, u)]);
  guest = new Client(t.app);
  corp = await orgWithTeam(t, { shortName: "ПАО «МОЭК-Тест»" });
});

describe("posting a challenge", () => {
  it("the organization's owner or admin posts a draft; a plain member or a stranger cannot (404)", async () => {
    const c = await ok<ChallengeView>(corp.adminC.post("/api/challenges", challengeBody(corp.org.id)), 201);
    expect(c).toMatchObject({ state: "draft", version: 1, me: { manage: true } });
    expectProblem(await corp.memberC.post("/api/challenges", challengeBody(corp.org.id)), 404);
    expectProblem(await stranger.post("/api/challenges", challengeBody(corp.org.id)), 404);
    expectProblem(await guest.post("/api/challenges", challengeBody(corp.org.id)), 401);
  });

  it("an operator posts on an organization's behalf; an unverified organization cannot post", async () => {
    const c = await ok<ChallengeView>(op.post("/api/challenges", challengeBody(corp.org.id)), 201);
    expect(c.state).toBe("draft");
    const fresh = await createOrg(t.database, { verified: false });
    await addMember(t.database, fresh.id, corp.owner.id, "owner");
    expectProblem(
      await corp.ownerC.post("/api/challenges", challengeBody(fresh.id)),
      409,
      "organization-not-verified",
    );
  });

  it("an edit changes what it gives; topics, admission and visibility it leaves out stay as they are", async () => {
    const { organizationId: _o, ...content } = challengeBody(corp.org.id);
    const c = await ok<ChallengeView>(
      corp.ownerC.post(
        "/api/challenges",
        challengeBody(corp.org.id, {
          industries: ["D", "F"],
          tags: ["iot"],
          orgTypes: ["university"],
          participantsOnly: true,
          visibility: "registered",
          teamsAllowed: true,
        }),
      ),
      201,
    );
    const edited = await ok<ChallengeView>(
      corp.ownerC.patch(`/api/challenges/${c.id}`, {
        ...content,
        titleRu: "Снижение потерь тепла в домах ЮАО",
        version: c.version,
      }),
    );
    expect(edited).toMatchObject({
      titleRu: "Снижение потерь тепла в домах ЮАО",
      industries: ["D", "F"],
      tags: ["iot"],
      orgTypes: ["university"],
      participantsOnly: true,
      visibility: "registered",
      teamsAllowed: true,
    });
    // Only a value given changes a field: an empty list clears it.
    const cleared = await ok<ChallengeView>(
      corp.ownerC.patch(`/api/challenges/${c.id}`, {
        ...content,
        industries: [],
        tags: [],
        version: edited.version,
      }),
    );
    expect(cleared).toMatchObject({ industries: [], tags: [], orgTypes: ["university"] });
  });

  it("checks the shared rules: weights sum to 100, a paid pilot's amount, a deadline ahead in Moscow time", async () => {
    const res = await corp.ownerC.post(
      "/api/challenges",
      challengeBody(corp.org.id, {
        criteria: [
          { name: "Эффект", weight: 60 },
          { name: "Цена", weight: 30 },
        ],
        rewardAmount: null,
        deadline: inDays(-1),
      }),
    );
    const errors = fieldErrors(expectProblem(res, 400, "validation"));
    expect(errors.criteria).toBe("Сумма весов должна быть 100, сейчас 90");
    expect(errors.rewardAmount).toBe("Укажите сумму оплачиваемого пилота");
    expect(errors.deadline).toMatch(/московскому времени/);
    const none = await corp.adminC.post(
      "/api/challenges",
      challengeBody(corp.org.id, { rewardType: "none", rewardAmount: 5, deadline: "2027-02-30T10:00" }),
    );
    expect(fieldErrors(expectProblem(none, 400))).toEqual({
      rewardAmount: "No amount without a reward",
      deadline: "Give the date and time as YYYY-MM-DDTHH:MM (Moscow time)",
    });
  });
});

describe("moderation", () => {
  it("approve opens the challenge; reject sends it back to draft with the reason, the owner fixes and resubmits", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, {}, "moderation");
    expect(c.state).toBe("moderation");
    // Not editable on moderation.
    expectProblem(
      await corp.ownerC.patch(`/api/challenges/${c.id}`, {
        ...challengeBody(corp.org.id),
        organizationId: undefined,
        version: c.version,
      }),
      409,
      "challenge-transition",
    );
    expectProblem(
      await op.post(`/api/operator/challenges/${c.id}/decision`, { decision: "reject", version: c.version }),
      400,
    );
    const rejected = await ok<ChallengeView>(
      op.post(`/api/operator/challenges/${c.id}/decision`, {
        decision: "reject",
        reason: "Уточните требования к узлам учёта",
        version: c.version,
      }),
    );
    expect(rejected.state).toBe("draft");
    const seen = await ok<ChallengeView>(corp.ownerC.get(`/api/challenges/${c.id}`));
    expect(seen.rejectReason).toBe("Уточните требования к узлам учёта");
    const [notice] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, corp.owner.id), eq(notifications.kind, "challenges.decided")));
    expect(notice?.data).toMatchObject({ decision: "reject" });
    const { organizationId: _o, ...content } = challengeBody(corp.org.id, {
      requirementsRu: "Совместимость с узлами учёта ВКТ-7",
    });
    const edited = await ok<ChallengeView>(
      corp.ownerC.patch(`/api/challenges/${c.id}`, { ...content, version: seen.version }),
    );
    const again = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/submit`, { version: edited.version }),
    );
    const approved = await ok<ChallengeView>(
      op.post(`/api/operator/challenges/${c.id}/decision`, { decision: "approve", version: again.version }),
    );
    expect(approved.state).toBe("accepting");
    // Illegal moves: approve twice, submit an open one, close before results.
    expectProblem(
      await op.post(`/api/operator/challenges/${c.id}/decision`, {
        decision: "approve",
        version: approved.version,
      }),
      409,
      "challenge-transition",
    );
    expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/submit`, { version: approved.version }),
      409,
      "challenge-transition",
    );
    expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/close`, { version: approved.version }),
      409,
      "challenge-transition",
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "challenge.create",
        "challenge.submit",
        "challenge.reject",
        "challenge.update",
        "challenge.approve",
      ]),
    );
  });

  it("of two concurrent decisions one wins; the other gets 409 with the challenge as it is now", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, {}, "moderation");
    const [a, b] = await Promise.all([
      op.post(`/api/operator/challenges/${c.id}/decision`, { decision: "approve", version: c.version }),
      op2.post(`/api/operator/challenges/${c.id}/decision`, {
        decision: "reject",
        reason: "Дубль",
        version: c.version,
      }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const lost = [a, b].find((r) => r.statusCode === 409)!;
    const body = expectProblem(lost, 409, "challenge-changed") as { current?: ChallengeView };
    expect(body.current?.id).toBe(c.id);
  });

  it("an operator does not decide on a challenge of an organization of their own; a user cannot decide at all", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, {}, "moderation");
    const opUser = await createUser(t.database, { role: "operator" });
    await addMember(t.database, corp.org.id, opUser.id, "member");
    const own = await signedIn(t, opUser);
    expectProblem(
      await own.post(`/api/operator/challenges/${c.id}/decision`, {
        decision: "approve",
        version: c.version,
      }),
      403,
      "own-organization",
    );
    expectProblem(
      await corp.ownerC.post(`/api/operator/challenges/${c.id}/decision`, {
        decision: "approve",
        version: c.version,
      }),
      403,
    );
    const queue = await ok<{ items: { id: string }[] }>(op.get("/api/operator/challenges"));
    expect(queue.items.map((i) => i.id)).toContain(c.id);
  });
});

describe("visibility and the public catalog", () => {
  it("a draft or a challenge on moderation is 404 to guests and strangers; an open one is public with its statistics", async () => {
    const draft = await openChallenge(corp.ownerC, op, corp.org.id, {}, "draft");
    expectProblem(await guest.get(`/api/challenges/${draft.id}`), 404);
    expectProblem(await stranger.get(`/api/challenges/${draft.id}`), 404);
    expectProblem(await corp.memberC.get(`/api/challenges/${draft.id}`), 404);
    const open = await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Умные остановки наземного транспорта",
    });
    const page = await ok<ChallengeView & { experts: unknown[]; rejectReason: string | null }>(
      guest.get(`/api/challenges/${open.id}`),
    );
    expect(page).toMatchObject({ state: "accepting", submissions: 0, regions: 0, stage: null, experts: [] });
    expect(page.deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // Live statistics: three submissions from Moscow and the Moscow region make two regions.
    const [moscowA, moscowB, oblast] = await Promise.all([
      orgWithTeam(t, { shortName: "ООО «Транспортные датчики»" }),
      orgWithTeam(t, { shortName: "ООО «Остановка-Онлайн»" }),
      orgWithTeam(t, { shortName: "ООО «Подмосковные системы»", regionCode: "50" }),
    ]);
    for (const o of [moscowA, moscowB, oblast])
      await ok(o.memberC.post(`/api/challenges/${open.id}/submissions`, submissionBody(o.org.id)), 201);
    const live = await ok<{ submissions: number; regions: number }>(guest.get(`/api/challenges/${open.id}`));
    expect(live).toMatchObject({ submissions: 3, regions: 2 });
  });

  it("searches Russian text (word forms, a typo) and filters by owner, reward, state and deadline", async () => {
    const other = await orgWithTeam(t, { shortName: "ГБУ «Гормост-Тест»" });
    const bridge = await openChallenge(other.ownerC, op, other.org.id, {
      titleRu: "Мониторинг деформаций мостовых сооружений",
      rewardType: "grant",
      rewardAmount: null,
      deadline: inDays(5),
    });
    const byText = await ok<{ items: { id: string }[]; total: number }>(
      guest.get(`/api/challenges?q=${encodeURIComponent("деформация мостов")}`),
    );
    expect(byText.items.map((i) => i.id)).toContain(bridge.id);
    const typo = await ok<{ items: { id: string }[] }>(
      guest.get(`/api/challenges?q=${encodeURIComponent("мониторинк")}`),
    );
    expect(typo.items.map((i) => i.id)).toContain(bridge.id);
    const byOwner = await ok<{ items: { id: string; organization: { id: string } }[] }>(
      guest.get(`/api/challenges?owner=${other.org.id}`),
    );
    expect(byOwner.items.map((i) => i.id)).toEqual([bridge.id]);
    const grants = await ok<{ items: { rewardType: string }[] }>(guest.get("/api/challenges?reward=grant"));
    expect(grants.items.length).toBeGreaterThan(0);
    expect(grants.items.every((i) => i.rewardType === "grant")).toBe(true);
    const soon = await ok<{ items: { id: string }[] }>(
      guest.get(`/api/challenges?owner=${other.org.id}&deadlineTo=${inDays(3).slice(0, 10)}`),
    );
    expect(soon.items).toEqual([]);
    const later = await ok<{ items: { id: string }[] }>(
      guest.get(
        `/api/challenges?owner=${other.org.id}&deadlineFrom=${inDays(3).slice(0, 10)}&status=accepting`,
      ),
    );
    expect(later.items.map((i) => i.id)).toEqual([bridge.id]);
    // Drafts never show in the catalog.
    const drafts = await ok<{ items: { state: string }[] }>(guest.get("/api/challenges?pageSize=100"));
    expect(drafts.items.every((i) => i.state !== "draft" && i.state !== "moderation")).toBe(true);
    expectProblem(await guest.get("/api/challenges?status=draft"), 400);
    expectProblem(await guest.get("/api/challenges?reward=gold"), 400);
  });
});
