import { routes } from "../../core/route.js";
import { JobParams, JobsOverview } from "./jobs.contract.js";
import * as svc from "./jobs.service.js";

const action = "admin.jobs";

export const jobsRoutes = routes(["admin"], (r) => {
  r.get("/admin/jobs", {
    action,
    summary: "Job queues: waiting, active and failed counts, and the newest failures",
    response: JobsOverview,
    handler: (ctx) => svc.overview(ctx),
  });
  r.post("/admin/jobs/:queue/:id/retry", {
    action,
    summary: "Run a failed job again",
    params: JobParams,
    status: 204,
    handler: (ctx, { params }) => svc.retry(ctx, params.queue, params.id),
  });
  r.delete("/admin/jobs/:queue/:id", {
    action,
    summary: "Discard a failed job",
    params: JobParams,
    status: 204,
    handler: (ctx, { params }) => svc.discard(ctx, params.queue, params.id),
  });
});
