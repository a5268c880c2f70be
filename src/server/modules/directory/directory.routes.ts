import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import { OrgIdParams } from "../organizations/organizations.contract.js";
import { DirectoryPage, DirectoryQuery, PublicOrganizationView } from "./directory.contract.js";
import * as svc from "./directory.service.js";

/** The public directory: anyone may search it; answers carry public fields only (response schemas). */
export const directoryRoutes = routes(["directory"], (r) => {
  r.get("/directory", {
    action: "public",
    summary: "Search organizations: full-text with typo tolerance on names, facets, sorts, pages",
    query: DirectoryQuery,
    response: DirectoryPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchDirectory(ctx, query)),
  });

  r.get("/directory/:id", {
    action: "public",
    summary: "An organization's public page: profile, status badge, members who agreed to be shown",
    params: OrgIdParams,
    response: PublicOrganizationView,
    handler: async (ctx, { params }, reply) => sendJson(reply, await svc.publicOrganization(ctx, params.id)),
  });
});
