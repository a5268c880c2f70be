import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../core/context.js";
import { AppError, badRequest, type FieldError } from "../../core/errors.js";
import { auditRefusals } from "../organizations/access.js";
import { OrgIdParams } from "../organizations/organizations.contract.js";
import {
  DocumentFields,
  OrgVerification,
  RequestIdParams,
  VerificationDecisionBody,
  VerificationQueueItem,
  VerificationQueuePage,
  VerificationQueueQuery,
  VerificationRequest,
} from "./verification.contract.js";
import * as svc from "./verification.service.js";

const access = { policy: "org.access" as const };
const perIp = (max: number) => ({ rateLimit: { max, timeWindow: "1 hour" } });

/**
 * Reads a multipart form: its text fields (validated by DocumentFields) and one `file` part of at most
 * 10 MB. The type is decided later from the bytes; the declared one is ignored.
 */
async function readDocument(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError(415, "unsupported-media-type");
  const raw: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string | undefined } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === "field") raw[part.fieldname] = String(part.value);
      else if (part.fieldname === "file" && !file)
        file = { bytes: await part.toBuffer(), fileName: part.filename };
      else await part.toBuffer();
    }
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError(413, "document-too-large");
    throw err;
  }
  const parsed = DocumentFields.safeParse(raw);
  const errors: FieldError[] = parsed.success
    ? []
    : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map((field) => ({
        field,
        key: `field.verification.${field === "comment" ? "comment" : "document-type"}`,
      }));
  if (!file) errors.push({ field: "file", key: "field.verification.file" });
  if (errors.length || !parsed.success || !file) throw badRequest(errors);
  return { fields: parsed.data, file };
}

export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: svc.DOCUMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
  auditRefusals(app);

  app.get(
    "/organizations/:id/verification",
    {
      config: access,
      schema: {
        tags: ["organizations"],
        summary: "Whether the organization is verified, and its documents (owner, admins, operators)",
        params: OrgIdParams,
        response: { 200: OrgVerification },
      },
    },
    async (req) => svc.getVerification(ctxOf(req), req.params.id),
  );

  app.post(
    "/organizations/:id/verification",
    {
      config: { ...access, ...perIp(30) },
      schema: {
        tags: ["organizations"],
        summary:
          "Send a document for verification (owner or admin): multipart fields documentType, comment, then file (PDF / JPEG / PNG ≤ 10 MB)",
        params: OrgIdParams,
        response: { 201: VerificationRequest },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // Who may not manage the organization is refused before the upload is read.
      await svc.assertCanManage(ctx, req.params.id);
      const { fields, file } = await readDocument(req);
      return reply.code(201).send(await svc.submitVerification(ctx, req.params.id, fields, file));
    },
  );

  app.post(
    "/organizations/:id/claims",
    {
      config: { policy: "org.claim" as const, ...perIp(10) },
      schema: {
        tags: ["organizations"],
        summary:
          "Claim an organization registered with your company's INN: multipart fields documentType, comment, then file",
        params: OrgIdParams,
        response: { 201: VerificationRequest },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readDocument(req);
      return reply.code(201).send(await svc.submitClaim(ctxOf(req), req.params.id, fields, file));
    },
  );

  app.get(
    "/me/claims",
    {
      config: { policy: "org.claim" as const },
      schema: {
        tags: ["organizations"],
        summary: "My claims",
        response: { 200: z.array(VerificationRequest) },
      },
    },
    async (req) => svc.myClaims(ctxOf(req)),
  );

  app.get(
    "/verification-documents/:id",
    {
      config: access,
      schema: {
        tags: ["organizations"],
        summary: "Download a document (the organization's managers, the claimant, operators; others 404)",
        params: RequestIdParams,
      },
    },
    async (req, reply) => {
      const doc = await svc.getDocument(ctxOf(req), req.params.id);
      return reply
        .header("content-disposition", svc.attachmentHeader(doc.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .type(doc.contentType)
        .send(doc.bytes);
    },
  );

  // ---------- operator ----------

  app.get(
    "/operator/verifications",
    {
      config: { policy: "operator.verification.queue" as const },
      schema: {
        tags: ["operator"],
        summary: "Verifications and claims, oldest first",
        querystring: VerificationQueueQuery,
        response: { 200: VerificationQueuePage },
      },
    },
    async (req) => svc.queue(ctxOf(req), req.query),
  );

  app.get(
    "/operator/verifications/:id",
    {
      config: { policy: "operator.verification.queue" as const },
      schema: {
        tags: ["operator"],
        summary: "One verification or claim",
        params: RequestIdParams,
        response: { 200: VerificationQueueItem },
      },
    },
    async (req) => svc.queueItem(ctxOf(req), req.params.id),
  );

  app.post(
    "/operator/verifications/:id/decision",
    {
      config: { policy: "operator.verification.decide" as const },
      schema: {
        tags: ["operator"],
        summary:
          "Verify / reject a verification; transfer / merge / remove / reject a claim. 409 verification-changed when no longer the version seen; 403 own-organization",
        params: RequestIdParams,
        body: VerificationDecisionBody,
        response: { 200: VerificationQueueItem },
      },
    },
    async (req) => svc.decide(ctxOf(req), req.params.id, req.body),
  );
};
