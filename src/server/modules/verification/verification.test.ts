import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../../../shared/identifiers.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, mailsTo, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { joinRequests, memberships, organizations } from "../organizations/organizations.schema.js";

const t = testAppForFile();
let operator: Awaited<ReturnType<typeof createUser>>;
let op: Client;
beforeAll(async () => {
  operator = await createUser(t.database, { role: "operator", fullName: "Операторова Ольга" });
  op = await signedIn(t, operator);
});

let seed = 11;
const rng = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);

/** A multipart form: text fields, then one file part. */
function form(
  fields: Record<string, string>,
  file: { data: Buffer; name?: string; type?: string } | null = { data: PDF },
) {
  const b = `----verify${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name ?? "vypiska.pdf"}"\r\nContent-Type: ${file.type ?? "application/pdf"}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${b}` } };
}

const send = (c: Client, url: string, f: ReturnType<typeof form>) =>
  c.request("POST", url, f.payload, f.headers);
const extract = { documentType: "register_extract" };

/** A user registers an organization through the API (as anyone can), so it is not verified. */
async function registered(inn = makeInn("legal", rng, { region: "77" }), locale: "ru" | "en" = "ru") {
  const user = await createUser(t.database, { fullName: "Захватов Семён Ильич", locale });
  const c = await signedIn(t, user, locale);
  const res = await c.post("/api/organizations", {
    type: "legal_entity",
    inn,
    ogrn: makeOgrn(rng, { region: "77" }),
    kpp: makeKpp("77", rng),
    regionCode: "77",
    fullName: "Общество с ограниченной ответственностью «Нейросенс»",
    shortName: "ООО «Нейросенс»",
    legalAddress: "г. Москва, Пресненская наб., д. 12",
  });
  expect(res.statusCode, res.body).toBe(201);
  return { user, c, org: res.json().organization as { id: string; verified: boolean }, inn };
}

const decide = (id: string, body: Record<string, unknown>, c: Client = op) =>
  c.post(`/api/operator/verifications/${id}/decision`, body);

