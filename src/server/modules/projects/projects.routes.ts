import multipart from "@fastify/multipart";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import { auditRefusals } from "../organizations/access.js";
import {
  ConsortiumBody,
  CreateProjectBody,
  EntryBody,
  EntryDecisionBody,
  EntryQueue,
  InvitationDecisionBody,
  InvitationParams,
  MineQuery,
  Project,
  ProjectEntry,
  ProjectList,
  ProjectsPage,
  ProjectsQuery,
  QueueQuery,
  UpdateProjectBody,
} from "./projects.contract.js";
import * as entries from "./projects.entries.service.js";
import * as svc from "./projects.service.js";

/**
 * The catalog and a project's page are public; everything else needs a signed-in user, checked per
 * record by the services (404 to those who may not see or change a record).
 */
const action = "projects.access";

export const projectRoutes = routes(["projects"], async (r) => {
  auditRefusals(r.app);
  await r.app.register(multipart, {
    limits: { fileSize: entries.PROJECT_FILES.maxBytes + 1, files: 1, fields: 2, parts: 3 },
  });

  r.get("/projects", {
    action: "public",
    summary:
      "Search the projects: Russian full text, facets industry, stage, TRL, joint or not, cluster and region",
    query: ProjectsQuery,
    response: ProjectsPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchProjects(ctx, query)),
  });

  r.get("/projects/mine", {
    action,
    summary: "The projects of the reader's organizations (led, invited to or partnered)",
    query: MineQuery,
    response: ProjectList,
    handler: (ctx, { query }) => svc.myProjects(ctx, query),
  });

  r.get("/projects/:id", {
    action: "public",
    summary:
      "A project: the consortium and the confirmed money (all invitations and entries for its managers)",
    params: IdParams,
    response: Project,
    handler: async (ctx, { params }, reply) =>
      ctx.actor ? svc.getProject(ctx, params.id) : sendJson(reply, await svc.publicProject(ctx, params.id)),
  });

  r.post("/projects", {
    action,
    summary: "Create a project for a lead organization (its owner or admin, or an operator on its behalf)",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    body: CreateProjectBody,
    response: Project,
    status: 201,
    handler: (ctx, { body }) => svc.createProject(ctx, body),
  });

  r.patch("/projects/:id", {
    action,
    summary: "Edit a project (naming the version seen: a stale one is 409 with the project as it is now)",
    params: IdParams,
    body: UpdateProjectBody,
    response: Project,
    handler: (ctx, { params, body }) => svc.updateProject(ctx, params.id, body),
  });

  r.put("/projects/:id/consortium", {
    action,
    summary:
      "Set the consortium: the lead first, then partners with roles and shares summing to 100% (new ones invited)",
    params: IdParams,
    body: ConsortiumBody,
    response: Project,
    handler: (ctx, { params, body }) => svc.setConsortium(ctx, params.id, body),
  });

  r.post("/projects/:id/invitations/:organizationId", {
    action,
    summary: "Accept or decline an invitation to a consortium (the invited organization's owner or admin)",
    params: InvitationParams,
    body: InvitationDecisionBody,
    response: Project,
    handler: (ctx, { params, body }) => svc.answerInvitation(ctx, params.id, params.organizationId, body),
  });

  r.post("/projects/:id/entries", {
    action,
    summary: "Declare investment attracted or city support received (the project's managers)",
    rateLimit: { max: 120, timeWindow: "1 hour" },
    params: IdParams,
    body: EntryBody,
    response: ProjectEntry,
    status: 201,
    handler: (ctx, { params, body }) => entries.declareEntry(ctx, params.id, body),
  });

  r.post("/project-entries/:id/document", {
    action,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary:
      "Attach a declared entry's document: multipart field `file`, PDF, office documents, images up to 20 MB",
    params: IdParams,
    response: ProjectEntry,
    status: 201,
    handler: uploadHandler("field.project-file", entries.assertDocumentUploader, entries.uploadDocument),
  });

  r.get("/project-entries/:id/document", {
    action,
    summary: "Download an entry's document (the project's managers and operators)",
    params: IdParams,
    handler: async (ctx, req, reply) =>
      sendFile(req, reply, ctx.storage, await entries.entryDocument(ctx, req.params.id)),
  });

  r.get("/operator/project-entries", {
    action: "operator.projects.queue",
    summary: "The operator's queue of declared money entries, oldest first",
    query: QueueQuery,
    response: EntryQueue,
    handler: (ctx, { query }) => entries.entryQueue(ctx, query),
  });

  r.post("/operator/project-entries/:id/decision", {
    action: "operator.projects.decide",
    summary: "Confirm a declared entry (with its document) or reject it with a reason",
    params: IdParams,
    body: EntryDecisionBody,
    response: ProjectEntry,
    handler: (ctx, { params, body }) => entries.decideEntry(ctx, params.id, body),
  });
});
