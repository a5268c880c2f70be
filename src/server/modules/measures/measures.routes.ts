import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../core/context.js";
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

const tags = ["measures"];
/** A measure's id or its slug. */
const IdOrSlug = z.object({ id: z.string().min(1).max(120) });

/** The public navigator: anyone may search and read published measures; drafts never leave. */
export const measuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/measures",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary:
          "Search published support measures: Russian full-text with typo tolerance on titles, facets, sorts, pages; a member's cards carry the active organization's verdicts",
        querystring: SearchQuery,
        response: { 200: SearchPage },
      },
    },
    async (req, reply) => sendJson(reply, await svc.searchMeasures(ctxOf(req), req.query)),
  );

  app.post(
    "/measures/check",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary:
          "The guest questionnaire (at most 7 answers): a verdict with reasons for every published measure",
        body: CheckBody,
        response: { 200: CheckPage },
      },
    },
    async (req) => svc.checkQuestionnaire(ctxOf(req), req.body),
  );

  app.get(
    "/measures/:id",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary:
          "A published measure by id or slug (any status for operators) with a member's full eligibility breakdown; counts a view",
        params: IdOrSlug,
        response: { 200: MeasureView },
      },
    },
    async (req) => svc.getMeasure(ctxOf(req), req.params.id),
  );

  app.post(
    "/measures/:id/apply-click",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary: "Counts a 'go to apply' click on a published measure and returns the address to go to",
        params: IdOrSlug,
        response: { 200: ApplyClick },
      },
    },
    async (req) => svc.applyClick(ctxOf(req), req.params.id),
  );
};
