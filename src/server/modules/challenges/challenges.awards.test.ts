import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { moscowToday } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { ok } from "./challenges.fixtures.js";
import { challengeSubmissions, challenges } from "./challenges.schema.js";

const t = testAppForFile();
type Team = Awaited<ReturnType<typeof orgWithTeam>>;
let corp: Team;
let solver: Team;
let rival: Team;
let op: Client;
let guest: Client;

type Award = { kind: string; amount: number; awardedOn: string; documentRu: string | null; version: number };
type Sub = { id: string; decision: string | null; award: Award | null };
type Page = {
  winners: {
    organization: { shortName: string } | null;
    award: Omit<Award, "documentRu" | "version"> | null;
  }[];
};

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  guest = new Client(t.app);
  [corp, solver, rival] = await Promise.all([
    orgWithTeam(t, { shortName: "ГБУ «Мосгортепло-Тест»" }),
    orgWithTeam(t, { shortName: "ООО «Акустик-Сенс»" }),
    orgWithTeam(t, { shortName: "ООО «Теплоконтроль»" }),
  ]);
});

/** A challenge in `state` with the solver's winning and the rival's not-selected submissions, published. */
async function decided(state: "evaluation" | "results" | "closed" = "results") {
  const [c] = await t.database.db
    .insert(challenges)
    .values({
      organizationId: corp.org.id,
      state,
      stage: state === "evaluation" ? 1 : 2,
      titleRu: "Раннее обнаружение утечек в теплосетях",
      problemRu: "Теплосети теряют до 12% тепла на участках от ЦТП до вводов в дома",
      expectedResultRu: "Пилот на 20 домах",
      rewardType: "contract",
      deadline: new Date("2026-01-01T00:00:00Z"),
      resultsAt: state === "evaluation" ? null : new Date(),
      criteria: [{ name: "Эффект", description: "", weight: 100 }],
    })
    .returning();
  const sub = (organizationId: string, decision: "winner" | "not_selected" | null) =>
    t.database.db
      .insert(challengeSubmissions)
      .values({
        challengeId: c!.id,
        organizationId,
        solution: "Акустические датчики на трубопроводах и модель, находящая утечки за сутки",
        trl: 7,
        ipStatus: "patented",
        pilotPlan: "Три месяца на 20 домах",
        passed: 1,
        decision,
        feedbackAt: decision ? new Date() : null,
      })
      .returning()
      .then((r) => r[0]!);
  const decide = state !== "evaluation";
  return {
    c: c!,
    won: await sub(solver.org.id, decide ? "winner" : null),
    lost: await sub(rival.org.id, decide ? "not_selected" : null),
  };
}

const award = (o: Record<string, unknown> = {}) => ({
  kind: "contract",
  amount: 2_400_000,
  awardedOn: moscowToday(),
  documentRu: "Договор № 47-ИК/2026",
  ...o,
});

describe("a winner's award", () => {
  it("the owner records a contract with its amount; the winner reads it and the public page lists the winner with it; a correction names its version", async () => {
    const { c, won } = await decided();
    const before = await ok<Page>(guest.get(`/api/challenges/${c.id}`));
    expect(before.winners).toEqual([
      { organization: expect.objectContaining({ shortName: "ООО «Акустик-Сенс»" }), team: null, award: null },
    ]);

    const first = await ok<Sub>(corp.ownerC.put(`/api/challenge-submissions/${won.id}/award`, award()));
    expect(first.award).toMatchObject({
      kind: "contract",
      amount: 2_400_000,
      documentRu: "Договор № 47-ИК/2026",
      version: 1,
    });
    const read = await ok<Sub>(solver.memberC.get(`/api/challenge-submissions/${won.id}`));
    expect(read.award).toMatchObject({ kind: "contract", amount: 2_400_000 });
    const page = await ok<Page>(guest.get(`/api/challenges/${c.id}`));
    expect(page.winners[0]!.award).toEqual({ kind: "contract", amount: 2_400_000, awardedOn: moscowToday() });
    expect(JSON.stringify(page)).not.toContain("47-ИК");

    // A second first record (someone recorded meanwhile) and a stale correction: 409 with the award now.
    const again = expectProblem(
      await corp.adminC.put(`/api/challenge-submissions/${won.id}/award`, award({ amount: 1 })),
      409,
      "challenge-award-changed",
    );
    expect((again as unknown as { current: Sub }).current.award?.amount).toBe(2_400_000);
    const fixed = await ok<Sub>(
      corp.ownerC.put(
        `/api/challenge-submissions/${won.id}/award`,
        award({ kind: "prize", amount: 500_000, version: 1 }),
      ),
    );
    expect(fixed.award).toMatchObject({ kind: "prize", amount: 500_000, version: 2 });
    expectProblem(
      await corp.ownerC.put(`/api/challenge-submissions/${won.id}/award`, award({ version: 1 })),
      409,
      "challenge-award-changed",
    );
    expect((await ok<Page>(guest.get(`/api/challenges/${c.id}`))).winners[0]!.award?.amount).toBe(500_000);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "challenge_award.record"), eq(auditLog.entityId, won.id)));
    expect(audit.map((a) => (a.after as { amount: number }).amount)).toEqual(
      expect.arrayContaining([2_400_000, 500_000]),
    );
    expect(audit).toHaveLength(2);
  });

  it("two first records at once: one is written, the other gets 409", async () => {
    const { won } = await decided();
    const [a, b] = await Promise.all([
      corp.ownerC.put(`/api/challenge-submissions/${won.id}/award`, award()),
      op.put(`/api/challenge-submissions/${won.id}/award`, award({ kind: "grant", amount: 900_000 })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it("only a winner, only after the results, only by those who manage the challenge, and never a future date or no amount", async () => {
    const { won, lost } = await decided();
    expectProblem(
      await corp.ownerC.put(`/api/challenge-submissions/${lost.id}/award`, award()),
      409,
      "challenge-award-not-winner",
    );
    expectProblem(await solver.ownerC.put(`/api/challenge-submissions/${won.id}/award`, award()), 404);
    expectProblem(await guest.put(`/api/challenge-submissions/${won.id}/award`, award()), 401);
    const future = expectProblem(
      await corp.ownerC.put(
        `/api/challenge-submissions/${won.id}/award`,
        award({ awardedOn: "2999-01-01", amount: 0 }),
      ),
      400,
    );
    expect(Object.keys(fieldErrors(future))).toEqual(["amount"]);
    const late = expectProblem(
      await corp.ownerC.put(`/api/challenge-submissions/${won.id}/award`, award({ awardedOn: "2999-01-01" })),
      400,
    );
    expect(fieldErrors(late).awardedOn).toBe("Дата не может быть позже сегодняшней (по московскому времени)");
    const open = await decided("evaluation");
    const refused = expectProblem(
      await corp.ownerC.put(`/api/challenge-submissions/${open.won.id}/award`, award()),
      409,
      "challenge-transition",
    );
    expect(refused.detail).toBe("Награду фиксируют после публикации итогов; сейчас: экспертная оценка");
    // Nothing was written by the refusals; the public page lists no winner before the results.
    expect((await ok<Sub>(corp.ownerC.get(`/api/challenge-submissions/${won.id}`))).award).toBeNull();
    expect((await ok<Page>(corp.ownerC.get(`/api/challenges/${open.c.id}`))).winners).toEqual([]);
  });
});
