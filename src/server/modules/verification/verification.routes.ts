import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, badRequest, type FieldError } from "../../core/errors.js";
import { routes } from "../../core/route.js";
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

const access = "org.access";
const perHour = (max: number) => ({ max, timeWindow: "1 hour" });

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

export const verificationRoutes = routes(["organizations"], async (r) => {
  await r.app.register(multipart, {
    limits: { fileSize: svc.DOCUMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
  auditRefusals(r.app);

  r.get("/organizations/:id/verification", {
    action: access,
    summary: "Whether the organization is verified, and its documents (owner, admins, operators)",
    params: OrgIdParams,
    response: OrgVerification,
    handler: (ctx, { params }) => svc.getVerification(ctx, params.id),
  });

  r.post("/organizations/:id/verification", {
    action: access,
    rateLimit: perHour(30),
    summary:
      "Send a document for verification (owner or admin): multipart fields documentType, comment, then file (PDF / JPEG / PNG ≤ 10 MB)",
    params: OrgIdParams,
    response: VerificationRequest,
    status: 201,
    handler: async (ctx, req) => {
      // Who may not manage the organization is refused before the upload is read.
      await svc.assertCanManage(ctx, req.params.id);
      const { fields, file } = await readDocument(req);
      return svc.submitVerification(ctx, req.params.id, fields, file);
    },
  });

  r.post("/organizations/:id/claims", {
    action: "org.claim",
    rateLimit: perHour(10),
    summary:
      "Claim an organization registered with your company's INN: multipart fields documentType, comment, then file",
    params: OrgIdParams,
    response: VerificationRequest,
    status: 201,
    handler: async (ctx, req) => {
      const { fields, file } = await readDocument(req);
      return svc.submitClaim(ctx, req.params.id, fields, file);
    },
  });

  r.get("/me/claims", {
    action: "org.claim",
    summary: "My claims",
    response: z.array(VerificationRequest),
    handler: (ctx) => svc.myClaims(ctx),
  });

  r.get("/verification-documents/:id", {
    action: access,
    summary: "Download a document (the organization's managers, the claimant, operators; others 404)",
    params: RequestIdParams,
    handler: async (ctx, { params }, reply) => {
      const doc = await svc.getDocument(ctx, params.id);
      return reply
        .header("content-disposition", svc.attachmentHeader(doc.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .type(doc.contentType)
        .send(doc.bytes);
    },
  });

  // ---------- operator ----------

  r.get("/operator/verifications", {
    action: "operator.verification.queue",
    tags: ["operator"],
    summary: "Verifications and claims, oldest first",
    query: VerificationQueueQuery,
    response: VerificationQueuePage,
    handler: (ctx, { query }) => svc.queue(ctx, query),
  });

  r.get("/operator/verifications/:id", {
    action: "operator.verification.queue",
    tags: ["operator"],
    summary: "One verification or claim",
    params: RequestIdParams,
    response: VerificationQueueItem,
    handler: (ctx, { params }) => svc.queueItem(ctx, params.id),
  });

  r.post("/operator/verifications/:id/decision", {
    action: "operator.verification.decide",
    tags: ["operator"],
    summary:
      "Verify / reject a verification; transfer / merge / remove / reject a claim. 409 verification-changed when no longer the version seen; 403 own-organization",
    params: RequestIdParams,
    body: VerificationDecisionBody,
    response: VerificationQueueItem,
    handler: (ctx, { params, body }) => svc.decide(ctx, params.id, body),
  });
});
