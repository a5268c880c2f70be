import { z } from "zod";
import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import {
  ApplyClick,
  CheckBody,
  CheckPage,
  MeasureView,
  SearchPage,
  SearchQuery,
} from "./measures.contract.js";
import * as svc from "./measures.service.js";

/** A measure's id or its slug. */
const IdOrSlug = z.object({ id: z.string().min(1).max(120) });

/** The public navigator: anyone may search and read published measures; drafts never leave. */
export const measuresRoutes = routes(["measures"], (r) => {
  r.get("/measures", {
    action: "public",
    summary:
      "Search published support measures: Russian full-text with typo tolerance on titles, facets, sorts, pages; a member's cards carry the active organization's verdicts",
    query: SearchQuery,
    response: SearchPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchMeasures(ctx, query)),
  });

  r.post("/measures/check", {
    action: "public",
    summary:
      "The guest questionnaire (at most 7 answers): a verdict with reasons for every published measure",
    body: CheckBody,
    response: CheckPage,
    handler: (ctx, { body }) => svc.checkQuestionnaire(ctx, body),
  });

  r.get("/measures/:id", {
    action: "public",
    summary:
      "A published measure by id or slug (any status for operators) with a member's full eligibility breakdown; counts a view",
    params: IdOrSlug,
    response: MeasureView,
    handler: (ctx, { params }) => svc.getMeasure(ctx, params.id),
  });

  r.post("/measures/:id/apply-click", {
    action: "public",
    summary: "Counts a 'go to apply' click on a published measure and returns the address to go to",
    params: IdOrSlug,
    response: ApplyClick,
    handler: (ctx, { params }) => svc.applyClick(ctx, params.id),
  });
});
