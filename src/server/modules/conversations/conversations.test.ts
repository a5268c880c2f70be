import { and, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { moveClock, resetClock } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  multipartFile,
  signedIn,
  type TestApp,
  testApp,
} from "../../test/helpers.js";
import { users } from "../accounts/accounts.schema.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, markVerified, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { anonymizeAuthor, exportMessagesOf, openConversation } from "./conversations.api.js";
import { conversationMessages } from "./conversations.schema.js";

let t: TestApp;
let op: Client;
let stranger: Client;
let guest: Client;
let operator: Awaited<ReturnType<typeof createUser>>;
let team: Awaited<ReturnType<typeof orgWithTeam>>;
let other: Awaited<ReturnType<typeof orgWithTeam>>;
let applicationId: string;
let convId: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

type Msg = {
  id: string;
  body: string | null;
  event: string | null;
  deleted: boolean;
  mine: boolean;
  editableUntil: string | null;
  version: number;
  side: string;
  author: { id: string | null; name: string };
  attachments: { id: string; name: string; url: string }[];
};

const view = async (c: Client, id = convId) => {
  const res = await c.get(`/api/conversations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { messages: Msg[]; unread: number; reads: { userId: string; name: string }[] };
};
const unread = async (c: Client) => (await c.get("/api/conversations/unread")).json().unread as number;
const post = (c: Client, body: string, fileIds: string[] = [], id = convId) =>
  c.post(`/api/conversations/${id}/messages`, { body, fileIds });

beforeAll(async () => {
  t = await testApp();
  operator = await createUser(t.database, { role: "operator", fullName: "Операторова Мария Сергеевна" });
  op = await signedIn(t, operator);
  stranger = await signedIn(t, await createUser(t.database));
  guest = new Client(t.app);
  team = await orgWithTeam(t, { regionCode: "77", shortName: "Альфа Сенсор" });
  other = await orgWithTeam(t, { regionCode: "77", shortName: "Бета Лаб" });
  await markVerified(t.database, team.org.id);
  const res = await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
    requestedStatus: "participant",
    comment: "Просим присвоить статус участника",
  });
  expect(res.statusCode, res.body).toBe(201);
  applicationId = res.json().id;
  const conv = await team.memberC.get(
    `/api/conversations/subject?kind=status_application&subjectId=${applicationId}`,
  );
  expect(conv.statusCode, conv.body).toBe(200);
  convId = conv.json().id;
});
afterAll(() => t.close());
afterEach(() => resetClock());

describe("who may read a conversation", () => {
  it("members of the applicant (any role) and operators read the application's conversation; the submission is its first message", async () => {
    for (const c of [team.ownerC, team.adminC, team.memberC, op]) {
      const v = await view(c);
      expect(v.messages[0]).toMatchObject({
        event: "status.submitted",
        body: "Просим присвоить статус участника",
        side: "a",
      });
    }
    const summary = (
      await op.get(`/api/conversations/subject?kind=status_application&subjectId=${applicationId}`)
    ).json();
    expect(summary).toMatchObject({
      title: "Альфа Сенсор",
      mySide: "b",
      subject: { kind: "status_application", link: `/operator/applications/${applicationId}` },
      parties: [
        { side: "a", kind: "organization", name: "Альфа Сенсор" },
        { side: "b", kind: "operator", name: "Оператор кластера" },
      ],
    });
    const mine = (await team.memberC.get("/api/conversations")).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([convId]);
    expect(mine.items[0].subject.link).toBe(`/organizations/${team.org.id}/status`);
  });

  it("anyone else gets 404 for the conversation, its messages and its files — and the refusal is audited; a guest 401", async () => {
    for (const c of [stranger, other.ownerC]) {
      expectProblem(await c.get(`/api/conversations/${convId}`), 404, "not-found");
      expectProblem(await post(c, "Здравствуйте"), 404, "not-found");
      expectProblem(await c.post(`/api/conversations/${convId}/read`), 404, "not-found");
      expectProblem(
        await c.get(`/api/conversations/subject?kind=status_application&subjectId=${applicationId}`),
        404,
        "not-found",
      );
      expect((await c.get("/api/conversations")).json().items).toEqual([]);
    }
    const [r] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "conversation.access_refused"), eq(auditLog.entityId, convId)));
    expect(r!.n).toBeGreaterThanOrEqual(8);
    expectProblem(await guest.get(`/api/conversations/${convId}`), 401);
    expectProblem(await guest.get("/api/conversations/events"), 401);
  });

  it("a conversation between two organizations is read by the members of both and by nobody else, operators included", async () => {
    const conv = await t.database.db.transaction((tx) =>
      openConversation(tx, {
        subject: { kind: "status_application", id: crypto.randomUUID() },
        parties: [{ organizationId: team.org.id }, { organizationId: other.org.id }],
        title: "Обмен чертежами",
      }),
    );
    expect((await post(other.memberC, "Добрый день! Присылаем чертежи.", [], conv.id)).statusCode).toBe(201);
    expect((await view(team.ownerC, conv.id)).messages.at(-1)?.author.name).toBe("Кузнецов Олег Игоревич");
    expect((await view(other.adminC, conv.id)).messages).toHaveLength(1);
    expectProblem(await op.get(`/api/conversations/${conv.id}`), 404);
    expectProblem(await stranger.get(`/api/conversations/${conv.id}`), 404);
    await team.ownerC.post(`/api/conversations/${conv.id}/read`);
  });
});

describe("messages", () => {
  it("the operator's message reaches the applicant: unread counts per conversation and in total, read marks", async () => {
    await team.ownerC.post(`/api/conversations/${convId}/read`);
    await op.post(`/api/conversations/${convId}/read`);
    expect(await unread(team.ownerC)).toBe(0);
    const res = await post(op, "Приложите, пожалуйста, выписку из ЕГРЮЛ не старше 30 дней.");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mine: true,
      side: "b",
      author: { name: "Операторова Мария Сергеевна" },
    });

    expect(await unread(team.ownerC)).toBe(1);
    const list = (await team.ownerC.get("/api/conversations")).json();
    expect(list.unreadTotal).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: convId,
      unread: 1,
      // the organization sees the operator, not the person
      lastMessage: { authorName: "Оператор кластера", deleted: false },
    });
    expect(list.items[0].lastMessage.preview).toMatch(/^Приложите/);
    expect(await unread(op)).toBe(0);

    await team.ownerC.post(`/api/conversations/${convId}/read`);
    expect(await unread(team.ownerC)).toBe(0);
    // The operator sees how far the applicant's owner has read; the owner sees the operator as the operator.
    const opView = await view(op);
    expect(opView.reads.find((r) => r.userId === team.owner.id)?.name).toBe("Иванов Иван Иванович");
    // Nor does the operator's id reach the organization: not in read marks, not in the messages' authors.
    const ownerView = await view(team.ownerC);
    expect(ownerView.reads.find((r) => r.name === "Оператор кластера")?.userId).toBeNull();
    expect(JSON.stringify(ownerView)).not.toContain(operator.id);
    expect(ownerView.messages.at(-1)?.author).toEqual({ id: null, name: "Оператор кластера" });
    expect((await view(op)).messages.at(-1)?.author.id).toBe(operator.id);
    // Another member has not read it yet.
    expect(await unread(team.memberC)).toBeGreaterThanOrEqual(1);
  });

  it("an own message can be edited within 10 minutes (server clock), not after; another's never", async () => {
    const res = await post(team.ownerC, "Выписку приложим завтра");
    const m = res.json() as Msg;
    expect(m.editableUntil).not.toBeNull();
    const edit = await team.ownerC.patch(`/api/conversations/${convId}/messages/${m.id}`, {
      body: "Выписку приложим сегодня",
      version: m.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ body: "Выписку приложим сегодня", version: 2 });
    expect(edit.json().editedAt).not.toBeNull();
    // a stale version
    expectProblem(
      await team.ownerC.patch(`/api/conversations/${convId}/messages/${m.id}`, { body: "x", version: 1 }),
      409,
      "message-changed",
    );
    // another member of the same organization, and the operator: not their message
    expectProblem(
      await team.adminC.patch(`/api/conversations/${convId}/messages/${m.id}`, { body: "x", version: 2 }),
      404,
    );
    expectProblem(await op.delete(`/api/conversations/${convId}/messages/${m.id}`), 404);

    moveClock(10 * 60 * 1000 + 1000);
    const late = (await view(team.ownerC)).messages.find((x) => x.id === m.id)!;
    expect(late.editableUntil).toBeNull();
    expectProblem(
      await team.ownerC.patch(`/api/conversations/${convId}/messages/${m.id}`, {
        body: "Поздно",
        version: 2,
      }),
      409,
      "message-edit-window",
    );
    expectProblem(
      await team.ownerC.delete(`/api/conversations/${convId}/messages/${m.id}`),
      409,
      "message-edit-window",
    );
    expect((await view(op)).messages.find((x) => x.id === m.id)?.body).toBe("Выписку приложим сегодня");
  });

  it("a removed message leaves a marker for both parties, with neither text nor files", async () => {
    const up = await uploadPdf(team.ownerC, "Устав.pdf");
    const m = (await post(team.ownerC, "Ошибочное сообщение", [up.id])).json() as Msg;
    expect((await team.ownerC.delete(`/api/conversations/${convId}/messages/${m.id}`)).statusCode).toBe(204);
    for (const c of [team.ownerC, op]) {
      const gone = (await view(c)).messages.find((x) => x.id === m.id)!;
      expect(gone).toMatchObject({ deleted: true, body: null, attachments: [] });
    }
    expectProblem(await op.get(`/api/conversations/${convId}/files/${up.id}`), 404);
    const list = (await op.get("/api/conversations")).json();
    expect(list.items[0].lastMessage).toMatchObject({ deleted: true, preview: null });
  });

  it("older pages follow the thread's order: messages written at the same instant are neither skipped nor repeated", async () => {
    const conv = await t.database.db.transaction((tx) =>
      openConversation(tx, {
        subject: { kind: "status_application", id: crypto.randomUUID() },
        parties: [{ organizationId: team.org.id }, { organizationId: other.org.id }],
        title: "Одновременные сообщения",
      }),
    );
    const at = new Date("2026-03-01T10:00:00.000Z");
    await t.database.db.insert(conversationMessages).values(
      ["один", "два", "три", "четыре", "пять"].map((body) => ({
        conversationId: conv.id,
        authorId: team.owner.id,
        side: "a" as const,
        body,
        createdAt: at,
      })),
    );
    const seen: string[] = [];
    let query = "limit=2";
    for (let i = 0; i < 5; i++) {
      const res = await other.memberC.get(`/api/conversations/${conv.id}?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { messages: (Msg & { createdAt: string })[]; hasMore: boolean };
      seen.unshift(...page.messages.map((m) => m.body!));
      if (!page.hasMore) break;
      const first = page.messages[0]!;
      query = `limit=2&before=${encodeURIComponent(first.createdAt)}&beforeId=${first.id}`;
    }
    expect(seen.sort()).toEqual(["два", "один", "пять", "три", "четыре"]);
  });

  it("a `before` outside the years 1–9999 is a field error, not a server error", async () => {
    for (const before of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+01:00"]) {
      const body = expectProblem(
        await team.ownerC.get(`/api/conversations/${convId}?before=${encodeURIComponent(before)}`),
        400,
      );
      expect(Object.keys(fieldErrors(body))).toEqual(["before"]);
    }
    const edge = await team.ownerC.get(
      `/api/conversations/${convId}?before=${encodeURIComponent("9999-12-31T23:59:59Z")}`,
    );
    expect(edge.statusCode, edge.body).toBe(200);
  });

  it("an empty message without files is refused with a field error", async () => {
    const body = expectProblem(await post(team.ownerC, "   "), 400);
    expect(fieldErrors(body).body).toBe("Напишите сообщение или приложите файл");
  });
});

