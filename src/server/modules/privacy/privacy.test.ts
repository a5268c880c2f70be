import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ERASED_USER_NAME } from "../../../shared/privacy.js";
import { auditLog } from "../../core/audit.schema.js";
import { files } from "../../core/files.schema.js";
import { JobQueue, type JobServices } from "../../core/jobs.js";
import { expectProblem } from "../../test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
  testApp,
} from "../../test/helpers.js";
import { consents, sessions, users } from "../accounts/accounts.schema.js";
import { openConversation } from "../conversations/conversations.api.js";
import { conversationMessages } from "../conversations/conversations.schema.js";
import { measureSubscriptions } from "../measures/measures.subscriptions.schema.js";
import { notifications } from "../notifications/notifications.schema.js";
import { notify } from "../notifications/notifications.service.js";
import { addMember, createOrg } from "../organizations/organizations.fixtures.js";
import { invitations, memberships, organizations } from "../organizations/organizations.schema.js";
import { privacyModule } from "./privacy.module.js";
import { dataExports, erasureRequests } from "./privacy.schema.js";
import { EXPORT_ATTEMPTS, EXPORT_JOB, privacyPersonalData } from "./privacy.service.js";

// Export and erasure of personal data (152-FZ), on the held job queue (t.runJobs) with the clock
// moved by Vitest's fake Date.

const DAY = 24 * 3600_000;
let t: TestApp;
let org: Awaited<ReturnType<typeof createOrg>>;
type U = Awaited<ReturnType<typeof createUser>>;
let owner: U;
let alice: U;
let bob: U;

const services = (): JobServices => ({
  db: t.database.db,
  config: t.config,
  storage: t.app.services.storage,
});
const job = (name: string) => privacyModule.jobs!.find((j) => j.name === name)!;
/** Runs a scheduled job of the privacy module as the queue would, at the (possibly moved) clock. */
const runJob = (name: string) => job(name).run(services());
const moveClock = (ms: number) => {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + ms });
};
afterEach(() => vi.useRealTimers());

async function storeFile(userId: string, name: string, text: string) {
  const key = `test/${userId}/${name}`;
  await t.app.services.storage.put(key, Readable.from([Buffer.from(text)]));
  await t.database.db.insert(files).values({
    storageKey: key,
    purpose: "logo",
    uploadedBy: userId,
    originalName: name,
    size: text.length,
    sha256: "0".repeat(64),
    contentType: "image/png",
    attachedAt: new Date(),
  });
}

/** Signs in, gives the user a saved search, a notification and an uploaded file of their own. */
async function personWithData(u: U, tag: string) {
  const c = await signedIn(t, u);
  await t.database.db
    .insert(measureSubscriptions)
    .values({ userId: u.id, name: `Поиск ${tag}`, query: { text: `запрос-${tag}` } });
  await t.database.db
    .insert(notifications)
    .values({ userId: u.id, kind: "privacy.export-ready", data: { expires: `note-${tag}` } });
  await storeFile(u.id, `doc-${tag}.png`, `contents-of-${tag}`);
  const conversation = await openConversation(t.database.db, {
    subject: { kind: "status_application", id: randomUUID() },
    parties: [{ organizationId: org.id }, { operator: true }],
    title: "Общая компания",
  });
  await t.database.db.insert(conversationMessages).values({
    conversationId: conversation.id,
    authorId: u.id,
    side: "a",
    body: `message-of-${tag}`,
    createdAt: new Date(),
  });
  return c;
}

beforeAll(async () => {
  t = await testApp();
  org = await createOrg(t.database, { shortName: "Общая компания" });
  owner = await createUser(t.database, { fullName: "Владелец Общий Тестович", email: "owner@example.ru" });
  alice = await createUser(t.database, { fullName: "Алиса Экспортова", email: "alice@example.ru" });
  bob = await createUser(t.database, { fullName: "Борис Соседов", email: "bob@example.ru" });
  await addMember(t.database, org.id, owner.id, "owner");
  await addMember(t.database, org.id, alice.id, "member");
  await addMember(t.database, org.id, bob.id, "admin");
});
afterAll(() => t.close());

