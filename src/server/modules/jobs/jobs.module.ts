import { defineModule } from "../../core/module.js";
import { hasRole } from "../../core/policy.js";
import { jobsRoutes } from "./jobs.routes.js";

/** The admin's view of the job queue (core/jobs.ts): counts per queue, failures, retry and discard. */
export const jobsModule = defineModule({
  name: "jobs",
  routes: [jobsRoutes],
  rules: { "admin.jobs": hasRole("admin") },
  abilities: ["admin.jobs"],
});
