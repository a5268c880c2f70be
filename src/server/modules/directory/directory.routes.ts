import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { sendJson } from "../../core/search.js";
import { OrgIdParams } from "../organizations/organizations.contract.js";
import { DirectoryPage, DirectoryQuery, PublicOrganizationView } from "./directory.contract.js";
import * as svc from "./directory.service.js";

const tags = ["directory"];

/** The public directory: anyone may search it; answers carry public fields only (response schemas). */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/directory",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary: "Search organizations: full-text with typo tolerance on names, facets, sorts, pages",
        querystring: DirectoryQuery,
        response: { 200: DirectoryPage },
      },
    },
    async (req, reply) => sendJson(reply, await svc.searchDirectory(ctxOf(req), req.query)),
  );

  app.get(
    "/directory/:id",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary: "An organization's public page: profile, status badge, members who agreed to be shown",
        params: OrgIdParams,
        response: { 200: PublicOrganizationView },
      },
    },
    async (req, reply) => sendJson(reply, await svc.publicOrganization(ctxOf(req), req.params.id)),
  );
};
