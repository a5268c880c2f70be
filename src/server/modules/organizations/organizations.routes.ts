import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf, requireActor } from "../../core/context.js";
import { AppError, badRequest, problemAnswer } from "../../core/errors.js";
import { sendFile } from "../../core/files.js";
import { auditRefusals } from "./access.js";
import * as consents from "./organizations.consents.js";
import {
  ActiveOrgBody,
  AnswerBody,
  CreateOrgBody,
  InnTakenProblem,
  Invitation,
  InvitationPreview,
  InviteBody,
  JoinRequest,
  JoinRequestBody,
  Member,
  MemberParams,
  MyJoinRequest,
  MyOrganizations,
  MyPublicConsents,
  NameChange,
  OrganizationView,
  OrgIdParams,
  RegistryInfo,
  RegistryLookupQuery,
  RegistryParty,
  SubIdParams,
  TokenBody,
  TokenParams,
  TransferOwnershipBody,
  UpdateMemberBody,
  UpdateOrgBody,
} from "./organizations.contract.js";
import * as names from "./organizations.names.js";
import { lookUp, registryOf } from "./organizations.registry.js";
import * as svc from "./organizations.service.js";

const tags = ["organizations"];
/** Record-level rules (member, manager, owner) are checked by the service; here: signed in. */
const access = { policy: "org.access" as const };
const perIp = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });
const LogoQuery = z.object({
  v: z
    .string()
    .regex(/^\d{1,16}$/)
    .optional(),
});

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  auditRefusals(app);
  // Only this plugin takes uploads: one file of at most 2 MB.
  // The logo streams to storage, which stops it at its own limit (a field error, like a wrong type).
  await app.register(multipart, {
    limits: { fileSize: svc.LOGO_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
  });

  // ---------- profile ----------

  app.post(
    "/organizations",
    {
      config: { policy: "org.create" as const, ...perIp(60, "1 hour") },
      schema: {
        tags,
        summary: "Register an organization; the creator becomes its owner",
        body: CreateOrgBody,
        response: { 201: OrganizationView, 409: problemAnswer(InnTakenProblem) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createOrganization(ctxOf(req), req.body)),
  );

  // ---------- the state register (fills the registration form) ----------

  const registry = registryOf(app.services.config);

  app.get(
    "/organizations/registry",
    {
      config: { policy: "org.create" as const },
      schema: {
        tags,
        summary: "Whether the state-register lookup is on (DADATA_API_KEY set)",
        response: { 200: RegistryInfo },
      },
    },
    async () => ({ lookup: registry !== null }),
  );

  app.get(
    "/organizations/lookup",
    {
      config: { policy: "org.create" as const, ...perIp(30, "10 minutes") },
      schema: {
        tags,
        summary: "Look an INN up in the state register to fill the registration form",
        querystring: RegistryLookupQuery,
        response: { 200: RegistryParty },
      },
    },
    async (req) => lookUp(registry, req.query.inn, req.log),
  );

  app.get(
    "/organizations/:id",
    {
      config: access,
      schema: {
        tags,
        summary: "The full profile (members and staff)",
        params: OrgIdParams,
        response: { 200: OrganizationView },
      },
    },
    async (req) => svc.getOrganization(ctxOf(req), req.params.id),
  );

  app.patch(
    "/organizations/:id",
    {
      config: access,
      schema: {
        tags,
        summary: "Edit the profile (owner, admin); `version` guards against lost updates",
        params: OrgIdParams,
        body: UpdateOrgBody,
        response: { 200: OrganizationView, 409: problemAnswer(InnTakenProblem) },
      },
    },
    async (req) => svc.updateOrganization(ctxOf(req), req.params.id, req.body),
  );

  // ---------- logo ----------

  app.put(
    "/organizations/:id/logo",
    {
      config: { ...access, ...perIp(60, "1 hour") },
      schema: {
        tags,
        summary: "Upload the logo: multipart field `file`, PNG / JPEG / WebP up to 2 MB",
        params: OrgIdParams,
        response: { 200: OrganizationView },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // Who may not change the profile is refused before the upload is read.
      await svc.assertCanUpdate(ctx, req.params.id);
      if (!req.isMultipart()) throw new AppError(415, "unsupported-media-type");
      const part = await req.file();
      if (part?.fieldname !== "file") throw badRequest([{ field: "file", key: "field.org.logo-file" }]);
      return svc.setLogo(ctx, req.params.id, { stream: part.file, fileName: part.filename });
    },
  );

  app.delete(
    "/organizations/:id/logo",
    {
      config: access,
      schema: { tags, summary: "Remove the logo", params: OrgIdParams, response: { 200: OrganizationView } },
    },
    async (req) => svc.deleteLogo(ctxOf(req), req.params.id),
  );

  app.get(
    "/organizations/:id/logo",
    {
      config: { policy: "public" as const },
      schema: {
        tags,
        summary: "The logo image (its type detected from the content at upload)",
        params: OrgIdParams,
        querystring: LogoQuery,
      },
    },
    async (req, reply) => {
      const logo = await svc.getLogo(req.server.services.database.db, req.params.id);
      const match = String(req.headers["if-none-match"] ?? "")
        .split(",")
        .map((s) => s.trim().replace(/^W\//, ""));
      if (match.includes(`"${logo.sha256}"`))
        return reply.code(304).header("etag", `"${logo.sha256}"`).send();
      // A versioned address (?v=) changes with the logo, so it may be cached; the bare one revalidates.
      return sendFile(req, reply, req.server.services.storage, logo, {
        inline: true,
        cacheControl: req.query.v ? "public, max-age=86400" : "public, no-cache",
      });
    },
  );

  // ---------- my organizations ----------

  app.get(
    "/me/organizations",
    {
      config: access,
      schema: {
        tags,
        summary: "Organizations I belong to and the active one",
        response: { 200: MyOrganizations },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return svc.myOrganizations(ctxOf(req));
    },
  );

  app.put(
    "/me/active-organization",
    {
      config: access,
      schema: {
        tags,
        summary: "Switch the organization I act for (one I belong to)",
        body: ActiveOrgBody,
        response: { 200: MyOrganizations },
      },
    },
    async (req) => svc.setActiveOrganization(ctxOf(req), req.body.organizationId),
  );

  // ---------- members ----------

  app.get(
    "/organizations/:id/members",
    {
      config: access,
      schema: {
        tags,
        summary: "Members (members and staff)",
        params: OrgIdParams,
        response: { 200: z.array(Member) },
      },
    },
    async (req) => svc.listMembers(ctxOf(req), req.params.id),
  );

  app.patch(
    "/organizations/:id/members/:userId",
    {
      config: access,
      schema: {
        tags,
        summary: "Change a member's role (owner, admin) or one's own visibility and position",
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: Member },
      },
    },
    async (req) => svc.updateMember(ctxOf(req), req.params.id, req.params.userId, req.body),
  );

  app.delete(
    "/organizations/:id/members/:userId",
    {
      config: access,
      schema: { tags, summary: "Remove a member (owner, admin) or leave (oneself)", params: MemberParams },
    },
    async (req, reply) => {
      await svc.removeMember(ctxOf(req), req.params.id, req.params.userId);
      return reply.code(204).send();
    },
  );

  app.post(
    "/organizations/:id/transfer-ownership",
    {
      config: access,
      schema: {
        tags,
        summary: "Hand ownership to another member (owner); the old owner becomes an admin",
        params: OrgIdParams,
        body: TransferOwnershipBody,
        response: { 200: OrganizationView },
      },
    },
    async (req) => svc.transferOwnership(ctxOf(req), req.params.id, req.body.userId),
  );

  // ---------- invitations ----------

  app.post(
    "/organizations/:id/invitations",
    {
      config: { ...access, ...perIp(60, "1 hour") },
      schema: {
        tags,
        summary: "Invite by e-mail (owner, admin): a single-use link valid for 7 days",
        params: OrgIdParams,
        body: InviteBody,
        response: { 201: Invitation },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.invite(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    "/organizations/:id/invitations",
    {
      config: access,
      schema: {
        tags,
        summary: "Invitations with their states (owner, admin)",
        params: OrgIdParams,
        response: { 200: z.array(Invitation) },
      },
    },
    async (req) => svc.listInvitations(ctxOf(req), req.params.id),
  );

  app.delete(
    "/organizations/:id/invitations/:subId",
    {
      config: access,
      schema: { tags, summary: "Revoke a pending invitation (owner, admin)", params: SubIdParams },
    },
    async (req, reply) => {
      await svc.revokeInvitation(ctxOf(req), req.params.id, req.params.subId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/invitations/:token",
    {
      config: { policy: "public" as const, ...perIp(60, "10 minutes") },
      schema: {
        tags,
        summary: "What an invitation link invites to",
        params: TokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return svc.previewInvitation(ctxOf(req), req.params.token);
    },
  );

  app.post(
    "/invitations/accept",
    {
      config: { policy: "org.join" as const, ...perIp(30, "10 minutes") },
      schema: {
        tags,
        summary: "Accept an invitation sent to my e-mail address",
        body: TokenBody,
        response: { 200: OrganizationView },
      },
    },
    async (req) => svc.acceptInvitation(ctxOf(req), req.body.token),
  );

  // ---------- join requests ----------

  app.post(
    "/organizations/:id/join-requests",
    {
      config: { policy: "org.join" as const, ...perIp(30, "1 hour") },
      schema: {
        tags,
        summary: "Ask to join an organization (its owner or an admin decides)",
        params: OrgIdParams,
        body: JoinRequestBody,
        response: { 201: JoinRequest },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.createJoinRequest(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    "/organizations/:id/join-requests",
    {
      config: access,
      schema: {
        tags,
        summary: "Requests to join, pending first (owner, admin)",
        params: OrgIdParams,
        response: { 200: z.array(JoinRequest) },
      },
    },
    async (req) => svc.listJoinRequests(ctxOf(req), req.params.id),
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/organizations/:id/join-requests/:subId/${decision}`,
      {
        config: access,
        schema: {
          tags,
          summary:
            decision === "approve"
              ? "Approve a pending request: the requester becomes a member (owner, admin)"
              : "Reject a pending request (owner, admin)",
          params: SubIdParams,
          response: { 200: JoinRequest },
        },
      },
      async (req) => svc.decideJoinRequest(ctxOf(req), req.params.id, req.params.subId, decision),
    );
  }

  app.delete(
    "/organizations/:id/join-requests/:subId",
    {
      config: { policy: "org.join" as const },
      schema: { tags, summary: "Withdraw my pending request", params: SubIdParams },
    },
    async (req, reply) => {
      await svc.cancelJoinRequest(ctxOf(req), req.params.id, req.params.subId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/me/join-requests",
    {
      config: { policy: "org.join" as const },
      schema: {
        tags,
        summary: "My requests to join and their states",
        response: { 200: z.array(MyJoinRequest) },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return svc.myJoinRequests(ctxOf(req));
    },
  );

  // ---------- one's own public appearance (152-FZ art. 10.1) ----------

  app.get(
    "/organizations/:id/consents/mine",
    {
      config: access,
      schema: {
        tags,
        summary: "What I agreed to show publicly in this organization, and what managers asked",
        params: OrgIdParams,
        response: { 200: MyPublicConsents },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return consents.myPublicConsents(ctxOf(req), req.params.id);
    },
  );

  app.put(
    "/organizations/:id/consents/public-profile",
    {
      config: access,
      schema: {
        tags,
        summary: "Agree to be shown (name, position) on the public page, or withdraw; recorded as a consent",
        params: OrgIdParams,
        body: AnswerBody,
        response: { 200: MyPublicConsents },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await svc.updateMember(ctx, req.params.id, requireActor(ctx).id, { showPublicly: req.body.agree });
      return consents.myPublicConsents(ctx, req.params.id);
    },
  );

  app.put(
    "/organizations/:id/consents/contacts",
    {
      config: access,
      schema: {
        tags,
        summary: "As the contact person, agree to the publication of the contacts, or withdraw",
        params: OrgIdParams,
        body: AnswerBody,
        response: { 200: MyPublicConsents },
      },
    },
    async (req) => consents.answerContacts(ctxOf(req), req.params.id, req.body.agree),
  );

  // ---------- name changes of participants and partners ----------

  app.get(
    "/organizations/:id/name-change",
    {
      config: access,
      schema: {
        tags,
        summary: "The pending name change (or the latest decided one), null when none",
        params: OrgIdParams,
        response: { 200: NameChange.nullable() },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return names.currentNameChange(ctxOf(req), req.params.id);
    },
  );

  app.delete(
    "/organizations/:id/name-change",
    {
      config: access,
      schema: { tags, summary: "Withdraw the pending name change", params: OrgIdParams },
    },
    async (req, reply) => {
      await names.cancelNameChange(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
};
