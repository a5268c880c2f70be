import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../test/helpers.js";
import type { Database } from "./db.js";
import { enqueueMail, MailDispatcher, mailTemplates } from "./mail.js";
import { mailOutbox } from "./mail.schema.js";

type Received = { to: string[]; data: string };

let database: Database;
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];
/** Recipients whose next delivery the server refuses once. */
const failFor = new Set<string>();

beforeAll(async () => {
  database = await testDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      stream.on("end", () => {
        if (failFor.has(session.envelope.rcptTo[0]?.address ?? "")) {
          failFor.delete(session.envelope.rcptTo[0]?.address ?? "");
          return cb(new Error("451 try again later"));
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

const log = { warn: () => {}, error: () => {}, info: () => {} };

describe("mail", () => {
  it("renders every template in both languages and escapes data in HTML", () => {
    expect(mailTemplates().size).toBeGreaterThan(5);
    for (const render of mailTemplates().values()) {
      for (const locale of ["ru", "en"] as const) {
        const r = render(locale, {
          name: "<b>Анна</b>",
          title: "<b>Анна</b>",
          body: "<b>Анна</b>",
          count: "2",
          lines: "<b>Анна</b>",
          url: "http://localhost:3000/x?token=a&b",
        });
        expect(r.subject.length).toBeGreaterThan(3);
        expect(r.text).toContain("http://localhost:3000/x?token=a&b");
        expect(r.html).not.toContain("<b>Анна</b>");
      }
    }
  });

  it("delivers the outbox over SMTP once, and retries a failed delivery later", async () => {
    await enqueueMail(database.db, {
      to: "a@example.ru",
      locale: "ru",
      template: "confirm-email",
      data: { name: "Анна", url: "http://x/confirm?token=1" },
    });
    failFor.add("b@example.ru");
    await enqueueMail(database.db, {
      to: "b@example.ru",
      locale: "en",
      template: "reset-password",
      data: { name: "Bob", url: "http://x/reset?token=2" },
    });
    const d = new MailDispatcher(
      database.db,
      `smtp://127.0.0.1:${port}`,
      "Иннокластер <no-reply@innocluster.local>",
      log,
      60_000,
    );
    await d.kick();
    await d.kick(); // nothing is sent twice
    const rows = await database.db.select().from(mailOutbox);
    const a = rows.find((r) => r.to === "a@example.ru")!;
    const b = rows.find((r) => r.to === "b@example.ru")!;
    expect(a.sentAt).not.toBeNull();
    expect(b.sentAt).toBeNull();
    expect(b.attempts).toBe(1);
    expect(b.lastError).toMatch(/try again/);
    expect(received.filter((r) => r.to.includes("a@example.ru"))).toHaveLength(1);
    expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);

    // due again: the retry succeeds
    await database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(mailOutbox.id, b.id));
    await d.kick();
    const [b2] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, b.id));
    expect(b2!.sentAt).not.toBeNull();
    expect(received.filter((r) => r.to.includes("b@example.ru"))).toHaveLength(1);
    await d.stop();
  });
});
