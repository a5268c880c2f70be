import multipart from "@fastify/multipart";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadedFile } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import {
  AgreementQuery,
  Application,
  ApplicationList,
  CheckBody,
  CreateApplicationBody,
  DecisionBody,
  DocumentParams,
  ExpertsBody,
  MineQuery,
  PaymentBody,
  Program,
  ProgramBody,
  ProgramList,
  QueueQuery,
  ReviewBody,
  UpdateApplicationBody,
  UpdateProgramBody,
  VersionBody,
} from "./grants.contract.js";
import * as decisions from "./grants.decisions.service.js";
import * as programs from "./grants.programs.service.js";
import * as svc from "./grants.service.js";

/**
 * Programs are public; applications need a signed-in user, checked per record by the services (404 to
 * those who may not see or change a record).
 */
const action = "grants.access";

export const grantRoutes = routes(["grants"], async (r) => {
  auditRefusals(r.app);
  await r.app.register(multipart, {
    limits: { fileSize: svc.GRANT_FILES.maxBytes + 1, files: 1, fields: 2, parts: 3 },
  });

  r.get("/grant-programs", {
    action: "public",
    summary: "Grant programs: the open ones first, each with the budget left",
    response: ProgramList,
    handler: (ctx) => programs.listPrograms(ctx),
  });

  r.get("/grant-programs/:id", {
    action: "public",
    summary: "A grant program: its legal basis, eligibility, categories and the budget left",
    params: IdParams,
    response: Program,
    handler: (ctx, { params }) => programs.getProgram(ctx, params.id),
  });

  r.post("/grant-programs", {
    action: "operator.grants.manage",
    summary: "Create a grant program",
    body: ProgramBody,
    response: Program,
    status: 201,
    handler: (ctx, { body }) => programs.createProgram(ctx, body),
  });

  r.patch("/grant-programs/:id", {
    action: "operator.grants.manage",
    summary:
      "Edit a grant program (naming the version seen: a stale one is 409 with the program as it is now)",
    params: IdParams,
    body: UpdateProgramBody,
    response: Program,
    handler: (ctx, { params, body }) => programs.updateProgram(ctx, params.id, body),
  });

  r.post("/grant-applications", {
    action,
    summary: "Draft an application for an organization (its owner or admin) to an open program",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    body: CreateApplicationBody,
    response: Application,
    status: 201,
    handler: (ctx, { body }) => svc.createApplication(ctx, body),
  });

  r.get("/grant-applications/mine", {
    action,
    summary: "The applications of the organizations the reader owns or administers",
    query: MineQuery,
    response: ApplicationList,
    handler: (ctx, { query }) => svc.myApplications(ctx, query),
  });

  r.get("/grant-applications/assigned", {
    action: "grants.review",
    summary: "The applications an operator assigned to the reader (an expert), those in the review first",
    query: MineQuery,
    response: ApplicationList,
    handler: (ctx, { query }) => svc.assignedApplications(ctx, query),
  });

  r.get("/grant-applications/:id", {
    action,
    summary:
      "An application with its items, documents and timeline (its organization, operators, its assigned experts)",
    params: IdParams,
    response: Application,
    handler: (ctx, { params }) => svc.getApplication(ctx, params.id),
  });

  r.put("/grant-applications/:id", {
    action,
    summary: "Edit a draft or returned application: items, declarations, KPIs (the amount is recomputed)",
    params: IdParams,
    body: UpdateApplicationBody,
    response: Application,
    handler: (ctx, { params, body }) => svc.updateApplication(ctx, params.id, body),
  });

  r.post("/grant-items/:id/documents/:kind", {
    action,
    rateLimit: { max: 300, timeWindow: "1 hour" },
    summary:
      "Attach an item's document of a kind: multipart field `file`, PDF, office documents, images up to 20 MB",
    params: DocumentParams,
    response: Application,
    status: 201,
    handler: async (ctx, req) => {
      await svc.assertUploader(ctx, req.params.id);
      const part = await uploadedFile(req, "field.grant-file");
      return svc.uploadDocument(ctx, req.params.id, req.params.kind, {
        stream: part.file,
        fileName: part.filename,
      });
    },
  });

  r.get("/grant-documents/:id", {
    action,
    summary: "Download an item's document (whoever may read the application)",
    params: IdParams,
    handler: async (ctx, req, reply) =>
      sendFile(req, reply, ctx.storage, await svc.documentFile(ctx, req.params.id)),
  });

  r.post("/grant-applications/:id/submit", {
    action,
    summary:
      "Submit or resubmit: eligibility and each item's documents checked; the completeness check is due in N working days",
    params: IdParams,
    body: VersionBody,
    response: Application,
    handler: (ctx, { params, body }) => svc.submitApplication(ctx, params.id, body.version),
  });

  r.get("/operator/grant-applications", {
    action: "operator.grants.queue",
    summary:
      "The operator's queue: applications in a state (submitted by default), oldest first, with the due day",
    query: QueueQuery,
    response: ApplicationList,
    handler: (ctx, { query }) => decisions.queue(ctx, query),
  });

  r.post("/grant-applications/:id/check", {
    action: "operator.grants.decide",
    summary:
      "The completeness check: accept into the expert review, or return once with the missing documents",
    params: IdParams,
    body: CheckBody,
    response: Application,
    handler: (ctx, { params, body }) => decisions.checkApplication(ctx, params.id, body),
  });

  r.put("/grant-applications/:id/experts", {
    action: "operator.grants.decide",
    summary:
      "Assign the experts (registered experts by e-mail, none a member of the applicant: 409) while submitted or in the review",
    params: IdParams,
    body: ExpertsBody,
    response: Application,
    handler: (ctx, { params, body }) => decisions.setExperts(ctx, params.id, body),
  });

  r.post("/grant-applications/:id/review", {
    action: "grants.review",
    summary:
      "The assigned expert's review: each item accepted, partly accepted or rejected; the approved amount recomputed",
    params: IdParams,
    body: ReviewBody,
    response: Application,
    handler: (ctx, { params, body }) => decisions.reviewApplication(ctx, params.id, body),
  });

  r.post("/grant-applications/:id/decision", {
    action: "operator.grants.decide",
    summary:
      "The commission's decision: approve an amount within the budget left (409 when exhausted) or refuse",
    params: IdParams,
    body: DecisionBody,
    response: Application,
    handler: (ctx, { params, body }) => decisions.decideApplication(ctx, params.id, body),
  });

  r.post("/grant-applications/:id/agreement", {
    action: "operator.grants.decide",
    summary:
      "Upload the signed agreement (multipart field `file`) with both sides' days of signing in the query",
    params: IdParams,
    query: AgreementQuery,
    response: Application,
    handler: async (ctx, req) => {
      await decisions.assertAgreement(ctx, req.params.id);
      const part = await uploadedFile(req, "field.grant-file");
      return decisions.uploadAgreement(ctx, req.params.id, req.query, {
        stream: part.file,
        fileName: part.filename,
      });
    },
  });

  r.get("/grant-applications/:id/agreement", {
    action,
    summary: "Download the signed agreement (whoever may read the application)",
    params: IdParams,
    handler: async (ctx, req, reply) =>
      sendFile(req, reply, ctx.storage, await svc.agreementFile(ctx, req.params.id)),
  });

  r.post("/grant-applications/:id/payment", {
    action: "operator.grants.decide",
    summary: "Record the payment: the grant becomes confirmed city support on the applicant's project",
    params: IdParams,
    body: PaymentBody,
    response: Application,
    handler: (ctx, { params, body }) => decisions.recordPayment(ctx, params.id, body),
  });
});
