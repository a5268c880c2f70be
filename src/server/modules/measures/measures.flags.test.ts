import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { addMember, createOrg, profileOf } from "../organizations/organizations.fixtures.js";
import { activeOrganizations } from "../organizations/organizations.schema.js";
import { measures } from "./measures.schema.js";

// A measure that needs a declared flag: "check" while the organization has not stated it, then the
// verdict follows what the organization declares in its profile (PATCH /api/organizations/:id).

let t: TestApp;
let owner: Client;
let orgId: string;

const SLUG = "export-certification-flags";

type Outcome = { key: string; result: string; field?: string };
type MeasureBody = { measure: { id: string; eligibility?: { verdict: string; criteria: Outcome[] } } };

beforeAll(async () => {
  t = await testApp();
  const org = await createOrg(t.database, { regionCode: "77", shortName: "Экспортёр-М" });
  orgId = org.id;
  const user = await createUser(t.database);
  await addMember(t.database, org.id, user.id, "owner");
  await t.database.db.insert(activeOrganizations).values({ userId: user.id, organizationId: org.id });
  owner = await signedIn(t, user);
  await t.database.db.insert(measures).values({
    slug: SLUG,
    status: "published",
    publishedAt: new Date(),
    titleRu: "Компенсация затрат на сертификацию продукции для экспорта",
    descriptionRu: "Возмещение части затрат экспортёров на сертификацию.",
    provider: "Московский экспортный центр",
    providerKind: "city_body",
    level: "city",
    form: "subsidy",
    permanent: true,
    criteria: { regions: ["77"], flags: ["exporter"] },
  });
});
afterAll(() => t.close());

async function measurePage() {
  const res = await owner.get(`/api/measures/${SLUG}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as MeasureBody).measure;
}

/** The verdict the navigator's search gives the measure (the search path, not the page). */
async function searchVerdict(id: string) {
  const res = await owner.get("/api/measures?pageSize=100");
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as MeasureBody["measure"][];
  return items.find((i) => i.id === id)?.eligibility?.verdict;
}

/** Edits the profile as the form does: the profile as read, with declared flags and the version. */
async function declare(declaredFlags: Record<string, boolean | null>) {
  const view = (await owner.get(`/api/organizations/${orgId}`)).json();
  const o = view.organization as Record<string, unknown>;
  const body = { ...profileOf(o), declaredFlags, version: o.version };
  const res = await owner.patch(`/api/organizations/${orgId}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().organization as { declaredFlags: Record<string, boolean> };
}

describe("a measure that requires a declared flag", () => {
  it("is 'check' until the organization states it, then eligible (true) or not eligible (false)", async () => {
    const before = await measurePage();
    expect(before.eligibility!.verdict).toBe("check");
    expect(before.eligibility!.criteria.find((c) => c.result === "unknown")).toMatchObject({
      key: "flag.exporter",
      field: "flags.exporter",
    });
    expect(await searchVerdict(before.id)).toBe("check");

    expect((await declare({ exporter: true })).declaredFlags).toEqual({ exporter: true });
    const yes = await measurePage();
    expect(yes.eligibility!.verdict).toBe("eligible");
    expect(yes.eligibility!.criteria.find((c) => c.key === "flag.exporter")!.result).toBe("met");
    expect(await searchVerdict(yes.id)).toBe("eligible");

    expect((await declare({ exporter: false })).declaredFlags).toEqual({ exporter: false });
    const no = await measurePage();
    expect(no.eligibility!.verdict).toBe("not_eligible");
    expect(no.eligibility!.criteria.find((c) => c.key === "flag.exporter")!.result).toBe("not_met");
    expect(await searchVerdict(no.id)).toBe("not_eligible");

    // Withdrawing the statement makes it unknown again.
    expect((await declare({ exporter: null })).declaredFlags).toEqual({});
    expect((await measurePage()).eligibility!.verdict).toBe("check");
  });
});
