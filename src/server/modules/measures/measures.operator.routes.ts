import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../core/context.js";
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

const tags = ["operator"];
const manage = { policy: "measures.manage" as const };
/** Publishing and archiving may name the version seen (409 when it is not the current one). */
const StatusBody = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .default({});

export const measuresOperatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/operator/measures",
    {
      config: manage,
      schema: {
        tags,
        summary: "All measures (every status) with filters, most recently changed first",
        querystring: OperatorQuery,
        response: { 200: OperatorPage },
      },
    },
    async (req) => svc.operatorList(ctxOf(req), req.query),
  );

  app.post(
    "/operator/measures",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a measure as a draft",
        body: MeasureInput,
        response: { 201: MeasureAdmin },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createMeasure(ctxOf(req), req.body)),
  );

  app.get(
    "/operator/measures/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "One measure with status, counters and version",
        params: MeasureIdParams,
        response: { 200: MeasureAdmin },
      },
    },
    async (req) => svc.operatorMeasure(ctxOf(req), req.params.id),
  );

  app.patch(
    "/operator/measures/:id",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Edit a measure; carries the version it was based on (409 with the current measure otherwise)",
        params: MeasureIdParams,
        body: MeasurePatch,
        response: { 200: MeasureAdmin },
      },
    },
    async (req) => svc.updateMeasure(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/operator/measures/:id/publish",
    {
      config: manage,
      schema: {
        tags,
        summary: "Publish a draft or archived measure",
        params: MeasureIdParams,
        body: StatusBody,
        response: { 200: MeasureAdmin },
      },
    },
    async (req) => svc.setStatus(ctxOf(req), req.params.id, "published", req.body?.version),
  );

  app.post(
    "/operator/measures/:id/archive",
    {
      config: manage,
      schema: {
        tags,
        summary: "Archive a measure (hidden from the public)",
        params: MeasureIdParams,
        body: StatusBody,
        response: { 200: MeasureAdmin },
      },
    },
    async (req) => svc.setStatus(ctxOf(req), req.params.id, "archived", req.body?.version),
  );

  app.get(
    "/operator/measures/:id/versions",
    {
      config: manage,
      schema: {
        tags,
        summary: "A measure's history: every change with who, when and the changed fields before → after",
        params: MeasureIdParams,
        response: { 200: MeasureVersions },
      },
    },
    async (req) => svc.versions(ctxOf(req), req.params.id),
  );
};
