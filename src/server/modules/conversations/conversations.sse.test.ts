import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publish } from "../../core/realtime.js";
import { type Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { cookieHeader, openSse } from "../../test/sse.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { CONVERSATION_TOPIC, openConversation } from "./conversations.api.js";

let t: TestApp;
let base: string;
let team: Awaited<ReturnType<typeof orgWithTeam>>;
let op: Client;
let stranger: Client;
let convId: string;
let orgId: string;

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  team = await orgWithTeam(t, { shortName: "Гамма Оптика" });
  orgId = team.org.id;
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  stranger = await signedIn(t, await createUser(t.database));
  const conv = await t.database.db.transaction((tx) =>
    openConversation(tx, {
      subject: { kind: "status_application", id: crypto.randomUUID() },
      parties: [{ organizationId: orgId }, { operator: true }],
      title: "Гамма Оптика",
    }),
  );
  convId = conv.id;
});
afterAll(() => t.close());

const stream = async (c: Client) => {
  const s = await openSse(`${base}/api/conversations/events`, cookieHeader(c.cookies));
  expect(s.status).toBe(200);
  await s.next("ready");
  return s;
};

describe("live events of conversations (SSE, one server)", () => {
  it("a message reaches the other party's open stream within a second; a stranger's stream hears nothing", async () => {
    const [member, operatorStream, strangerStream] = await Promise.all([
      stream(team.memberC),
      stream(op),
      stream(stranger),
    ]);
    const sent = performance.now();
    const res = await op.post(`/api/conversations/${convId}/messages`, {
      body: "Добрый день! Нужна выписка.",
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = await member.next("conversation", 1000);
    expect(e.data).toEqual({ conversationId: convId, kind: "message" });
    expect(e.at - sent).toBeLessThan(1000);
    expect((await operatorStream.next("conversation", 1000)).data).toMatchObject({ conversationId: convId });
    expect(await strangerStream.arrives("conversation", 300)).toBe(false);
    for (const s of [member, operatorStream, strangerStream]) s.close();
  });

  it("reading is announced only when it passed an unread message", async () => {
    const [member, operatorStream] = await Promise.all([stream(team.memberC), stream(op)]);
    expect((await op.post(`/api/conversations/${convId}/messages`, { body: "Прочтите" })).statusCode).toBe(
      201,
    );
    await operatorStream.next("conversation", 1000);
    await member.next("conversation", 1000);
    expect((await team.memberC.post(`/api/conversations/${convId}/read`)).statusCode).toBe(204);
    expect((await operatorStream.next("conversation", 1000)).data).toEqual({
      conversationId: convId,
      kind: "read",
    });
    // Nothing new to read: no event, however often it is asked.
    for (let i = 0; i < 3; i++)
      expect((await team.memberC.post(`/api/conversations/${convId}/read`)).statusCode).toBe(204);
    expect(await operatorStream.arrives("conversation", 300)).toBe(false);
    for (const s of [member, operatorStream]) s.close();
  });

  it("a user holds at most 10 streams at once; the 11th is refused with 429 until one closes", async () => {
    const open = await Promise.all(Array.from({ length: 10 }, () => stream(stranger)));
    const refused = await fetch(`${base}/api/conversations/events`, {
      headers: { cookie: cookieHeader(stranger.cookies) },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    // Another user is not counted with them.
    const other = await stream(team.ownerC);
    open.pop()!.close();
    await new Promise((r) => setTimeout(r, 100));
    open.push(await stream(stranger));
    for (const s of [...open, other]) s.close();
  });

  it("a stream whose subscription fails ends and is not counted against the user", async () => {
    const { realtime } = t.app.services;
    const failing = vi.spyOn(realtime, "subscribe").mockRejectedValue(new Error("LISTEN failed"));
    const intervals = vi.spyOn(globalThis, "setInterval");
    for (let i = 0; i < 11; i++) {
      const s = await openSse(`${base}/api/conversations/events`, cookieHeader(team.adminC.cookies));
      await s.ended;
    }
    // Only each stream's own heartbeat was started (and stopped with it): no check timer is left behind.
    expect(intervals).toHaveBeenCalledTimes(11);
    intervals.mockRestore();
    failing.mockRestore();
    (await stream(team.adminC)).close();
  });

  it("nothing is announced when the transaction rolls back", async () => {
    const member = await stream(team.ownerC);
    await t.database.db
      .transaction(async (tx) => {
        await publish(tx, CONVERSATION_TOPIC, { conversationId: convId, a: orgId, b: null, kind: "message" });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await member.arrives("conversation", 300)).toBe(false);
    member.close();
  });

  it("a guest gets 401, and the server closes open streams when it shuts down (no hanging close)", async () => {
    const guest = await fetch(`${base}/api/conversations/events`);
    expect(guest.status).toBe(401);
    const other = await testApp();
    const s = await stream(team.adminC);
    const started = performance.now();
    // Shutting down the server that holds the stream: close() returns promptly and the stream ends.
    await t.app.close();
    await s.ended;
    // Without ending the streams first, close() would wait for them for ever (the stream never ends).
    expect(performance.now() - started).toBeLessThan(5000);
    await t.database.close();
    t = other;
  });
});
