import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";

const t = testAppForFile();
let op: Client;
let guest: Client;

const RFQ = { process: "casting", quantity: 40, deadline: "2099-02-01" };
const draft = async (team: Awaited<ReturnType<typeof orgWithTeam>>) => {
  const res = await team.memberC.post("/api/listings", {
    organizationId: team.org.id,
    kind: "rfq",
    titleRu: "Отливки из чугуна СЧ20, 40 шт.",
    descriptionRu: "Корпуса редукторов по модели заказчика, механообработка не нужна.",
    values: RFQ,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};
const submit = (team: Awaited<ReturnType<typeof orgWithTeam>>, l: { id: string; version: number }) =>
  team.memberC.post(`/api/listings/${l.id}/submit`, { version: l.version });

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  guest = new Client(t.app);
});

describe("the operator limits a kind to participants and partners", () => {
  it("refuses others' submissions with a clear message while participants publish, and says so to anyone", async () => {
    const open = (await guest.get("/api/listing-kinds")).json() as {
      items: { kind: string; participantsOnly: boolean }[];
    };
    expect(open.items.every((i) => !i.participantsOnly)).toBe(true);

    const set = await op.put("/api/operator/listing-kinds/rfq", { participantsOnly: true });
    expect(set.statusCode, set.body).toBe(200);
    const now = (await guest.get("/api/listing-kinds")).json() as typeof open;
    expect(now.items.find((i) => i.kind === "rfq")?.participantsOnly).toBe(true);
    expect(now.items.find((i) => i.kind === "capability")?.participantsOnly).toBe(false);

    const registered = await orgWithTeam(t, { status: "registered" });
    const refused = expectProblem(
      await submit(registered, await draft(registered)),
      409,
      "listing-kind-limited",
    );
    expect(refused.title).toContain("только участники и партнёры");
    const participant = await orgWithTeam(t, { status: "participant" });
    expect((await submit(participant, await draft(participant))).statusCode).toBe(200);
    const partner = await orgWithTeam(t, { status: "partner" });
    expect((await submit(partner, await draft(partner))).statusCode).toBe(200);

    // Opened again: everyone verified submits.
    await op.put("/api/operator/listing-kinds/rfq", { participantsOnly: false });
    expect((await submit(registered, await draft(registered))).statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "listing_kind.setting"));
    expect(audit.map((a) => (a.after as { participantsOnly: boolean }).participantsOnly)).toEqual([
      true,
      false,
    ]);
  });

  it("is the operators' to change: a member gets 403, a guest 401, an unknown kind 400", async () => {
    const team = await orgWithTeam(t);
    expectProblem(await team.ownerC.put("/api/operator/listing-kinds/rfq", { participantsOnly: true }), 403);
    expectProblem(await guest.put("/api/operator/listing-kinds/rfq", { participantsOnly: true }), 401);
    expectProblem(await op.put("/api/operator/listing-kinds/castle", { participantsOnly: true }), 400);
  });
});
