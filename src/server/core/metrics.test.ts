import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, PRODUCTION_ENV, type TestApp, testApp } from "../test/helpers.js";

/** The value of one series in Prometheus text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("/metrics outside production, no token", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it("counts requests by route pattern and status, times database statements, sizes the outbox", async () => {
    const c = new Client(t.app);
    await c.get("/api/health");
    await c.get("/api/health");
    await c.get("/api/measures?q=%D0%B3%D1%80%D0%B0%D0%BD%D1%82");
    await c.get("/api/no-such-thing/123456");
    await t.database.rawQuery(
      "insert into mail_outbox (\"to\", subject, text, template) values ('a@example.ru', 'Тема', 'Текст', 'test')",
    );
    const res = await c.get("/metrics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(sample(text, 'http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(2);
    expect(sample(text, 'http_requests_total{method="GET",route="/api/measures",status="200"}')).toBe(1);
    // An unknown URL is one label, whatever its path: a scanner cannot create series.
    expect(sample(text, 'http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBe(1);
    expect(text).not.toContain("no-such-thing");
    expect(
      sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/measures",status="200"}'),
    ).toBe(1);
    expect(sample(text, 'db_query_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
    const [{ n } = { n: -1 }] = await t.database.rawQuery<{ n: number }>(
      "select count(*)::int as n from mail_outbox where sent_at is null",
    );
    expect(n).toBeGreaterThan(0);
    expect(sample(text, 'mail_outbox_pending{state="waiting"}')).toBe(n);
    expect(text).toContain("process_cpu_user_seconds_total");
  });
});

describe("/metrics in production", () => {
  const prodEnv = PRODUCTION_ENV;
  let withToken: TestApp;
  let without: TestApp;
  beforeAll(async () => {
    withToken = await testApp({ ...prodEnv, METRICS_TOKEN: "metrics-token-of-24-chars!" });
    without = await testApp(prodEnv);
  });
  afterAll(async () => {
    await withToken.close();
    await without.close();
  });

  it("asks for the bearer token, and is not there at all when no token is configured", async () => {
    const c = new Client(withToken.app);
    expect((await c.get("/metrics")).statusCode).toBe(401);
    expect((await c.get("/metrics", { authorization: "Bearer wrong-token-of-24-chars!!" })).statusCode).toBe(
      401,
    );
    const ok = await c.get("/metrics", { authorization: "Bearer metrics-token-of-24-chars!" });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("http_requests_total");
    expect((await new Client(without.app).get("/metrics")).statusCode).toBe(404);
  });
});
