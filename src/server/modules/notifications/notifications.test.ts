import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "../../core/mail.schema.js";
import { createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { defineNotificationKinds, notify, sendDueDigests } from "./notifications.service.js";

defineNotificationKinds({
  "test.hello": {
    label: { ru: "Тестовое событие", en: "Test event" },
    defaultChannel: "in_app",
    render: (l, d) => ({ title: l === "ru" ? `Привет, ${d.name}` : `Hello, ${d.name}`, body: "…" }),
  },
  "test.digestable": {
    label: { ru: "Событие для сводки", en: "Digest event" },
    defaultChannel: "digest",
    render: (l, d) => ({ title: l === "ru" ? `Событие №${d.n}` : `Event #${d.n}` }),
  },
});

const t = testAppForFile();

const mailsTo = (to: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));

describe("notifications", () => {
  it("shows in-app notifications in the reader's language with an unread counter", async () => {
    const u = await createUser(t.database, { locale: "en" });
    const c = await signedIn(t, u, "en");
    await notify(t.database.db, t.config.publicUrl, {
      userIds: [u.id],
      kind: "test.hello",
      data: { name: "Anna" },
      link: "/x",
    });
    expect((await c.get("/api/notifications/unread-count")).json()).toEqual({ unread: 1 });
    const list = (await c.get("/api/notifications")).json();
    expect(list.items[0]).toMatchObject({ title: "Hello, Anna", read: false, link: "/x" });
    expect((await c.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    expect((await c.get("/api/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect(await mailsTo(u.email)).toHaveLength(0); // in-app only by default
  });

  it("follows per-kind preferences: e-mail at once, or off", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const res = await c.request("PUT", "/api/notifications/preferences", {
      items: [{ kind: "test.hello", channel: "email" }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((i: { kind: string }) => i.kind === "test.hello").channel).toBe("email");
    await notify(t.database.db, t.config.publicUrl, {
      userIds: [u.id],
      kind: "test.hello",
      data: { name: "Анна" },
    });
    const mails = await mailsTo(u.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Привет, Анна");

    await c.request("PUT", "/api/notifications/preferences", {
      items: [{ kind: "test.hello", channel: "off" }],
    });
    await notify(t.database.db, t.config.publicUrl, {
      userIds: [u.id],
      kind: "test.hello",
      data: { name: "Анна" },
    });
    expect((await c.get("/api/notifications")).json().total).toBe(1);
    const bad = await c.request("PUT", "/api/notifications/preferences", {
      items: [{ kind: "no.such", channel: "off" }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it("sends every due digest in one run, page after page, not a fixed number per run", async () => {
    const people = await Promise.all([1, 2, 3].map(() => createUser(t.database)));
    await notify(t.database.db, t.config.publicUrl, {
      userIds: people.map((p) => p.id),
      kind: "test.digestable",
      data: { n: 7 },
    });
    const morning = new Date("2026-11-25T06:00:00Z");
    expect(await sendDueDigests(t.database.db, t.config.publicUrl, morning, { pageSize: 1 })).toBe(3);
    for (const p of people) expect(await mailsTo(p.email)).toHaveLength(1);
  });

  it("sends one daily digest listing everything since the last one, from 08:00 Moscow time", async () => {
    const u = await createUser(t.database);
    for (const n of [1, 2, 3]) {
      await notify(t.database.db, t.config.publicUrl, {
        userIds: [u.id],
        kind: "test.digestable",
        data: { n },
      });
    }
    // 04:00 UTC = 07:00 in Moscow: too early
    expect(await sendDueDigests(t.database.db, t.config.publicUrl, new Date("2026-11-24T04:00:00Z"))).toBe(0);
    expect(await sendDueDigests(t.database.db, t.config.publicUrl, new Date("2026-11-24T06:00:00Z"))).toBe(1);
    const [digest] = await mailsTo(u.email);
    expect(digest!.subject).toBe("Сводка за день: 3");
    expect(digest!.text).toContain("Событие №1");
    expect(digest!.text).toContain("Событие №3");
    // the same day again: nothing new, nothing sent
    await notify(t.database.db, t.config.publicUrl, {
      userIds: [u.id],
      kind: "test.digestable",
      data: { n: 4 },
    });
    expect(await sendDueDigests(t.database.db, t.config.publicUrl, new Date("2026-11-24T12:00:00Z"))).toBe(0);
    // next day: only the new one
    expect(await sendDueDigests(t.database.db, t.config.publicUrl, new Date("2026-11-25T06:00:00Z"))).toBe(1);
    const mails = await mailsTo(u.email);
    expect(mails).toHaveLength(2);
    const second = mails.find((m) => m.id !== digest!.id)!;
    expect(second.subject).toBe("Сводка за день: 1");
    expect(second.text).toContain("Событие №4");
  });

  it("is private: a guest gets 401 and one user cannot read another's notification", async () => {
    const a = await createUser(t.database);
    const b = await createUser(t.database);
    await notify(t.database.db, t.config.publicUrl, {
      userIds: [a.id],
      kind: "test.hello",
      data: { name: "A" },
    });
    const ca = await signedIn(t, a);
    const cb = await signedIn(t, b);
    const id = (await ca.get("/api/notifications")).json().items[0].id;
    expect((await cb.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await cb.get("/api/notifications")).json().total).toBe(0);
    const { Client } = await import("../../test/helpers.js");
    expect((await new Client(t.app).get("/api/notifications")).statusCode).toBe(401);
  });
});
