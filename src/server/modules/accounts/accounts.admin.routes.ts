import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { IdParams } from "../../core/contract.js";
import {
  AdminUserEnvelope,
  AdminUserList,
  AdminUsersQuery,
  BlockBody,
  SetRoleBody,
} from "./accounts.contract.js";
import * as svc from "./accounts.service.js";

const tags = ["admin"];

export const accountsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/admin/users",
    {
      config: { policy: "admin.users.list" as const },
      schema: {
        tags,
        summary: "Users (search, filter by role, paginate)",
        querystring: AdminUsersQuery,
        response: { 200: AdminUserList },
      },
    },
    async (req) => svc.adminListUsers(ctxOf(req), req.query),
  );
  app.patch(
    "/admin/users/:id",
    {
      config: { policy: "admin.users.update" as const },
      schema: {
        tags,
        summary: "Change a user's role",
        params: IdParams,
        body: SetRoleBody,
        response: { 200: AdminUserEnvelope },
      },
    },
    async (req) => ({ user: await svc.adminSetRole(ctxOf(req), req.params.id, req.body.role) }),
  );
  app.post(
    "/admin/users/:id/block",
    {
      config: { policy: "admin.users.update" as const },
      schema: {
        tags,
        summary: "Block a user; their sessions end",
        params: IdParams,
        body: BlockBody,
        response: { 200: AdminUserEnvelope },
      },
    },
    async (req) => ({ user: await svc.adminBlock(ctxOf(req), req.params.id, req.body.reason) }),
  );
  app.post(
    "/admin/users/:id/unblock",
    {
      config: { policy: "admin.users.update" as const },
      schema: { tags, summary: "Unblock a user", params: IdParams, response: { 200: AdminUserEnvelope } },
    },
    async (req) => ({ user: await svc.adminUnblock(ctxOf(req), req.params.id) }),
  );
};
