import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Config } from "./config.js";
import type { Database } from "./db.js";
import { type JobQueue, queueCounts } from "./jobs.js";

/**
 * `/metrics` in the Prometheus text format (prom-client): requests by route and status, their duration,
 * database query time, the mail outbox, the job queues' depth, and Node's own process metrics. One registry per app, so tests
 * can build several apps in one process. With METRICS_TOKEN set it asks for `Authorization: Bearer
 * <token>`; without one it is open outside production and absent in production.
 */
export async function registerMetrics(
  app: FastifyInstance,
  config: Config,
  database: Database,
  jobs: JobQueue,
) {
  if (config.env === "production" && !config.metricsToken) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route pattern and status",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from request to response, by route pattern and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const queries = new Histogram({
    name: "db_query_duration_seconds",
    help: "Time of database statements (outcome: ok or error)",
    labelNames: ["outcome"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  database.onQuery((seconds, ok) => queries.observe({ outcome: ok ? "ok" : "error" }, seconds));
  new Gauge({
    name: "mail_outbox_pending",
    help: "Mails waiting in the outbox (failing: the last delivery attempt failed)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const [r] = await database.rawQuery<{ waiting: number; failing: number }>(
        `select count(*) filter (where last_error is null)::int as waiting,
                count(*) filter (where last_error is not null)::int as failing
           from mail_outbox where sent_at is null`,
      );
      this.set({ state: "waiting" }, r?.waiting ?? 0);
      this.set({ state: "failing" }, r?.failing ?? 0);
    },
  });
  new Gauge({
    name: "jobs_queue_jobs",
    help: "Jobs per queue by state (waiting, active; failed: after their retries, kept 14 days)",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      if (!jobs.boss) return; // the queue is not started (tests that do not need it)
      for (const q of await queueCounts(database.db))
        for (const state of ["waiting", "active", "failed"] as const)
          this.set({ queue: q.name, state }, q[state]);
    },
  });

  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url;
    if (route === "/metrics") return;
    // Unmatched URLs share one label, so a scanner cannot blow up the number of series.
    const labels = { method: req.method, route: route ?? "(unmatched)", status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  const expected = config.metricsToken ? digest(config.metricsToken) : undefined;
  app.get("/metrics", { config: { rateLimit: false } }, async (req, reply) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
      if (!timingSafeEqual(digest(given), expected)) {
        return reply.code(401).header("www-authenticate", "Bearer").type("text/plain").send("unauthorized\n");
      }
    }
    reply.header("cache-control", "no-store").type(registry.contentType);
    return registry.metrics();
  });
}

const digest = (s: string) => createHash("sha256").update(s).digest();
