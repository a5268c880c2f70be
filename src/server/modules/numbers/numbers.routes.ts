import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import { ClusterNumbers } from "./numbers.contract.js";
import { clusterNumbers } from "./numbers.service.js";

export const numbersRoutes = routes(["numbers"], (r) => {
  r.get("/public/numbers", {
    action: "public",
    summary:
      "The cluster in numbers: organizations by status and region, projects, confirmed investment and support, pilots, challenges; monthly series of the last 24 months",
    response: ClusterNumbers,
    handler: async (ctx, _req, reply) => sendJson(reply, await clusterNumbers(ctx)),
  });
});
