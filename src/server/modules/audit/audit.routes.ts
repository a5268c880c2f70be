import { routes } from "../../core/route.js";
import { AuditList, AuditQuery } from "./audit.contract.js";
import { listAudit } from "./audit.service.js";

export const auditRoutes = routes(["audit"], (r) => {
  r.get("/audit", {
    action: "audit.read",
    summary: "The audit log, newest first, filtered",
    query: AuditQuery,
    response: AuditList,
    handler: (ctx, { query }) => listAudit(ctx, query),
  });
});
