import multipart from "@fastify/multipart";
import { z } from "zod";
import { requireActor } from "../../core/context.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
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

/** Record-level rules (member, manager, owner) are checked by the service; here: signed in. */
const action = "org.access";
const perIp = (max: number, timeWindow: string) => ({ max, timeWindow });
const LogoQuery = z.object({
  v: z
    .string()
    .regex(/^\d{1,16}$/)
    .optional(),
});

export const organizationsRoutes = routes(["organizations"], async (r) => {
  auditRefusals(r.app);
  // Only this plugin takes uploads: one file of at most 2 MB.
  // The logo streams to storage, which stops it at its own limit (a field error, like a wrong type).
  await r.app.register(multipart, {
    limits: { fileSize: svc.LOGO_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
  });

  // ---------- profile ----------

  r.post("/organizations", {
    action: "org.create",
    rateLimit: perIp(60, "1 hour"),
    summary: "Register an organization; the creator becomes its owner",
    body: CreateOrgBody,
    response: OrganizationView,
    status: 201,
    problems: { 409: InnTakenProblem },
    handler: (ctx, { body }) => svc.createOrganization(ctx, body),
  });

  // ---------- the state register (fills the registration form) ----------

  const registry = registryOf(r.app.services.config);

  r.get("/organizations/registry", {
    action: "org.create",
    summary: "Whether the state-register lookup is on (DADATA_API_KEY set)",
    response: RegistryInfo,
    handler: () => ({ lookup: registry !== null }),
  });

  r.get("/organizations/lookup", {
    action: "org.create",
    rateLimit: perIp(30, "10 minutes"),
    summary: "Look an INN up in the state register to fill the registration form",
    query: RegistryLookupQuery,
    response: RegistryParty,
    handler: (_ctx, req) => lookUp(registry, req.query.inn, req.log),
  });

  r.get("/organizations/:id", {
    action,
    summary: "The full profile (members and staff)",
    params: OrgIdParams,
    response: OrganizationView,
    handler: (ctx, { params }) => svc.getOrganization(ctx, params.id),
  });

  r.patch("/organizations/:id", {
    action,
    summary: "Edit the profile (owner, admin); `version` guards against lost updates",
    params: OrgIdParams,
    body: UpdateOrgBody,
    response: OrganizationView,
    problems: { 409: InnTakenProblem },
    handler: (ctx, { params, body }) => svc.updateOrganization(ctx, params.id, body),
  });

  // ---------- logo ----------

  r.put("/organizations/:id/logo", {
    action,
    rateLimit: perIp(60, "1 hour"),
    summary: "Upload the logo: multipart field `file`, PNG / JPEG / WebP up to 2 MB",
    params: OrgIdParams,
    response: OrganizationView,
    // Who may not change the profile is refused before the upload is read.
    handler: uploadHandler("field.org.logo-file", svc.assertCanUpdate, svc.setLogo),
  });

  r.delete("/organizations/:id/logo", {
    action,
    summary: "Remove the logo",
    params: OrgIdParams,
    response: OrganizationView,
    handler: (ctx, { params }) => svc.deleteLogo(ctx, params.id),
  });

  r.get("/organizations/:id/logo", {
    action: "public",
    summary: "The logo image (its type detected from the content at upload)",
    params: OrgIdParams,
    query: LogoQuery,
    handler: async (ctx, req, reply) => {
      const logo = await svc.getLogo(ctx.db, req.params.id);
      const match = String(req.headers["if-none-match"] ?? "")
        .split(",")
        .map((s) => s.trim().replace(/^W\//, ""));
      if (match.includes(`"${logo.sha256}"`))
        return reply.code(304).header("etag", `"${logo.sha256}"`).send();
      // A versioned address (?v=) changes with the logo, so it may be cached; the bare one revalidates.
      return sendFile(req, reply, ctx.storage, logo, {
        inline: true,
        cacheControl: req.query.v ? "public, max-age=86400" : "public, no-cache",
      });
    },
  });

  // ---------- my organizations ----------

  r.get("/me/organizations", {
    action,
    summary: "Organizations I belong to and the active one",
    response: MyOrganizations,
    noStore: true,
    handler: (ctx) => svc.myOrganizations(ctx),
  });

  r.put("/me/active-organization", {
    action,
    summary: "Switch the organization I act for (one I belong to)",
    body: ActiveOrgBody,
    response: MyOrganizations,
    handler: (ctx, { body }) => svc.setActiveOrganization(ctx, body.organizationId),
  });

  // ---------- members ----------

  r.get("/organizations/:id/members", {
    action,
    summary: "Members (members and staff)",
    params: OrgIdParams,
    response: z.array(Member),
    handler: (ctx, { params }) => svc.listMembers(ctx, params.id),
  });

  r.patch("/organizations/:id/members/:userId", {
    action,
    summary: "Change a member's role (owner, admin) or one's own visibility and position",
    params: MemberParams,
    body: UpdateMemberBody,
    response: Member,
    handler: (ctx, { params, body }) => svc.updateMember(ctx, params.id, params.userId, body),
  });

  r.delete("/organizations/:id/members/:userId", {
    action,
    summary: "Remove a member (owner, admin) or leave (oneself)",
    params: MemberParams,
    status: 204,
    handler: (ctx, { params }) => svc.removeMember(ctx, params.id, params.userId),
  });

  r.post("/organizations/:id/transfer-ownership", {
    action,
    summary: "Hand ownership to another member (owner); the old owner becomes an admin",
    params: OrgIdParams,
    body: TransferOwnershipBody,
    response: OrganizationView,
    handler: (ctx, { params, body }) => svc.transferOwnership(ctx, params.id, body.userId),
  });

  // ---------- invitations ----------

  r.post("/organizations/:id/invitations", {
    action,
    rateLimit: perIp(60, "1 hour"),
    summary: "Invite by e-mail (owner, admin): a single-use link valid for 7 days",
    params: OrgIdParams,
    body: InviteBody,
    response: Invitation,
    status: 201,
    handler: (ctx, { params, body }) => svc.invite(ctx, params.id, body),
  });

  r.get("/organizations/:id/invitations", {
    action,
    summary: "Invitations with their states (owner, admin)",
    params: OrgIdParams,
    response: z.array(Invitation),
    handler: (ctx, { params }) => svc.listInvitations(ctx, params.id),
  });

  r.delete("/organizations/:id/invitations/:subId", {
    action,
    summary: "Revoke a pending invitation (owner, admin)",
    params: SubIdParams,
    status: 204,
    handler: (ctx, { params }) => svc.revokeInvitation(ctx, params.id, params.subId),
  });

  r.get("/invitations/:token", {
    action: "public",
    rateLimit: perIp(60, "10 minutes"),
    summary: "What an invitation link invites to",
    params: TokenParams,
    response: InvitationPreview,
    noStore: true,
    handler: (ctx, { params }) => svc.previewInvitation(ctx, params.token),
  });

  r.post("/invitations/accept", {
    action: "org.join",
    rateLimit: perIp(30, "10 minutes"),
    summary: "Accept an invitation sent to my e-mail address",
    body: TokenBody,
    response: OrganizationView,
    handler: (ctx, { body }) => svc.acceptInvitation(ctx, body.token),
  });

  // ---------- join requests ----------

  r.post("/organizations/:id/join-requests", {
    action: "org.join",
    rateLimit: perIp(30, "1 hour"),
    summary: "Ask to join an organization (its owner or an admin decides)",
    params: OrgIdParams,
    body: JoinRequestBody,
    response: JoinRequest,
    status: 201,
    handler: (ctx, { params, body }) => svc.createJoinRequest(ctx, params.id, body),
  });

  r.get("/organizations/:id/join-requests", {
    action,
    summary: "Requests to join, pending first (owner, admin)",
    params: OrgIdParams,
    response: z.array(JoinRequest),
    handler: (ctx, { params }) => svc.listJoinRequests(ctx, params.id),
  });

  for (const decision of ["approve", "reject"] as const) {
    r.post(`/organizations/:id/join-requests/:subId/${decision}`, {
      action,
      summary:
        decision === "approve"
          ? "Approve a pending request: the requester becomes a member (owner, admin)"
          : "Reject a pending request (owner, admin)",
      params: SubIdParams,
      response: JoinRequest,
      handler: (ctx, { params }) => svc.decideJoinRequest(ctx, params.id, params.subId, decision),
    });
  }

  r.delete("/organizations/:id/join-requests/:subId", {
    action: "org.join",
    summary: "Withdraw my pending request",
    params: SubIdParams,
    status: 204,
    handler: (ctx, { params }) => svc.cancelJoinRequest(ctx, params.id, params.subId),
  });

  r.get("/me/join-requests", {
    action: "org.join",
    summary: "My requests to join and their states",
    response: z.array(MyJoinRequest),
    noStore: true,
    handler: (ctx) => svc.myJoinRequests(ctx),
  });

  // ---------- one's own public appearance (152-FZ art. 10.1) ----------

  r.get("/organizations/:id/consents/mine", {
    action,
    summary: "What I agreed to show publicly in this organization, and what managers asked",
    params: OrgIdParams,
    response: MyPublicConsents,
    noStore: true,
    handler: (ctx, { params }) => consents.myPublicConsents(ctx, params.id),
  });

  r.put("/organizations/:id/consents/public-profile", {
    action,
    summary: "Agree to be shown (name, position) on the public page, or withdraw; recorded as a consent",
    params: OrgIdParams,
    body: AnswerBody,
    response: MyPublicConsents,
    handler: async (ctx, { params, body }) => {
      await svc.updateMember(ctx, params.id, requireActor(ctx).id, { showPublicly: body.agree });
      return consents.myPublicConsents(ctx, params.id);
    },
  });

  r.put("/organizations/:id/consents/contacts", {
    action,
    summary: "As the contact person, agree to the publication of the contacts, or withdraw",
    params: OrgIdParams,
    body: AnswerBody,
    response: MyPublicConsents,
    handler: (ctx, { params, body }) => consents.answerContacts(ctx, params.id, body.agree),
  });

  // ---------- name changes of participants and partners ----------

  r.get("/organizations/:id/name-change", {
    action,
    summary: "The pending name change (or the latest decided one), null when none",
    params: OrgIdParams,
    response: NameChange.nullable(),
    noStore: true,
    handler: (ctx, { params }) => names.currentNameChange(ctx, params.id),
  });

  r.delete("/organizations/:id/name-change", {
    action,
    summary: "Withdraw the pending name change",
    params: OrgIdParams,
    status: 204,
    handler: (ctx, { params }) => names.cancelNameChange(ctx, params.id),
  });
});
