import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import type { QueuedJob } from "../../core/jobs.js";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, startTestJobs, type TestApp, testApp } from "../../test/helpers.js";

type Overview = {
  running: boolean;
  queues: { name: string; waiting: number; active: number; failed: number }[];
  failures: { id: string; queue: string; error: string; failedAt: string | null; attempts: number }[];
};

let t: TestApp;
let admin: Client;
let smtpDown = true;
const delivered: string[] = [];
const deliver: QueuedJob<{ to: string }> = {
  name: "test.deliver",
  run: async (_s, data) => {
    if (smtpDown) throw new Error("the mail server refused the connection");
    delivered.push(data.to);
    return undefined;
  },
};

beforeAll(async () => {
  t = await testApp({}, { queued: [deliver as unknown as QueuedJob<never>] });
  await startTestJobs(t);
  admin = await signedIn(t, await createUser(t.database, { role: "admin" }));
});
afterAll(() => t.close());

const overview = async () => {
  const res = await admin.get("/api/admin/jobs");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
};
const send = (to: string) => t.database.db.transaction((tx) => t.app.services.jobs.send(tx, deliver, { to }));

describe("/admin/jobs", () => {
  it("a guest gets 401; a user, an expert and an operator get 403", async () => {
    expectProblem(await new Client(t.app).get("/api/admin/jobs"), 401, "unauthorized");
    for (const role of ["user", "expert", "operator"] as const) {
      const c = await signedIn(t, await createUser(t.database, { role }));
      expectProblem(await c.get("/api/admin/jobs"), 403, "forbidden");
      expectProblem(await c.post(`/api/admin/jobs/test.deliver/${randomUUID()}/retry`), 403, "forbidden");
      expectProblem(await c.delete(`/api/admin/jobs/test.deliver/${randomUUID()}`), 403, "forbidden");
    }
  });

  it("lists every queue, with nothing failed at first", async () => {
    const o = await overview();
    expect(o.running).toBe(true);
    expect(o.queues.map((q) => q.name)).toContain("test.deliver");
    expect(o.queues.map((q) => q.name)).toContain("measures.notices");
    expect(o.failures).toEqual([]);
  });

  it("shows a job that failed after its retries with its error; retry runs it again", async () => {
    await send("first@example.ru");
    await expect
      .poll(async () => (await overview()).failures.length, { timeout: 30_000, interval: 500 })
      .toBe(1);
    const o = await overview();
    const [f] = o.failures;
    expect(f).toMatchObject({
      queue: "test.deliver",
      error: "the mail server refused the connection",
      attempts: 4,
    });
    expect(f!.failedAt).not.toBeNull();
    expect(o.queues.find((q) => q.name === "test.deliver")).toMatchObject({ failed: 1, waiting: 0 });
    // The same depth in /metrics, per queue and state.
    const metrics = (await new Client(t.app).get("/metrics")).body;
    expect(metrics).toContain('jobs_queue_jobs{queue="test.deliver",state="failed"} 1');
    expect(metrics).toContain('jobs_queue_jobs{queue="measures.notices",state="waiting"} 0');

    smtpDown = false;
    const res = await admin.post(`/api/admin/jobs/test.deliver/${f!.id}/retry`);
    expect(res.statusCode, res.body).toBe(204);
    await expect.poll(() => delivered, { timeout: 15_000 }).toEqual(["first@example.ru"]);
    expect((await overview()).failures).toEqual([]);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, f!.id));
    expect(audit).toMatchObject({
      action: "admin.job_retry",
      entity: "job",
      before: { queue: "test.deliver", state: "failed", error: "the mail server refused the connection" },
    });
    // Done, not failed: another retry finds nothing to retry.
    expectProblem(await admin.post(`/api/admin/jobs/test.deliver/${f!.id}/retry`), 404, "not-found");
  });

  it("discard removes a failed job for good", async () => {
    smtpDown = true;
    await send("second@example.ru");
    await expect
      .poll(async () => (await overview()).failures.length, { timeout: 30_000, interval: 500 })
      .toBe(1);
    const [f] = (await overview()).failures;
    const res = await admin.delete(`/api/admin/jobs/test.deliver/${f!.id}`);
    expect(res.statusCode, res.body).toBe(204);
    const o = await overview();
    expect(o.failures).toEqual([]);
    expect(o.queues.find((q) => q.name === "test.deliver")?.failed).toBe(0);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, f!.id));
    expect(audits.map((a) => a.action)).toEqual(["admin.job_discard"]);
    expectProblem(await admin.delete(`/api/admin/jobs/test.deliver/${f!.id}`), 404, "not-found");
    expectProblem(await admin.delete(`/api/admin/jobs/no.such.queue/${randomUUID()}`), 404, "not-found");
  });
});
