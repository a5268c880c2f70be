import { z } from "zod";
import { routes } from "../../core/route.js";
import {
  MeasureAdmin,
  MeasureIdParams,
  MeasureInput,
  MeasurePatch,
  MeasureVersions,
  OperatorPage,
  OperatorQuery,
} from "./measures.contract.js";
import * as svc from "./measures.service.js";

const manage = "measures.manage";
/** Publishing and archiving may name the version seen (409 when it is not the current one). */
const StatusBody = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .default({});

export const measuresOperatorRoutes = routes(["operator"], (r) => {
  r.get("/operator/measures", {
    action: manage,
    summary: "All measures (every status) with filters, most recently changed first",
    query: OperatorQuery,
    response: OperatorPage,
    handler: (ctx, { query }) => svc.operatorList(ctx, query),
  });

  r.post("/operator/measures", {
    action: manage,
    summary: "Create a measure as a draft",
    body: MeasureInput,
    response: MeasureAdmin,
    status: 201,
    handler: (ctx, { body }) => svc.createMeasure(ctx, body),
  });

  r.get("/operator/measures/:id", {
    action: manage,
    summary: "One measure with status, counters and version",
    params: MeasureIdParams,
    response: MeasureAdmin,
    handler: (ctx, { params }) => svc.operatorMeasure(ctx, params.id),
  });

  r.patch("/operator/measures/:id", {
    action: manage,
    summary: "Edit a measure; carries the version it was based on (409 with the current measure otherwise)",
    params: MeasureIdParams,
    body: MeasurePatch,
    response: MeasureAdmin,
    handler: (ctx, { params, body }) => svc.updateMeasure(ctx, params.id, body),
  });

  for (const [verb, status, summary] of [
    ["publish", "published", "Publish a draft or archived measure"],
    ["archive", "archived", "Archive a measure (hidden from the public)"],
  ] as const) {
    r.post(`/operator/measures/:id/${verb}`, {
      action: manage,
      summary,
      params: MeasureIdParams,
      body: StatusBody,
      response: MeasureAdmin,
      handler: (ctx, { params, body }) => svc.setStatus(ctx, params.id, status, body?.version),
    });
  }

  r.get("/operator/measures/:id/versions", {
    action: manage,
    summary: "A measure's history: every change with who, when and the changed fields before → after",
    params: MeasureIdParams,
    response: MeasureVersions,
    handler: (ctx, { params }) => svc.versions(ctx, params.id),
  });
});