async function uploadPdf(c: Client, name: string, data = PDF, type = "application/pdf") {
  const u = multipartFile(data, name, type);
  const res = await c.request("POST", `/api/conversations/${convId}/files`, u.payload, u.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; contentType: string };
}

describe("attachments", () => {
  it("a PDF attached by the applicant is downloaded by the operator with its name; strangers cannot upload or download", async () => {
    const up = await uploadPdf(team.ownerC, "Выписка ЕГРЮЛ.pdf");
    expect(up).toMatchObject({ name: "Выписка ЕГРЮЛ.pdf", contentType: "application/pdf" });
    const res = await post(team.ownerC, "Прикладываем выписку", [up.id]);
    expect(res.statusCode, res.body).toBe(201);
    const att = (res.json() as Msg).attachments[0]!;
    expect(att.url).toBe(`/api/conversations/${convId}/files/${up.id}`);
    const dl = await op.get(att.url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-type"]).toBe("application/pdf");
    expect(String(dl.headers["content-disposition"])).toContain("attachment");
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expectProblem(await stranger.get(att.url), 404);
    const u = multipartFile(PDF, "x.pdf", "application/pdf");
    expectProblem(
      await stranger.request("POST", `/api/conversations/${convId}/files`, u.payload, u.headers),
      404,
    );
    // A file is attached once, by its uploader.
    expectProblem(await post(op, "Повтор", [up.id]), 400);
  });

  it("a file of a type the purpose does not allow is refused with a ru/en field error", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
    const u = multipartFile(exe, "Выписка.pdf", "application/pdf");
    const res = await team.ownerC.request("POST", `/api/conversations/${convId}/files`, u.payload, u.headers);
    const body = expectProblem(res, 400);
    expect(fieldErrors(body).file).toMatch(
      /^Файл должен быть в формате PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, ODT, ODS или ZIP$/,
    );
  });
});

