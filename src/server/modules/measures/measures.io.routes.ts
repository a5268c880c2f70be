import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../core/context.js";
import { problemAnswer } from "../../core/errors.js";
import { ImportProblem } from "./measures.contract.js";
import * as svc from "./measures.io.service.js";

const tags = ["operator"];
const manage = { policy: "measures.manage" as const };
/** An import file may be large: the 190 demo measures take about 0.5 MB as CSV. */
const IMPORT_LIMIT = 20 * 1024 * 1024;

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** Operator import and export of measures (JSON, or CSV for Excel). */
export const measuresIoRoutes: FastifyPluginAsyncZod = async (app) => {
  // CSV text for the import; only inside this plugin.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: IMPORT_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    "/operator/measures/export",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Every measure with every field: JSON, or CSV (UTF-8 with BOM, ';'-separated, formulas escaped, criteria and lists as JSON cells)",
        querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }).strict(),
      },
    },
    async (req, reply) => {
      const out = await svc.exportMeasures(ctxOf(req), req.query.format);
      const date = new Date().toISOString().slice(0, 10);
      if (req.query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="measures-${date}.csv"`)
          .send(out);
      return reply.header("content-disposition", `attachment; filename="measures-${date}.json"`).send(out);
    },
  );

  app.post(
    "/operator/measures/import",
    {
      // A JSON import of thousands of measures holds far more values than a form.
      config: { ...manage, jsonLimits: { depth: 32, items: 1_000_000 } },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary:
          "Import measures (a JSON array, or CSV text as text/csv) validated row by row, all or nothing: new ones as drafts, existing slugs updated; 400 lists every bad row and field",
        body: z.union([z.array(z.unknown()).max(20_000), z.string().max(IMPORT_LIMIT)]),
        response: { 200: ImportResult, 400: problemAnswer(ImportProblem) },
      },
    },
    async (req) => svc.importMeasures(ctxOf(req), req.body),
  );
};
