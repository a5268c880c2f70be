import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkManifests, defineModule, installModules } from "../core/module.js";
import { signedIn as anySignedIn, hasRule } from "../core/policy.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "../test/helpers.js";
import { MODULES } from "./index.js";

describe("module manifests", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ DEV_MAILBOX: "on" });
  });
  afterAll(() => t.close());

  it("every manifest's rules are installed, and /api/me reports exactly the manifests' abilities", async () => {
    for (const m of MODULES)
      for (const action of Object.keys(m.rules ?? {})) expect(hasRule(action)).toBe(true);
    const declared = MODULES.flatMap((m) => [...(m.abilities ?? [])]).sort();
    const me = (await new Client(t.app).get("/api/me")).json();
    expect(Object.keys(me.abilities).sort()).toEqual(declared);
    expect(Object.values(me.abilities).every((v) => v === false)).toBe(true);
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    // The verification queue's ability comes from the verification module's manifest.
    expect((await operator.get("/api/me")).json().abilities).toMatchObject({
      "operator.verification.queue": true,
      "operator.status.queue": true,
      "admin.users.list": false,
    });
  });

  it("refuses a module listed twice, an ability without a rule of its module, and a second list", () => {
    const a = defineModule({ name: "a", rules: { "a.read": anySignedIn } });
    expect(() => checkManifests([a, a])).toThrow(/listed twice/);
    const b = defineModule({ name: "b", rules: { "b.read": anySignedIn }, abilities: ["b.read"] });
    expect(() => checkManifests([b])).not.toThrow();
    const c = { name: "c", abilities: ["a.read"] } as Parameters<typeof checkManifests>[0][number];
    expect(() => checkManifests([c])).toThrow(/no rule of its own/);
    expect(() => installModules([...MODULES])).toThrow(/different list/);
  });
});