describe("the status application's conversation", () => {
  it("the operator's 'return for changes' comment appears in it as the operator's message", async () => {
    const current = (await op.get(`/api/operator/status-applications/${applicationId}`)).json();
    const res = await op.post(`/api/operator/status-applications/${applicationId}/decision`, {
      decision: "return",
      comment: "Не приложена выписка из ЕГРЮЛ",
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const last = (await view(team.memberC)).messages.at(-1)!;
    expect(last).toMatchObject({
      event: "status.returned",
      body: "Не приложена выписка из ЕГРЮЛ",
      side: "b",
      author: { name: "Оператор кластера" },
      editableUntil: null,
    });
  });
});

describe("notifications of a new message", () => {
  it("reach the other party's members by their preferences: in-app, e-mail at once, or nothing", async () => {
    const kind = "conversations.message";
    const set = (c: Client, channel: string) =>
      c.request("PUT", "/api/notifications/preferences", { items: [{ kind, channel }] });
    expect((await set(team.ownerC, "in_app")).statusCode).toBe(200);
    expect((await set(team.memberC, "off")).statusCode).toBe(200);
    // the admin keeps the default: e-mail at once
    const mailsBefore = (await mailsTo(t.database, team.admin.email)).length;
    const ownerMailsBefore = (await mailsTo(t.database, team.owner.email)).length;
    const inApp = async (userId: string) => {
      const [r] = await t.database.db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
      return r!.n;
    };
    // Everybody has seen the thread so far (opening it marks their notices of it read).
    for (const c of [team.ownerC, team.adminC, team.memberC])
      await c.post(`/api/conversations/${convId}/read`);
    const before = await Promise.all([team.owner.id, team.admin.id, team.member.id].map(inApp));
    const operatorBefore = await inApp(operator.id);

    expect((await post(op, "Спасибо, получили. Проверим до пятницы.")).statusCode).toBe(201);

    const after = await Promise.all([team.owner.id, team.admin.id, team.member.id].map(inApp));
    expect(after).toEqual([before[0]! + 1, before[1]! + 1, before[2]]);
    expect((await mailsTo(t.database, team.owner.email)).length).toBe(ownerMailsBefore);
    const mails = await mailsTo(t.database, team.admin.email);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]!.subject).toContain("Альфа Сенсор");
    expect(mails[0]!.text).toContain(`/messages/${convId}`);
    // The writer's own side is not notified of their own message.
    expect(await inApp(operator.id)).toBe(operatorBefore);

    // More messages while the notice is unread: no more notices or mails (the thread shows them).
    expect((await post(op, "И ещё: нужен устав.")).statusCode).toBe(201);
    expect((await post(op, "И копия лицензии.")).statusCode).toBe(201);
    expect(await Promise.all([team.owner.id, team.admin.id, team.member.id].map(inApp))).toEqual(after);
    expect((await mailsTo(t.database, team.admin.email)).length).toBe(mailsBefore + 1);
    // Once the admin has opened the conversation, the next message notifies them again.
    await team.adminC.post(`/api/conversations/${convId}/read`);
    expect((await post(op, "Ждём документы.")).statusCode).toBe(201);
    expect(await inApp(team.admin.id)).toBe(after[1]! + 1);
    expect(await inApp(team.owner.id)).toBe(after[0]);
    expect((await mailsTo(t.database, team.admin.email)).length).toBe(mailsBefore + 2);
  });

  it("in a thread with the operator they reach the operators who wrote there and still are operators", async () => {
    const conv = await t.database.db.transaction((tx) =>
      openConversation(tx, {
        subject: { kind: "status_application", id: crypto.randomUUID() },
        parties: [{ organizationId: other.org.id }, { operator: true }],
        title: "Бета Лаб",
      }),
    );
    const former = await createUser(t.database, { role: "operator", fullName: "Бывшая Операторша" });
    const formerC = await signedIn(t, former);
    const inApp = (userId: string) =>
      t.database.db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.link, `/messages/${conv.id}`)))
        .then(([r]) => r!.n);
    expect((await post(formerC, "Здравствуйте!", [], conv.id)).statusCode).toBe(201);
    // The only operator who wrote is no operator any more: every current operator hears of the answer.
    await t.database.db.update(users).set({ role: "user" }).where(eq(users.id, former.id));
    expect((await post(other.memberC, "Добрый день", [], conv.id)).statusCode).toBe(201);
    expect(await inApp(former.id)).toBe(0);
    expect(await inApp(operator.id)).toBe(1);
  });
});

