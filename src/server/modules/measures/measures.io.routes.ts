import { z } from "zod";
import { routes } from "../../core/route.js";
import { ImportProblem } from "./measures.contract.js";
import * as svc from "./measures.io.service.js";

const manage = "measures.manage";
/** An import file may be large: the 190 demo measures take about 0.5 MB as CSV. */
const IMPORT_LIMIT = 20 * 1024 * 1024;

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** Operator import and export of measures (JSON, or CSV for Excel). */
export const measuresIoRoutes = routes(["operator"], (r) => {
  // CSV text for the import; only inside this plugin.
  r.app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: IMPORT_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  r.get("/operator/measures/export", {
    action: manage,
    summary:
      "Every measure with every field: JSON, or CSV (UTF-8 with BOM, ';'-separated, formulas escaped, criteria and lists as JSON cells)",
    query: z.object({ format: z.enum(["json", "csv"]).default("json") }).strict(),
    handler: async (ctx, { query }, reply) => {
      const out = await svc.exportMeasures(ctx, query.format);
      const date = new Date().toISOString().slice(0, 10);
      if (query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="measures-${date}.csv"`)
          .send(out);
      return reply.header("content-disposition", `attachment; filename="measures-${date}.json"`).send(out);
    },
  });

  r.post("/operator/measures/import", {
    action: manage,
    // A JSON import of thousands of measures holds far more values than a form.
    jsonLimits: { depth: 32, items: 1_000_000 },
    bodyLimit: IMPORT_LIMIT,
    summary:
      "Import measures (a JSON array, or CSV text as text/csv) validated row by row, all or nothing: new ones as drafts, existing slugs updated; 400 lists every bad row and field",
    body: z.union([z.array(z.unknown()).max(20_000), z.string().max(IMPORT_LIMIT)]),
    response: ImportResult,
    problems: { 400: ImportProblem },
    handler: (ctx, { body }) => svc.importMeasures(ctx, body),
  });
});
