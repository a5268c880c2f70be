import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { addMember, backdate, createOrg } from "../organizations/organizations.fixtures.js";

/** The operator's queue, in a database of its own so that every application in it is known. */

let t: TestApp;
let op: Client;
type Item = {
  id: string;
  state: string;
  waitingDays: number;
  version: number;
  organization: { shortName: string; regionCode: string | null; type: string; status: string };
};
const apps: Record<string, { id: string; orgId: string; owner: Client }> = {};

async function filed(
  name: string,
  o: Parameters<typeof createOrg>[1],
  requestedStatus: "participant" | "partner",
  daysAgo: number,
) {
  const org = await createOrg(t.database, { ...o, shortName: name });
  const owner = await createUser(t.database);
  await addMember(t.database, org.id, owner.id, "owner");
  const c = await signedIn(t, owner);
  const res = await c.post(`/api/organizations/${org.id}/status-applications`, { requestedStatus });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (daysAgo) await backdate(t.database, id, daysAgo);
  apps[name] = { id, orgId: org.id, owner: c };
}

const page = async (query = "") => {
  const res = await op.get(`/api/operator/status-applications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
};
const names = (p: { items: Item[] }) => p.items.map((i) => i.organization.shortName);

beforeAll(async () => {
  t = await testApp();
  const operator = await createUser(t.database, { role: "operator", fullName: "Очередева Ирина Павловна" });
  op = await signedIn(t, operator);
  await filed("Альфа", { regionCode: "77" }, "participant", 5);
  await filed("Вуз Подмосковья", { regionCode: "50", type: "university" }, "partner", 2);
  await filed("Астана Тех", { type: "foreign", country: "KZ" }, "partner", 10);
  await filed("ИП Смирнов", { regionCode: "77", type: "individual_entrepreneur" }, "participant", 0);
});
afterAll(() => t.close());

describe("the operator's queue", () => {
  it("lists pending applications oldest first, each with its whole waiting days", async () => {
    const p = await page();
    expect(names(p)).toEqual(["Астана Тех", "Альфа", "Вуз Подмосковья", "ИП Смирнов"]);
    expect(p.items.map((i) => i.waitingDays)).toEqual([10, 5, 2, 0]);
    expect(p).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(p.items[1]).toMatchObject({
      state: "pending",
      version: 1,
      organization: { regionCode: "77", type: "legal_entity", status: "registered" },
    });
    expect(p.items[0]!.organization.regionCode).toBeNull();
  });

  it("shows the applicant the same waiting days", async () => {
    const a = apps.Альфа!;
    const view = (await a.owner.get(`/api/organizations/${a.orgId}/status`)).json();
    expect(view.openApplication).toMatchObject({ id: a.id, waitingDays: 5 });
  });

  it("filters by region, type, requested status and waiting days", async () => {
    expect(names(await page("?region=77"))).toEqual(["Альфа", "ИП Смирнов"]);
    expect(names(await page("?type=university"))).toEqual(["Вуз Подмосковья"]);
    expect(names(await page("?requestedStatus=partner"))).toEqual(["Астана Тех", "Вуз Подмосковья"]);
    expect(names(await page("?minWaitingDays=5"))).toEqual(["Астана Тех", "Альфа"]);
    expect(names(await page("?minWaitingDays=6"))).toEqual(["Астана Тех"]);
    expect(names(await page("?minWaitingDays=2&region=50"))).toEqual(["Вуз Подмосковья"]);
    const none = await page("?region=77&requestedStatus=partner");
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it("finds an application by a part of the organization's name (any case) or its exact INN", async () => {
    expect(names(await page("?q=%D0%BF%D0%BE%D0%B4%D0%BC%D0%BE%D1%81%D0%BA"))).toEqual(["Вуз Подмосковья"]); // "подмоск"
    expect(names(await page("?q=%25"))).toEqual([]); // a LIKE wildcard is taken literally
    const [alpha] = await t.database.rawQuery<{ inn: string }>(
      "select inn from organizations where short_name = 'Альфа'",
    );
    expect(names(await page(`?q=${alpha!.inn}`))).toEqual(["Альфа"]);
  });

  it("pages", async () => {
    const p2 = await page("?pageSize=3&page=2");
    expect(names(p2)).toEqual(["ИП Смирнов"]);
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it("refuses bad filters with field errors", async () => {
    const bad = expectProblem(
      await op.get("/api/operator/status-applications?minWaitingDays=-1&region=moscow&state=lost"),
      400,
      "validation",
    );
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["minWaitingDays", "region", "state"]);
    expectProblem(await op.get("/api/operator/status-applications?sort=name"), 400, "validation");
  });

  it("shows one application with the full profile and the history", async () => {
    const a = apps["Вуз Подмосковья"]!;
    const res = await op.get(`/api/operator/status-applications/${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json();
    expect(item).toMatchObject({
      id: a.id,
      state: "pending",
      waitingDays: 2,
      decidedBy: null,
      organization: {
        id: a.orgId,
        type: "university",
        legalAddress: "г. Москва, ул. Тверская, д. 1",
        version: 1,
      },
    });
    expect(item.history.map((e: { event: string }) => e.event)).toEqual(["submitted"]);
    expectProblem(
      await op.get("/api/operator/status-applications/00000000-0000-4000-8000-000000000000"),
      404,
    );
  });

  it("decided applications leave the pending queue and are found by their state, waiting until the decision", async () => {
    const a = apps.Альфа!;
    const ok = await op.post(`/api/operator/status-applications/${a.id}/decision`, {
      decision: "approve",
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(names(await page())).toEqual(["Астана Тех", "Вуз Подмосковья", "ИП Смирнов"]);
    const approved = await page("?state=approved");
    expect(approved.items).toHaveLength(1);
    expect(approved.items[0]).toMatchObject({
      id: a.id,
      waitingDays: 5,
      organization: { status: "participant" },
      decidedBy: { fullName: "Очередева Ирина Павловна" },
    });

    const s = apps["ИП Смирнов"]!;
    await op.post(`/api/operator/status-applications/${s.id}/decision`, {
      decision: "return",
      comment: "Уточните ОКВЭД",
      version: 1,
    });
    expect(names(await page("?state=returned"))).toEqual(["ИП Смирнов"]);
    // Resubmitted, it comes back in its old place (the filing date is kept).
    await s.owner.post(`/api/organizations/${s.orgId}/status-applications/${s.id}/resubmit`, {});
    await backdate(t.database, apps["Вуз Подмосковья"]!.id, 0);
    expect(names(await page())).toEqual(["Астана Тех", "ИП Смирнов", "Вуз Подмосковья"]);
  });
});
