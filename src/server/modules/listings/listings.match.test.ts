import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { listingMatches } from "./listings.follow.schema.js";
import { sendMatches } from "./listings.match.js";

const t = testAppForFile();
const KIND = "listings.profile-match";
let op: Client;
let stranger: Client;
/** The customer: its orders and technology requests are matched against the others' listings. */
let customer: Awaited<ReturnType<typeof orgWithTeam>>;

type View = { id: string; version: number; matched: number | null };
type Org = { id: string; userId: string; c: Client };

/** A verified organization of a region with one signed-in member. */
async function org(regionCode = "77"): Promise<Org> {
  const o = await createOrg(t.database, { regionCode });
  const u = await createUser(t.database);
  await addMember(t.database, o.id, u.id, "owner");
  return { id: o.id, userId: u.id, c: await signedIn(t, u) };
}

/** A listing of an organization: created, submitted and approved (or left a draft). */
async function listing(
  by: { c: Client; id: string },
  kind: string,
  values: Record<string, unknown>,
  o: { title?: string; draft?: boolean } = {},
): Promise<View> {
  const res = await by.c.post("/api/listings", {
    organizationId: by.id,
    kind,
    titleRu: o.title ?? "Объявление для проверки подбора",
    descriptionRu: "Подробное описание объявления для проверки подбора организаций.",
    values,
  });
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json() as View;
  if (o.draft) return draft;
  const sub = await by.c.post(`/api/listings/${draft.id}/submit`, { version: draft.version });
  const ok = await op.post(`/api/operator/listings/${draft.id}/decision`, {
    decision: "approve",
    version: (sub.json() as View).version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json() as View;
}

const capability = (processes: string[], materials?: string[]) => ({
  processes,
  ...(materials && { materials }),
});
const rfq = (o: Record<string, unknown>) => ({ quantity: 500, deadline: "2099-12-31", ...o });
const technology = (ipcSections: string[], trl: string, tags?: string[]) => ({
  objectType: "know_how",
  rightHolder: "ООО «Правообладатель»",
  ...(ipcSections.length && { ipcSections }),
  ...(tags && { tags }),
  trl,
  dealTypes: ["non_exclusive_licence"],
  priceByAgreement: true,
});

const matchedOrgs = async (listingId: string) =>
  (await t.database.db.select().from(listingMatches).where(eq(listingMatches.listingId, listingId)))
    .map((m) => m.organizationId)
    .sort();

const noticesOf = async (listingId: string, userIds: string[]) =>
  (
    await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, KIND), inArray(notifications.userId, userIds)))
  ).filter((n) => n.link === `/listings/${listingId}`);

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  customer = await orgWithTeam(t);
});