describe("posting limits", () => {
  it("a user posts at most 20 messages a minute; the 21st is refused with 429", async () => {
    const writer = await createUser(t.database, { fullName: "Торопыгин Пётр" });
    await addMember(t.database, other.org.id, writer.id, "member");
    const wc = await signedIn(t, writer);
    const conv = await t.database.db.transaction((tx) =>
      openConversation(tx, {
        subject: { kind: "status_application", id: crypto.randomUUID() },
        parties: [{ organizationId: team.org.id }, { organizationId: other.org.id }],
        title: "Поток",
      }),
    );
    for (let i = 0; i < 20; i++)
      expect((await post(wc, `Сообщение ${i + 1}`, [], conv.id)).statusCode).toBe(201);
    expectProblem(await post(wc, "Сообщение 21", [], conv.id), 429, "too-many-requests");
    // Others write on.
    expect((await post(other.memberC, "А я могу", [], conv.id)).statusCode).toBe(201);
  });
});

describe("personal data", () => {
  it("exportMessagesOf lists the messages a user wrote; anonymizeAuthor makes them read as from a deleted user", async () => {
    const writer = await createUser(t.database, { fullName: "Удаляемов Павел Петрович" });
    await addMember(t.database, team.org.id, writer.id, "member");
    const wc = await signedIn(t, writer);
    await post(wc, "Моё сообщение для выгрузки");
    const exported = await t.database.db.transaction((tx) => exportMessagesOf(tx, writer.id));
    expect(exported.map((m) => m.body)).toEqual(["Моё сообщение для выгрузки"]);
    expect(exported[0]).toMatchObject({ conversationId: convId, subject: { kind: "status_application" } });
    expect(await t.database.db.transaction((tx) => exportMessagesOf(tx, other.owner.id))).toEqual([]);

    expect(await t.database.db.transaction((tx) => anonymizeAuthor(tx, writer.id))).toBe(1);
    const m = (await view(op)).messages.find((x) => x.body === "Моё сообщение для выгрузки")!;
    expect(m.author).toEqual({ id: null, name: "удалённый пользователь" });
  });
});
