import { sendFile } from "../../core/files.js";
import { routes } from "../../core/route.js";
import {
  DatasetFileParams,
  DatasetParams,
  LiveQuery,
  OpenDataCatalogue,
  OpenDataPage,
  TableSchema,
} from "./opendata.contract.js";
import * as svc from "./opendata.service.js";

/** The generated files change nightly: caches keep them an hour and revalidate by ETag. */
const FILE_CACHE = "public, max-age=3600";

/** Open data: read by anyone without an account; regenerating on demand is the operators'. */
export const opendataRoutes = routes(["opendata"], (r) => {
  r.get("/open/datasets", {
    action: "public",
    summary:
      "The open data catalogue: each data set's description, columns, licence, last generation and addresses",
    response: OpenDataCatalogue,
    handler: (ctx) => svc.catalogue(ctx),
  });

  r.get("/open/datasets/:name/schema.json", {
    action: "public",
    summary: "A data set's Table Schema (Frictionless Data): its fields with name, type and description",
    params: DatasetParams,
    response: TableSchema,
    handler: (_ctx, { params }) => svc.tableSchema(params.name),
  });

  r.get("/open/datasets/:file", {
    action: "public",
    summary:
      "A data set's last generated file: `<name>.csv` (RFC 4180, UTF-8) or `<name>.json` ({meta, data}); 404 before the first generation",
    params: DatasetFileParams,
    handler: async (ctx, req, reply) => {
      const [name = "", ext] = req.params.file.split(".");
      const file = await svc.datasetFile(ctx, name, ext === "csv" ? "csv" : "json");
      if (req.headers["if-none-match"] === `"${file.sha256}"`)
        return reply.code(304).header("etag", `"${file.sha256}"`).header("cache-control", FILE_CACHE).send();
      return sendFile(req, reply, ctx.storage, file, { cacheControl: FILE_CACHE });
    },
  });

  r.get("/open/:name", {
    action: "public",
    summary: `The live read-only API: a page of a data set's current rows (the same columns as its files), by id`,
    params: DatasetParams,
    query: LiveQuery,
    response: OpenDataPage,
    handler: (ctx, { params, query }) => svc.livePage(ctx, params.name, query.page, query.pageSize),
  });

  r.post("/opendata/regenerate", {
    action: "operator.opendata.regenerate",
    summary: "Regenerate every data set's files now (an operator; audited); answers the catalogue",
    rateLimit: { max: 10, timeWindow: "1 hour" },
    response: OpenDataCatalogue,
    noStore: true,
    handler: (ctx) => svc.regenerate(ctx),
  });
});