describe("finding 7: INN squatting — a new organization is not verified", () => {
  it("is shown as not verified and may not apply for a status until the operator verifies it", async () => {
    const { c, org } = await registered();
    expect(org.verified).toBe(false);
    const pub = (await c.get(`/api/directory/${org.id}`)).json();
    expect(pub.organization.verified).toBe(false);

    const refused = expectProblem(
      await c.post(`/api/organizations/${org.id}/status-applications`, { requestedStatus: "participant" }),
      409,
      "organization-not-verified",
    );
    expect(refused.title).toMatch(/выписку из ЕГРЮЛ/);
    const status = (await c.get(`/api/organizations/${org.id}/status`)).json();
    expect(status.options.participant).toEqual({
      open: false,
      reason: expect.stringMatching(/не подтверждена/),
    });
    const en = (await registered(undefined, "en")).c;
    const enOrg = (await en.get("/api/me/organizations")).json().items[0].organization.id;
    expect(
      expectProblem(
        await en.post(`/api/organizations/${enOrg}/status-applications`, { requestedStatus: "participant" }),
        409,
      ).title,
    ).toMatch(/not been verified/);

    const sent = await send(c, `/api/organizations/${org.id}/verification`, form(extract));
    expect(sent.statusCode, sent.body).toBe(201);
    const queue = (await op.get("/api/operator/verifications?kind=verification")).json();
    const item = queue.items.find((i: { id: string }) => i.id === sent.json().id);
    expect(item).toMatchObject({ state: "pending", mine: false, current: { verified: false } });
    const res = await decide(item.id, { version: item.version, decision: "verify" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe("verified");
    expect((await c.get(`/api/directory/${org.id}`)).json().organization.verified).toBe(true);
    expect(
      (await c.post(`/api/organizations/${org.id}/status-applications`, { requestedStatus: "participant" }))
        .statusCode,
    ).toBe(201);
  });

  it("takes documents by their content: PDF, JPEG or PNG up to 10 MB, whatever the name or declared type", async () => {
    const { c, org } = await registered();
    const url = `/api/organizations/${org.id}/verification`;
    expectProblem(
      await send(c, url, form(extract, { data: Buffer.from("just text, not a pdf"), name: "x.pdf" })),
      415,
      "document-type",
    );
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expectProblem(
      await send(c, url, form(extract, { data: html, name: "scan.png", type: "image/png" })),
      415,
    );
    expectProblem(
      await send(c, url, form(extract, { data: Buffer.alloc(10 * 1024 * 1024 + 10, 0x25) })),
      413,
      "document-too-large",
    );
    expect(
      fieldErrors(expectProblem(await send(c, url, form({ documentType: "passport" })), 400)),
    ).toHaveProperty("documentType");
    expect(fieldErrors(expectProblem(await send(c, url, form(extract, null)), 400))).toHaveProperty("file");

    // A PNG declared as a PDF named .pdf is stored as the PNG it is.
    const ok = await send(
      c,
      url,
      form(extract, { data: PNG, name: "Выписка ЕГРЮЛ.pdf", type: "application/pdf" }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      contentType: "image/png",
      fileName: "Выписка ЕГРЮЛ.png",
      state: "pending",
    });
    expectProblem(await send(c, url, form(extract)), 409, "verification-pending");
  });

  it("lets only the organization's managers and operators download a document, as an attachment", async () => {
    const team = await orgWithTeam(t, { verified: false });
    const sent = await send(
      team.ownerC,
      `/api/organizations/${team.org.id}/verification`,
      form({ documentType: "letterhead_letter" }, { data: PDF, name: "Письмо на бланке.pdf" }),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const url = sent.json().documentUrl as string;
    for (const c of [team.ownerC, team.adminC, op]) {
      const res = await c.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="______ __ ______.pdf"; filename*=UTF-8''${encodeURIComponent("Письмо на бланке.pdf")}`,
      );
      expect(res.rawPayload.equals(PDF)).toBe(true);
    }
    const stranger = await signedIn(t, await createUser(t.database));
    expectProblem(await team.memberC.get(url), 404);
    expectProblem(await stranger.get(url), 404);
    expectProblem(await stranger.get(`/api/organizations/${team.org.id}/verification`), 404);
    expectProblem(await team.memberC.get(`/api/organizations/${team.org.id}/verification`), 403);
  });

  it("rejects with a reason and tells the members; two operators deciding at once: one wins, the other gets 409", async () => {
    const team = await orgWithTeam(t, { verified: false });
    const sent = (
      await send(team.ownerC, `/api/organizations/${team.org.id}/verification`, form(extract))
    ).json();
    expect(
      fieldErrors(expectProblem(await decide(sent.id, { version: 1, decision: "reject" }), 400)),
    ).toHaveProperty("reason");
    expectProblem(await decide(sent.id, { version: 1, decision: "transfer" }), 400);
    const op2 = await signedIn(
      t,
      await createUser(t.database, { role: "operator", fullName: "Второв Виктор" }),
    );
    const results = await Promise.all([
      decide(sent.id, { version: 1, decision: "reject", reason: "Выписка старше 30 дней" }),
      decide(sent.id, { version: 1, decision: "verify" }, op2),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = expectProblem(results.find((r) => r.statusCode === 409)!, 409, "verification-changed");
    const won = results.find((r) => r.statusCode === 200)!.json();
    expect((lost as unknown as { current: { state: string } }).current.state).toBe(won.state);

    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, team.member.id), eq(notifications.kind, "org.verification.decided")),
      );
    expect(notes).toHaveLength(1);
    expect((await mailsTo(t.database, team.owner.email)).length).toBeGreaterThan(0);
  });
});

describe("finding 7: INN squatting — join requests", () => {
  it("an unverified organization takes no join requests, so its managers learn no names; verified, it does", async () => {
    const { c, org } = await registered();
    const employee = await signedIn(
      t,
      await createUser(t.database, { fullName: "Настоящева Мария Петровна" }),
    );
    const refused = expectProblem(
      await employee.post(`/api/organizations/${org.id}/join-requests`, {}),
      409,
      "join-unverified",
    );
    expect(refused.title).toMatch(/заявление/);
    expect((await c.get(`/api/organizations/${org.id}/join-requests`)).json()).toEqual([]);
    await t.database.db
      .update(organizations)
      .set({ verifiedAt: new Date() })
      .where(eq(organizations.id, org.id));
    expect((await employee.post(`/api/organizations/${org.id}/join-requests`, {})).statusCode).toBe(201);
    expect((await c.get(`/api/organizations/${org.id}/join-requests`)).json()[0].user.fullName).toBe(
      "Настоящева Мария Петровна",
    );
  });
});

describe("finding 7: INN squatting — join requests sent before verification existed", () => {
  it("are listed without the requester's name or e-mail until the organization is verified", async () => {
    const { c, org } = await registered();
    const employee = await createUser(t.database, { fullName: "Раннева Ирина Олеговна" });
    await t.database.db.insert(joinRequests).values({ organizationId: org.id, userId: employee.id });
    const [hidden] = (await c.get(`/api/organizations/${org.id}/join-requests`)).json();
    expect(hidden.user).toEqual({
      id: employee.id,
      fullName: "Имя скрыто до подтверждения организации",
      email: "",
    });
    await t.database.db
      .update(organizations)
      .set({ verifiedAt: new Date() })
      .where(eq(organizations.id, org.id));
    const [shown] = (await c.get(`/api/organizations/${org.id}/join-requests`)).json();
    expect(shown.user).toMatchObject({ fullName: "Раннева Ирина Олеговна", email: employee.email });
  });
});

/** The real company registers itself with its own INN. */
const realRegistration = (c: Client, inn: string) =>
  c.post("/api/organizations", {
    type: "legal_entity",
    inn,
    ogrn: makeOgrn(rng, { region: "77" }),
    kpp: makeKpp("77", rng),
    regionCode: "77",
    fullName: "ООО «Нейросенс»",
    shortName: "Нейросенс",
    legalAddress: "г. Москва",
  });

describe("finding 7: INN squatting — claims", () => {
  async function claimed() {
    const squat = await registered();
    const realOwner = await createUser(t.database, {
      fullName: "Правдин Андрей Сергеевич",
      email: `ceo-${Date.now()}-${Math.random()}@neurosense.ru`,
    });
    const rc = await signedIn(t, realOwner);
    const taken = expectProblem(await realRegistration(rc, squat.inn), 409, "inn-taken");
    const { organizationId: orgId, verified } = taken as unknown as {
      organizationId: string;
      verified: boolean;
    };
    expect(orgId).toBe(squat.org.id);
    // The screen offers a claim, not a join request, for an organization nobody has verified.
    expect(verified).toBe(false);
    const claim = await send(
      rc,
      `/api/organizations/${orgId}/claims`,
      form({ ...extract, comment: "Наш ИНН занят" }),
    );
    expect(claim.statusCode, claim.body).toBe(201);
    return {
      squat,
      realOwner,
      rc,
      claim: claim.json() as { id: string; documentUrl: string; version: number },
    };
  }

  it("the squatter sees neither the claim nor the claimant until the operator decides", async () => {
    const { squat, rc, claim, realOwner } = await claimed();
    expectProblem(await squat.c.get(claim.documentUrl), 404);
    const mine = (await squat.c.get(`/api/organizations/${squat.org.id}/verification`)).json();
    expect(JSON.stringify(mine)).not.toContain(realOwner.email);
    expect(mine.requests).toEqual([]);
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, squat.user.id));
    expect(JSON.stringify(notes)).not.toContain("Правдин");
    expect((await rc.get(claim.documentUrl)).statusCode).toBe(200);
    expect((await rc.get("/api/me/claims")).json()[0]).toMatchObject({ id: claim.id, state: "pending" });
    expectProblem(
      await send(rc, `/api/organizations/${squat.org.id}/claims`, form(extract)),
      409,
      "claim-pending",
    );
    expectProblem(
      await send(squat.c, `/api/organizations/${squat.org.id}/claims`, form(extract)),
      409,
      "claim-own-organization",
    );
  });

  it("transfer: the claimant becomes the owner, the previous members are removed and told, the audit names the operator", async () => {
    const { squat, rc, claim, realOwner } = await claimed();
    // The squatter had published himself as the contact person: removed, his contacts go with him.
    await t.database.db
      .update(organizations)
      .set({ contactPersonId: squat.user.id, contactsPublic: true, contactsConsentAt: new Date() })
      .where(eq(organizations.id, squat.org.id));
    const res = await decide(claim.id, { version: claim.version, decision: "transfer", keepMembers: false });
    expect(res.statusCode, res.body).toBe(200);
    const [after] = await t.database.db
      .select({ person: organizations.contactPersonId, consentAt: organizations.contactsConsentAt })
      .from(organizations)
      .where(eq(organizations.id, squat.org.id));
    expect(after).toEqual({ person: null, consentAt: null });
    expect(res.json()).toMatchObject({ state: "transferred", current: { verified: true, members: 1 } });
    const members = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, squat.org.id));
    expect(members).toEqual([expect.objectContaining({ userId: realOwner.id, role: "owner" })]);
    expectProblem(await squat.c.get(`/api/organizations/${squat.org.id}`), 404);
    expect((await rc.get(`/api/organizations/${squat.org.id}`)).json().organization.verified).toBe(true);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, squat.user.id), eq(notifications.kind, "org.verification.decided")),
      );
    expect(told[0]!.data).toMatchObject({ event: "transferred-removed" });

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, claim.id))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit).toMatchObject({ action: "organization.claim.transfer", actorId: operator.id, ip: op.ip });
    expect(audit!.after).toMatchObject({ operatorEmail: operator.email, keepMembers: false });
  });

  it("transfer keeping the members makes them plain members", async () => {
    const { squat, claim, realOwner } = await claimed();
    expect(
      (await decide(claim.id, { version: claim.version, decision: "transfer", keepMembers: true }))
        .statusCode,
    ).toBe(200);
    const members = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, squat.org.id));
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [realOwner.id, "owner"],
        [squat.user.id, "member"],
      ].sort(),
    );
  });

  it("merge: the claimant's own organization folds into the claimed one, its members move, it is gone", async () => {
    const { squat, claim, realOwner } = await claimed();
    const stopgap = await createOrg(t.database, { verified: false, shortName: "ИП Правдин" });
    await addMember(t.database, stopgap.id, realOwner.id, "owner");
    const colleague = await createUser(t.database);
    await addMember(t.database, stopgap.id, colleague.id, "member");
    const item = (await op.get(`/api/operator/verifications/${claim.id}`)).json();
    expect(item.claimantOrganizations).toEqual([
      { id: stopgap.id, shortName: "ИП Правдин", inn: stopgap.inn },
    ]);
    expectProblem(await decide(claim.id, { version: claim.version, decision: "merge" }), 400);
    const res = await decide(claim.id, { version: claim.version, decision: "merge", mergeFrom: stopgap.id });
    expect(res.statusCode, res.body).toBe(200);
    const members = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, squat.org.id));
    expect(Object.fromEntries(members.map((m) => [m.userId, m.role]))).toEqual({
      [realOwner.id]: "owner",
      [colleague.id]: "member",
    });
    expect(await t.database.db.select().from(organizations).where(eq(organizations.id, stopgap.id))).toEqual(
      [],
    );
  });

  it("remove: the squatted organization is gone and the real company can register its INN", async () => {
    const { squat, rc, claim } = await claimed();
    expectProblem(await decide(claim.id, { version: claim.version, decision: "remove" }), 400);
    const res = await decide(claim.id, {
      version: claim.version,
      decision: "remove",
      reason: "ИНН чужой компании",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "removed", current: null, organization: { id: null } });
    const again = await realRegistration(rc, squat.inn);
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe("finding 9: operators decide on their own organizations", () => {
  it("an operator who is a member cannot decide its status application, verification or claim (403); the queues say so", async () => {
    const team = await orgWithTeam(t, { verified: false });
    await addMember(t.database, team.org.id, operator.id, "member");
    const ver = (
      await send(team.ownerC, `/api/organizations/${team.org.id}/verification`, form(extract))
    ).json();
    const own = expectProblem(
      await decide(ver.id, { version: ver.version, decision: "verify" }),
      403,
      "own-organization",
    );
    expect(own.title).toMatch(/другой оператор/);
    const queued = (await op.get("/api/operator/verifications"))
      .json()
      .items.find((i: { id: string }) => i.id === ver.id);
    expect(queued.mine).toBe(true);

    const outsider = await signedIn(t, await createUser(t.database));
    const claim = (await send(outsider, `/api/organizations/${team.org.id}/claims`, form(extract))).json();
    expectProblem(
      await decide(claim.id, { version: claim.version, decision: "reject", reason: "—" }),
      403,
      "own-organization",
    );

    await t.database.db
      .update(organizations)
      .set({ verifiedAt: new Date() })
      .where(eq(organizations.id, team.org.id));
    const app = (
      await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
        requestedStatus: "participant",
      })
    ).json();
    expectProblem(
      await op.post(`/api/operator/status-applications/${app.id}/decision`, {
        version: app.version,
        decision: "approve",
      }),
      403,
      "own-organization",
    );
    const statusQueue = (await op.get("/api/operator/status-applications")).json();
    expect(statusQueue.items.find((i: { id: string }) => i.id === app.id).mine).toBe(true);
    expect((await op.get(`/api/operator/status-applications/${app.id}`)).json().mine).toBe(true);
    // Another operator decides it.
    const op2 = await signedIn(t, await createUser(t.database, { role: "operator" }));
    expect(
      (
        await op2.post(`/api/operator/status-applications/${app.id}/decision`, {
          version: app.version,
          decision: "approve",
        })
      ).statusCode,
    ).toBe(200);
    // Nor suspend, resume or revoke its status.
    expectProblem(
      await op.post(`/api/operator/organizations/${team.org.id}/suspend`, { reason: "Проверка" }),
      403,
      "own-organization",
    );
    expectProblem(
      await op.post(`/api/operator/organizations/${team.org.id}/revoke`, { reason: "Проверка" }),
      403,
      "own-organization",
    );
  });

  it("an operator who filed a claim themselves cannot decide it (403)", async () => {
    const { org } = await registered();
    const claim = (await send(op, `/api/organizations/${org.id}/claims`, form(extract))).json();
    const refused = expectProblem(
      await decide(claim.id, { version: claim.version, decision: "transfer" }),
      403,
      "own-organization",
    );
    expect(refused.title).toMatch(/сами подали запрос/);
  });
});

describe("finding 13: audit of verification decisions", () => {
  it("records the operator's e-mail and IP in the decision's transaction", async () => {
    const { c, org } = await registered();
    const ver = (await send(c, `/api/organizations/${org.id}/verification`, form(extract))).json();
    expect((await decide(ver.id, { version: ver.version, decision: "verify" })).statusCode).toBe(200);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ver.id), eq(auditLog.action, "organization.verification.verify")));
    expect(audit).toMatchObject({ actorId: operator.id, ip: op.ip });
    expect(audit!.after).toMatchObject({
      operatorEmail: operator.email,
      state: "verified",
      organizationId: org.id,
    });
  });
});
