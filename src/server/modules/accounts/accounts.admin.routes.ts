import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import {
  AdminUserEnvelope,
  AdminUserList,
  AdminUsersQuery,
  BlockBody,
  SetRoleBody,
} from "./accounts.contract.js";
import * as svc from "./accounts.service.js";

const update = "admin.users.update";

export const accountsAdminRoutes = routes(["admin"], (r) => {
  r.get("/admin/users", {
    action: "admin.users.list",
    summary: "Users (search, filter by role, paginate)",
    query: AdminUsersQuery,
    response: AdminUserList,
    handler: (ctx, { query }) => svc.adminListUsers(ctx, query),
  });
  r.patch("/admin/users/:id", {
    action: update,
    summary: "Change a user's role",
    params: IdParams,
    body: SetRoleBody,
    response: AdminUserEnvelope,
    handler: async (ctx, { params, body }) => ({ user: await svc.adminSetRole(ctx, params.id, body.role) }),
  });
  r.post("/admin/users/:id/block", {
    action: update,
    summary: "Block a user; their sessions end",
    params: IdParams,
    body: BlockBody,
    response: AdminUserEnvelope,
    handler: async (ctx, { params, body }) => ({ user: await svc.adminBlock(ctx, params.id, body.reason) }),
  });
  r.post("/admin/users/:id/unblock", {
    action: update,
    summary: "Unblock a user",
    params: IdParams,
    response: AdminUserEnvelope,
    handler: async (ctx, { params }) => ({ user: await svc.adminUnblock(ctx, params.id) }),
  });
});