describe("an order's matching manufacturers", () => {
  it("tells exactly the manufacturers whose published capability has its process and a material, in its region when it asks", async () => {
    const [near, far, otherProcess, otherMaterial, unpublished] = await Promise.all([
      org("77"),
      org("50"),
      org("77"),
      org("77"),
      org("77"),
    ]);
    await listing(near, "capability", capability(["cnc_milling", "cnc_turning"], ["aluminium", "steel"]));
    await listing(far, "capability", capability(["cnc_milling"], ["titanium", "aluminium"]));
    await listing(otherProcess, "capability", capability(["laser_cutting"], ["aluminium"]));
    await listing(otherMaterial, "capability", capability(["cnc_milling"], ["steel"]));
    await listing(unpublished, "capability", capability(["cnc_milling"], ["aluminium"]), { draft: true });
    // The customer's own capability matches its order, but it is never told of its own order.
    const customerC = { c: customer.memberC, id: customer.org.id };
    await listing(customerC, "capability", capability(["cnc_milling"], ["aluminium"]));
    const everyone = [near, far, otherProcess, otherMaterial, unpublished].map((o) => o.userId);

    await t.runJobs();
    const local = await listing(
      customerC,
      "rfq",
      rfq({ process: "cnc_milling", materials: ["aluminium"], region: "77", regionRequired: true }),
      { title: "Корпуса из алюминия, только московские производители" },
    );
    const anywhere = await listing(
      customerC,
      "rfq",
      rfq({ process: "cnc_milling", materials: ["aluminium", "titanium"], region: "77" }),
      { title: "Фрезерованные детали из алюминия или титана" },
    );
    const anyMaterial = await listing(customerC, "rfq", rfq({ process: "cnc_milling" }), {
      title: "Фрезеровка из материала исполнителя",
    });
    await t.runJobs();

    expect(await matchedOrgs(local.id)).toEqual([near.id]);
    expect(await matchedOrgs(anywhere.id)).toEqual([near.id, far.id].sort());
    expect(await matchedOrgs(anyMaterial.id)).toEqual([near.id, far.id, otherMaterial.id].sort());
    const told = await noticesOf(local.id, [...everyone, customer.owner.id, customer.member.id]);
    expect(told.map((n) => n.userId)).toEqual([near.userId]);

    // The manufacturer reads it in its language, with a link to the order.
    const list = (await near.c.get("/api/notifications")).json() as {
      items: { title: string; link: string }[];
    };
    expect(list.items.find((i) => i.link === `/listings/${local.id}`)?.title).toBe(
      "Новый заказ по вашему профилю: «Корпуса из алюминия, только московские производители»",
    );

    // A repeated run tells nobody twice; the order's author sees how many were told, others do not.
    await sendMatches(t.database.db, t.config.publicUrl, anywhere.id);
    await sendMatches(t.database.db, t.config.publicUrl, anywhere.id);
    expect((await noticesOf(anywhere.id, everyone)).map((n) => n.userId).sort()).toEqual(
      [near.userId, far.userId].sort(),
    );
    expect(((await customer.ownerC.get(`/api/listings/${anywhere.id}`)).json() as View).matched).toBe(2);
    expect(((await stranger.get(`/api/listings/${anywhere.id}`)).json() as View).matched).toBeNull();
  });

  it("tells all of a manufacturer's members once, and nobody more when a change of the order is approved", async () => {
    const maker = await orgWithTeam(t, { regionCode: "66" });
    const makerC = { c: maker.memberC, id: maker.org.id };
    await listing(makerC, "capability", capability(["print_sls"], ["engineering_plastics"]));
    // Two capabilities of one manufacturer: still one notice per member.
    await listing(makerC, "capability", capability(["print_sls", "print_sla"]));
    const customerC = { c: customer.memberC, id: customer.org.id };
    const order = await listing(
      customerC,
      "rfq",
      rfq({ process: "print_sls", materials: ["engineering_plastics"] }),
      { title: "Печать SLS корпусов датчиков" },
    );
    await t.runJobs();
    const members = [maker.owner.id, maker.admin.id, maker.member.id];
    expect((await noticesOf(order.id, members)).map((n) => n.userId).sort()).toEqual([...members].sort());

    // A manufacturer published later is not told when a change of the order is approved.
    const late = await org("66");
    await listing(late, "capability", capability(["print_sls"], ["engineering_plastics"]));
    const edited = await customer.memberC.patch(`/api/listings/${order.id}`, {
      titleRu: "Печать SLS корпусов датчиков, 300 штук",
      descriptionRu: "Подробное описание объявления для проверки подбора организаций.",
      values: rfq({ process: "print_sls", materials: ["engineering_plastics"], quantity: 300 }),
      version: order.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const ok = await op.post(`/api/operator/listings/${order.id}/decision`, {
      decision: "approve",
      version: (edited.json() as View).version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await t.runJobs();
    expect(await noticesOf(order.id, [...members, late.userId])).toHaveLength(3);
    expect(await matchedOrgs(order.id)).toEqual([maker.org.id]);
  });
});

describe("a technology request's matching offers", () => {
  it("tells the owners of published offers in one of its IPC sections at its minimum TRL or above, once", async () => {
    const [ready, immature, otherSection, sectionB] = await Promise.all([org(), org(), org(), org()]);
    await listing(ready, "technology", technology(["G", "H"], "7"));
    await listing(immature, "technology", technology(["G"], "3"));
    await listing(otherSection, "technology", technology(["A"], "8"));
    await listing(sectionB, "technology", technology(["B"], "5"));
    const customerC = { c: customer.memberC, id: customer.org.id };
    await listing(customerC, "technology", technology(["G"], "9"));
    const everyone = [ready, immature, otherSection, sectionB].map((o) => o.userId);

    const mature = await listing(
      customerC,
      "technology_request",
      { purpose: "Для серийного выпуска измерительных приборов", ipcSections: ["G", "B"], minTrl: "5" },
      { title: "Ищем технологию бесконтактного измерения" },
    );
    const anyLevel = await listing(
      customerC,
      "technology_request",
      { purpose: "Для опытного образца", ipcSections: ["G"] },
      { title: "Ищем технологию обработки сигналов" },
    );
    await t.runJobs();
    await sendMatches(t.database.db, t.config.publicUrl, mature.id);

    expect(await matchedOrgs(mature.id)).toEqual([ready.id, sectionB.id].sort());
    expect(await matchedOrgs(anyLevel.id)).toEqual([ready.id, immature.id].sort());
    expect(
      (await noticesOf(mature.id, [...everyone, customer.owner.id])).map((n) => n.userId).sort(),
    ).toEqual([ready.userId, sectionB.userId].sort());
    const list = (await ready.c.get("/api/notifications")).json() as {
      items: { title: string; link: string }[];
    };
    expect(list.items.find((i) => i.link === `/listings/${mature.id}`)?.title).toBe(
      "Новый запрос технологии по вашему профилю: «Ищем технологию бесконтактного измерения»",
    );
    expect(((await customer.memberC.get(`/api/listings/${mature.id}`)).json() as View).matched).toBe(2);
  });

  it("tells the owners of offers sharing one of its tags (or a section) at its TRL, each once, and nobody else", async () => {
    const [drones, dronesAndAi, aiOnly, immature, otherTag, untagged, sectionOnly, draft] = await Promise.all(
      [org(), org(), org(), org(), org(), org(), org(), org()],
    );
    // Offers tagged with the platform's technology tags, some without an IPC section at all.
    await listing(drones, "technology", technology([], "7", ["drones"]));
    // Two matching offers of one organization: still one match and one notice.
    await listing(dronesAndAi, "technology", technology(["B"], "8", ["drones", "ai"]));
    await listing(dronesAndAi, "technology", technology([], "6", ["ai"]));
    await listing(aiOnly, "technology", technology(["A"], "6", ["ai", "big-data"]));
    await listing(immature, "technology", technology([], "3", ["drones"]));
    await listing(otherTag, "technology", technology(["A"], "9", ["biotech", "medtech"]));
    await listing(untagged, "technology", technology(["E"], "9"));
    await listing(sectionOnly, "technology", technology(["G"], "5"));
    await listing(draft, "technology", technology([], "9", ["drones"]), { draft: true });
    const everyone = [drones, dronesAndAi, aiOnly, immature, otherTag, untagged, sectionOnly, draft];
    const customerC = { c: customer.memberC, id: customer.org.id };

    // By tags only: the offers with one of its tags at TRL 5 or above.
    const byTags = await listing(
      customerC,
      "technology_request",
      { purpose: "Для мониторинга строительных площадок", tags: ["drones", "ai"], minTrl: "5" },
      { title: "Ищем навигацию беспилотников без спутникового сигнала" },
    );
    // A tag or a section: either is enough (no minimum TRL: any level).
    const tagOrSection = await listing(
      customerC,
      "technology_request",
      { purpose: "Для диспетчерской службы", ipcSections: ["E"], tags: ["big-data"] },
      { title: "Ищем аналитику потоков данных с городских датчиков" },
    );
    // A tag nobody offers: nobody is told.
    const nobody = await listing(
      customerC,
      "technology_request",
      { purpose: "Для опытной установки", tags: ["quantum"], ipcSections: ["D"] },
      { title: "Ищем квантовый датчик магнитного поля" },
    );
    await t.runJobs();
    await sendMatches(t.database.db, t.config.publicUrl, byTags.id);
    await t.runJobs();

    expect(await matchedOrgs(byTags.id)).toEqual([drones.id, dronesAndAi.id, aiOnly.id].sort());
    expect(await matchedOrgs(tagOrSection.id)).toEqual([aiOnly.id, untagged.id].sort());
    expect(await matchedOrgs(nobody.id)).toEqual([]);
    const users = everyone.map((o) => o.userId);
    expect((await noticesOf(byTags.id, users)).map((n) => n.userId).sort()).toEqual(
      [drones.userId, dronesAndAi.userId, aiOnly.userId].sort(),
    );
    expect(await noticesOf(nobody.id, [...users, customer.owner.id, customer.member.id])).toEqual([]);
    expect(((await customer.memberC.get(`/api/listings/${byTags.id}`)).json() as View).matched).toBe(3);
  });
});