describe("export of one's own data", () => {
  let aliceC: Client;
  let bobC: Client;
  let exportId: string;

  it("is prepared by a job, announced by a notification, and holds the user's data and nobody else's", async () => {
    aliceC = await personWithData(alice, "alice");
    bobC = await personWithData(bob, "bob");
    // Bob changes his name: an audit entry about Bob, with his old and new names.
    expect((await bobC.patch("/api/me", { fullName: "Борис Соседов-Второй" })).statusCode).toBe(200);
    expect((await aliceC.patch("/api/me", { fullName: "Алиса Экспортова-Новая" })).statusCode).toBe(200);

    const asked = await aliceC.post("/api/privacy/exports");
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ state: "queued", readyAt: null });
    exportId = asked.json().id;
    // Asking again while it waits is the same export.
    expect((await aliceC.post("/api/privacy/exports")).json().id).toBe(exportId);

    await t.runJobs();
    const list = (await aliceC.get("/api/privacy/exports")).json();
    expect(list.items[0]).toMatchObject({ id: exportId, state: "ready" });
    const expires = Date.parse(list.items[0].expiresAt) - Date.parse(list.items[0].readyAt);
    expect(expires).toBe(7 * DAY);
    const [note] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alice.id), eq(notifications.kind, "privacy.export-ready")))
      .orderBy(notifications.createdAt);
    expect(note).toBeDefined();

    const res = await aliceC.get(`/api/privacy/exports/${exportId}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(String(res.headers["content-disposition"])).toMatch(
      /^attachment; filename="?innocluster-data-\d{4}-\d\d-\d\d\.zip/,
    );
    const zip = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(zip).sort();
    for (const m of [
      "accounts",
      "organizations",
      "notifications",
      "audit",
      "measures",
      "verification",
      "conversations",
      "privacy",
    ])
      expect(names).toContain(`${m}.json`);
    const json = (n: string) => JSON.parse(Buffer.from(zip[n]!).toString("utf8"));
    // The README explains the archive in the user's language.
    expect(Buffer.from(zip["README.txt"]!).toString("utf8")).toMatch(
      /^Данные, которые платформа Иннокластер хранит о вас, на \d{4}-/,
    );
    const accounts = json("accounts.json");
    expect(accounts.account).toMatchObject({ id: alice.id, email: "alice@example.ru" });
    expect(accounts.sessions.length).toBeGreaterThan(0);
    expect(json("organizations.json").memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, organization: "Общая компания", role: "member" }),
    ]);
    expect(json("measures.json").savedSearches).toEqual([expect.objectContaining({ name: "Поиск alice" })]);
    expect(json("conversations.json").messagesWritten).toEqual([
      expect.objectContaining({ body: "message-of-alice", title: "Общая компания" }),
    ]);
    expect(json("notifications.json").notifications.length).toBeGreaterThan(0);
    expect(json("audit.json").entriesAboutYou).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "user.update_profile" })]),
    );
    const uploaded = names.filter((n) => n.startsWith("files/privacy/"));
    expect(uploaded).toHaveLength(1);
    expect(Buffer.from(zip[uploaded[0]!]!).toString()).toBe("contents-of-alice");

    // Nothing of Bob's (nor of the owner's) is in it, though they share the organization.
    const everything = names.map((n) => Buffer.from(zip[n]!).toString("utf8")).join("\n");
    for (const other of [
      bob.id,
      "bob@example.ru",
      "Борис",
      "Поиск bob",
      "contents-of-bob",
      "note-bob",
      "message-of-bob",
      owner.id,
      "Владелец",
    ])
      expect(everything).not.toContain(other);
    expect(everything).toContain("alice@example.ru");
  });

  it("downloads only for its user: anyone else gets 404, a guest 401", async () => {
    expectProblem(await bobC.get(`/api/privacy/exports/${exportId}/file`), 404, "not-found");
    expectProblem(await new Client(t.app).get(`/api/privacy/exports/${exportId}/file`), 401);
    expect((await bobC.get("/api/privacy/exports")).json().items).toEqual([]);
  });

  it("stops working after 7 days (410), and the clean-up job removes the zip", async () => {
    moveClock(7 * DAY - 60_000);
    expect((await aliceC.get(`/api/privacy/exports/${exportId}/file`)).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(dataExports).where(eq(dataExports.id, exportId));
    const [file] = await t.database.db.select().from(files).where(eq(files.id, row!.fileId!));
    await runJob("privacy.exports-clean-up");
    expect(await t.app.services.storage.exists(file!.storageKey)).toBe(true);
    moveClock(7 * DAY + 60_000);
    const p = expectProblem(await aliceC.get(`/api/privacy/exports/${exportId}/file`), 410, "export-expired");
    expect(p.title).toMatch(/7/);
    await runJob("privacy.exports-clean-up");
    expect(await t.app.services.storage.exists(file!.storageKey)).toBe(false);
    expect((await aliceC.get("/api/privacy/exports")).json().items[0]).toMatchObject({ state: "expired" });
    expectProblem(await aliceC.get(`/api/privacy/exports/${exportId}/file`), 410, "export-expired");
  });
});

describe("an export that cannot be prepared", () => {
  it("never stops the start; after the job's retries it is failed, and the user can request again", async () => {
    const dave = await createUser(t.database, { fullName: "Давид Битофайлов", email: "dave@example.ru" });
    const c = await signedIn(t, dave);
    // A stored file whose contents are gone: the zip cannot be built.
    await storeFile(dave.id, "lost.png", "lost");
    await t.app.services.storage.delete(`test/${dave.id}/lost.png`);
    const asked = (await c.post("/api/privacy/exports")).json();
    t.app.services.jobs.held.length = 0; // the job the request sent is lost, say
    // The start only sends the job again; it builds nothing, so it cannot fail on the file.
    const jobs = new JobQueue(privacyModule.queued!);
    await privacyModule.onStart!({ ...services(), jobs });
    expect(jobs.held.map((h) => h.data)).toContainEqual({ exportId: asked.id });
    for (let run = 1; run <= EXPORT_ATTEMPTS; run++) {
      await expect(EXPORT_JOB.run(services(), { exportId: asked.id })).rejects.toThrow();
      const [row] = await t.database.db.select().from(dataExports).where(eq(dataExports.id, asked.id));
      expect(row?.state).toBe(run < EXPORT_ATTEMPTS ? "queued" : "failed");
      expect(row?.error).toBeTruthy();
    }
    expect((await c.get("/api/privacy/exports")).json().items[0]).toMatchObject({
      id: asked.id,
      state: "failed",
    });
    expectProblem(await c.get(`/api/privacy/exports/${asked.id}/file`), 404);
    const again = await c.post("/api/privacy/exports");
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ state: "queued" });
    expect(again.json().id).not.toBe(asked.id);
    t.app.services.jobs.held.length = 0;
  });

  it("records and shows the size of a zip over 2 GiB", async () => {
    const erin = await createUser(t.database, { fullName: "Эрик Большой", email: "erin@example.ru" });
    const c = await signedIn(t, erin);
    const asked = (await c.post("/api/privacy/exports")).json();
    t.app.services.jobs.held.length = 0;
    const size = 3 * 1024 * 1024 * 1024;
    const [file] = await t.database.db
      .insert(files)
      .values({
        storageKey: `test/${erin.id}/big.zip`,
        purpose: "personal-data-export",
        uploadedBy: erin.id,
        originalName: "big.zip",
        size,
        sha256: "0".repeat(64),
        contentType: "application/zip",
        attachedAt: new Date(),
      })
      .returning();
    await t.database.db
      .update(dataExports)
      .set({ state: "ready", fileId: file!.id, readyAt: new Date(), expiresAt: new Date(Date.now() + DAY) })
      .where(eq(dataExports.id, asked.id));
    expect((await c.get("/api/privacy/exports")).json().items[0]).toMatchObject({ state: "ready", size });
  });
});

describe("deletion of an account", () => {
  it("refuses an owner until ownership is passed on, naming the organizations (ru and en)", async () => {
    const ru = await signedIn(t, owner);
    const p = expectProblem(
      await ru.post("/api/privacy/erasure", { password: TEST_PASSWORD }),
      409,
      "erasure-owner",
    );
    expect(p.title).toContain("«Общая компания»");
    expect(p.organizations).toEqual(["Общая компания"]);
    const en = await signedIn(t, owner, "en");
    expect((await en.patch("/api/me", { locale: "en" })).statusCode).toBe(200);
    const pe = expectProblem(await en.post("/api/privacy/erasure", { password: TEST_PASSWORD }), 409);
    expect(pe.title).toMatch(/You own these organizations: «Общая компания»/);
    expect((await ru.get("/api/me")).json().user.id).toBe(owner.id);
  });

  it("asks for the password again", async () => {
    const c = await signedIn(t, bob);
    const p = expectProblem(
      await c.post("/api/privacy/erasure", { password: "wrong-one-1" }),
      400,
      "wrong-password",
    );
    expect(p.errors?.[0]?.field).toBe("password");
  });

  it("blocks at once: sessions end, sign-in says when and offers to cancel; the mail says how", async () => {
    const c = await signedIn(t, bob);
    const other = await signedIn(t, bob);
    const res = await c.post("/api/privacy/erasure", {
      password: TEST_PASSWORD,
      reason: "consent-withdrawn",
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(Date.parse(res.json().erasesAt) - Date.parse(res.json().requestedAt)).toBe(30 * DAY);
    expect((await c.get("/api/me")).json().user).toBeNull();
    expect((await other.get("/api/me")).json().user).toBeNull();
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, bob.id))).toEqual([]);

    const again = new Client(t.app);
    const p = expectProblem(
      await again.post("/api/auth/signin", { email: "bob@example.ru", password: TEST_PASSWORD }),
      403,
      "deletion-pending",
    );
    expect(p.erasesAt).toBe(res.json().erasesAt);
    expect(p.title).toContain(res.json().erasesAt.slice(0, 10));
    // A wrong password learns nothing about the request.
    expectProblem(
      await again.post("/api/auth/signin", { email: "bob@example.ru", password: "nope-nope-1" }),
      401,
    );

    const [mail] = await mailsTo(t.database, "bob@example.ru");
    expect(mail?.subject).toBe("Ваша учётная запись будет удалена");
    expect(mail?.text).toContain("Отменить удаление");
    const [consent] = await t.database.db
      .select()
      .from(consents)
      .where(and(eq(consents.userId, bob.id), eq(consents.kind, "personal_data")));
    expect(consent === undefined || consent.withdrawnAt !== null).toBe(true);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.erasure_requested"), eq(auditLog.entityId, bob.id)));
    expect(audit?.after).toMatchObject({ reason: "consent-withdrawn" });
  });

  it("shows the operator the pending erasures with the days left; others get 403", async () => {
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const list = (await operator.get("/api/operator/erasures")).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      userId: bob.id,
      email: "bob@example.ru",
      daysLeft: 30,
      reason: "consent-withdrawn",
    });
    expectProblem(await (await signedIn(t, alice)).get("/api/operator/erasures"), 403);
  });

  it("is not carried out before 30 days, then anonymizes the account by the scheduled job", async () => {
    // Bob once joined by an invitation sent to his address.
    await t.database.db.insert(invitations).values({
      organizationId: org.id,
      email: "bob@example.ru",
      role: "member",
      tokenHash: "accepted-long-ago",
      invitedBy: owner.id,
      expiresAt: new Date(),
      acceptedAt: new Date(),
      acceptedBy: bob.id,
    });
    // The owner was told that Bob left: the notice names him while he exists.
    await t.database.db.transaction((tx) =>
      notify(tx, t.config.publicUrl, {
        userIds: [owner.id],
        kind: "org.member.left",
        data: { org: "Общая компания", actor: bob.id },
      }),
    );
    const ownerTitles = async () =>
      (await (await signedIn(t, owner)).get("/api/notifications"))
        .json()
        .items.map((n: { title: string }) => n.title);
    expect(await ownerTitles()).toContain("Борис Соседов-Второй left Общая компания");
    moveClock(29 * DAY);
    await runJob("privacy.erase-due");
    let [u] = await t.database.db.select().from(users).where(eq(users.id, bob.id));
    expect(u?.email).toBe("bob@example.ru");

    moveClock(30 * DAY + 60_000);
    await runJob("privacy.erase-due");
    [u] = await t.database.db.select().from(users).where(eq(users.id, bob.id));
    expect(u).toMatchObject({ fullName: ERASED_USER_NAME, passwordHash: null });
    expect(u?.email).not.toContain("bob");
    expect(u?.erasedAt).not.toBeNull();
    expect(await t.database.db.select().from(memberships).where(eq(memberships.userId, bob.id))).toEqual([]);
    expect(
      await t.database.db.select().from(measureSubscriptions).where(eq(measureSubscriptions.userId, bob.id)),
    ).toEqual([]);
    expect(JSON.stringify(await t.database.db.select().from(invitations))).not.toContain("bob@example.ru");
    // Other people's notifications name him no more.
    expect(JSON.stringify(await t.database.db.select().from(notifications))).not.toContain("Борис");
    const titles = await ownerTitles();
    expect(titles).toContain("Deleted user left Общая компания");
    expect(titles.join()).not.toContain("Борис");
    // His message stays in the conversation, from nobody named.
    const [message] = await t.database.db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.body, "message-of-bob"));
    expect(message).toMatchObject({ authorId: null, authorErased: true });
    const [req] = await t.database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.userId, bob.id));
    expect(req?.state).toBe("done");
    // The audit log keeps the user id only: no address, no name, no IP.
    const entries = await t.database.db.select().from(auditLog);
    const text = JSON.stringify(entries.filter((e) => e.entityId === bob.id || e.actorId === bob.id));
    expect(text).toContain(bob.id);
    expect(text).not.toContain("bob@example.ru");
    expect(text).not.toContain("Борис");
    expect(entries.some((e) => e.action === "user.erased" && e.entityId === bob.id)).toBe(true);
    expect(entries.filter((e) => e.actorId === bob.id).every((e) => e.ip === null)).toBe(true);
    // The address signs in no more, and the operator's list is empty.
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email: "bob@example.ru", password: TEST_PASSWORD }),
      401,
    );
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    expect((await operator.get("/api/operator/erasures")).json().total).toBe(0);
  });

  it("can be cancelled within the 30 days by signing in; the account then stays", async () => {
    const carol = await createUser(t.database, { fullName: "Карина Передумова", email: "carol@example.ru" });
    await addMember(t.database, org.id, carol.id, "member");
    const c = await signedIn(t, carol);
    expect((await c.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);
    moveClock(20 * DAY);
    const again = new Client(t.app);
    expectProblem(
      await again.post("/api/privacy/erasure/cancel", {
        email: "carol@example.ru",
        password: "wrong-pass-1",
      }),
      401,
    );
    const res = await again.post("/api/privacy/erasure/cancel", {
      email: "carol@example.ru",
      password: TEST_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await again.get("/api/me")).json().user.email).toBe("carol@example.ru");
    // Cancelling twice: nothing is pending.
    expectProblem(
      await new Client(t.app).post("/api/privacy/erasure/cancel", {
        email: "carol@example.ru",
        password: TEST_PASSWORD,
      }),
      409,
      "erasure-not-pending",
    );
    moveClock(31 * DAY);
    await runJob("privacy.erase-due");
    const [u] = await t.database.db.select().from(users).where(eq(users.id, carol.id));
    expect(u?.fullName).toBe("Карина Передумова");
    expect(
      await t.database.db.select().from(memberships).where(eq(memberships.userId, carol.id)),
    ).toHaveLength(1);
    const given = await t.database.db
      .select()
      .from(consents)
      .where(and(eq(consents.userId, carol.id), eq(consents.kind, "personal_data")));
    expect(given.some((g) => g.withdrawnAt === null)).toBe(true);
    expect(
      (
        await new Client(t.app).post("/api/auth/signin", {
          email: "carol@example.ru",
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe("erasure of awkward names, and of one failing", () => {
  it("erases a user named `null,` and one named `status`: the log stays valid, other entries untouched", async () => {
    const nully = await createUser(t.database, { fullName: "null,", email: "nully@example.ru" });
    const statusy = await createUser(t.database, { fullName: "status", email: "statusy@example.ru" });
    const someone = await createUser(t.database, { fullName: "Сторонний Человек" });
    // Someone else's entries that happen to hold the raw text `null,` and the key `status`.
    const [unrelated] = await t.database.db
      .insert(auditLog)
      .values({
        actorId: someone.id,
        action: "organization.update",
        entity: "organization",
        entityId: org.id,
        before: { status: "pending", note: null, list: [null, 1] },
        after: { status: "active", note: "status" },
      })
      .returning();
    // Their own actions quoting their names and addresses.
    const [own] = await t.database.db
      .insert(auditLog)
      .values({
        actorId: statusy.id,
        action: "organization.invitation_create",
        entity: "organization",
        entityId: org.id,
        after: { status: "sent", by: "status", email: "statusy@example.ru", nested: { who: ["null,"] } },
      })
      .returning();
    for (const u of [nully, statusy]) {
      const c = await signedIn(t, u);
      expect((await c.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);
    }
    moveClock(31 * DAY);
    await runJob("privacy.erase-due");
    for (const u of [nully, statusy]) {
      const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
      expect(row?.fullName).toBe(ERASED_USER_NAME);
    }
    const [after] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, unrelated!.id));
    expect(after).toMatchObject({ before: unrelated!.before, after: unrelated!.after });
    const [ownAfter] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, own!.id));
    expect(ownAfter?.after).toEqual({
      status: "sent",
      by: "[erased]",
      email: "[erased]",
      nested: { who: ["null,"] },
    });
  });

  it("one erasure that fails does not stop the next; the operator sees the failure, and the next run retries", async () => {
    const failing = await createUser(t.database, {
      fullName: "Сбойный Пользователь",
      email: "fail@example.ru",
    });
    const next = await createUser(t.database, {
      fullName: "Следующий Пользователь",
      email: "next@example.ru",
    });
    for (const u of [failing, next]) {
      const c = await signedIn(t, u);
      expect((await c.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);
      moveClock(60_000);
    }
    const original = privacyPersonalData.erase;
    const spy = vi.spyOn(privacyPersonalData, "erase").mockImplementation(async (tx, userId, env) => {
      if (userId === failing.id) throw new Error("storage unavailable");
      return original(tx, userId, env);
    });
    moveClock(31 * DAY);
    await runJob("privacy.erase-due");
    const name = async (id: string) =>
      (await t.database.db.select().from(users).where(eq(users.id, id)))[0]?.fullName;
    expect(await name(failing.id)).toBe("Сбойный Пользователь");
    expect(await name(next.id)).toBe(ERASED_USER_NAME);
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const list = (await operator.get("/api/operator/erasures")).json();
    expect(list.items).toEqual([
      expect.objectContaining({ userId: failing.id, attempts: 1, lastError: "storage unavailable" }),
    ]);
    spy.mockRestore();
    await runJob("privacy.erase-due");
    expect(await name(failing.id)).toBe(ERASED_USER_NAME);
    expect((await operator.get("/api/operator/erasures")).json().total).toBe(0);
  });
});

describe("an owner whose erasure comes due", () => {
  it("is not erased (the organization keeps its owner) and is flagged to the operator", async () => {
    const frank = await createUser(t.database, { fullName: "Фёдор Владеющий", email: "frank@example.ru" });
    const own = await createOrg(t.database, { shortName: "Фёдорова фирма" });
    await addMember(t.database, own.id, frank.id, "member");
    const c = await signedIn(t, frank);
    expect((await c.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);
    // Made owner afterwards by a path that did not check (the refusal on transfer is tested in organizations).
    await t.database.db
      .update(memberships)
      .set({ role: "owner" })
      .where(and(eq(memberships.organizationId, own.id), eq(memberships.userId, frank.id)));
    moveClock(31 * DAY);
    await runJob("privacy.erase-due");
    const [u] = await t.database.db.select().from(users).where(eq(users.id, frank.id));
    expect(u?.fullName).toBe("Фёдор Владеющий");
    const [m] = await t.database.db.select().from(memberships).where(eq(memberships.organizationId, own.id));
    expect(m).toMatchObject({ userId: frank.id, role: "owner" });
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const item = (await operator.get("/api/operator/erasures"))
      .json()
      .items.find((i: { userId: string }) => i.userId === frank.id);
    expect(item).toMatchObject({ attempts: 1 });
    expect(item.lastError).toContain("Фёдорова фирма");
  });
});

describe("a contact person's erasure", () => {
  it("clears the organization's contacts that were theirs", async () => {
    const gleb = await createUser(t.database, { fullName: "Глеб Контактов", email: "gleb@example.ru" });
    const firm = await createOrg(t.database, { shortName: "Контактная фирма" });
    await addMember(t.database, firm.id, gleb.id, "member");
    await t.database.db
      .update(organizations)
      .set({ contactPersonId: gleb.id, contactEmail: "gleb@example.ru", contactPhone: "+7 900 000-00-00" })
      .where(eq(organizations.id, firm.id));
    const c = await signedIn(t, gleb);
    expect((await c.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);
    moveClock(31 * DAY);
    await runJob("privacy.erase-due");
    const [o] = await t.database.db.select().from(organizations).where(eq(organizations.id, firm.id));
    expect(o).toMatchObject({ contactPersonId: null, contactEmail: null, contactPhone: null });
  });
});

describe("a deletion request ends the person's public appearance at once", () => {
  it("clears their contacts as the contact person and refreshes the cached public page", async () => {
    const person = await createUser(t.database, { fullName: "Контактова Вера Ильинична" });
    const company = await createOrg(t.database, { shortName: "Контактная компания" });
    await addMember(t.database, company.id, person.id, "member");
    await t.database.db
      .update(organizations)
      .set({
        contactPersonId: person.id,
        contactEmail: "vera@kontakt.example",
        contactPhone: "+7 495 000-00-00",
        contactsConsentAt: new Date(),
      })
      .where(eq(organizations.id, company.id));
    const gen = async () => {
      const r = await t.database.db.execute<{ gen: number }>(
        sql`select gen from search_generations where catalog = 'directory'`,
      );
      return Number((r as unknown as { rows: { gen: number }[] }).rows?.[0]?.gen ?? 0);
    };
    const before = await gen();
    const c = await signedIn(t, person);
    const res = await c.post("/api/privacy/erasure", {
      password: TEST_PASSWORD,
      reason: "consent-withdrawn",
    });
    expect(res.statusCode, res.body).toBe(202);
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, company.id));
    expect(row).toMatchObject({ contactPersonId: null, contactEmail: null, contactPhone: null });
    expect(await gen()).toBeGreaterThan(before);
  });
});
