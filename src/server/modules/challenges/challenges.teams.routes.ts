import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import {
  Leaderboard,
  MyTeams,
  Team,
  TeamBody,
  TeamCaptainBody,
  TeamInvitationParams,
  TeamInvitationPreview,
  TeamInviteBody,
  TeamMemberParams,
  TeamOrganizationBody,
  TeamRenameBody,
  TeamTokenParams,
} from "./challenges.teams.contract.js";
import * as teams from "./challenges.teams.service.js";

/** Teams (signed in; a team is seen by its people only, 404 to others) and the hackathon leaderboard. */
const action = "teams.access";

export const teamRoutes = routes(["teams"], (r) => {
  r.get("/teams", {
    action,
    summary: "My teams and the pending invitations to my e-mail",
    response: MyTeams,
    handler: (ctx) => teams.myTeams(ctx),
  });

  r.post("/teams", {
    action,
    rateLimit: { max: 20, timeWindow: "1 hour" },
    summary: "Create a team (without a legal entity); the creator is its captain",
    body: TeamBody,
    response: Team,
    status: 201,
    handler: (ctx, { body }) => teams.createTeam(ctx, body),
  });

  r.get("/teams/:id", {
    action,
    summary: "A team: its people, and its pending invitations for the captain",
    params: IdParams,
    response: Team,
    handler: (ctx, { params }) => teams.getTeam(ctx, params.id),
  });

  r.patch("/teams/:id", {
    action,
    summary: "Rename the team (the captain), at the version seen (409 with the team as it is now)",
    params: IdParams,
    body: TeamRenameBody,
    response: Team,
    handler: (ctx, { params, body }) => teams.renameTeam(ctx, params.id, body.name, body.version),
  });

  r.post("/teams/:id/invitations", {
    action,
    rateLimit: { max: 60, timeWindow: "1 hour" },
    summary: "Invite by e-mail (the captain): a single-use link valid for 7 days; 1–10 people a team",
    params: IdParams,
    body: TeamInviteBody,
    response: Team,
    status: 201,
    handler: (ctx, { params, body }) => teams.inviteToTeam(ctx, params.id, body.email),
  });

  r.delete("/teams/:id/invitations/:invitationId", {
    action,
    summary: "Revoke a pending invitation (the captain)",
    params: TeamInvitationParams,
    status: 204,
    handler: (ctx, { params }) => teams.revokeTeamInvitation(ctx, params.id, params.invitationId),
  });

  r.delete("/teams/:id/members/:userId", {
    action,
    summary: "Remove a member (the captain) or leave the team (oneself; the captain hands over first)",
    params: TeamMemberParams,
    status: 204,
    handler: (ctx, { params }) => teams.removeTeamMember(ctx, params.id, params.userId),
  });

  r.post("/teams/:id/captain", {
    action,
    summary: "Hand captaincy to another member (the captain)",
    params: IdParams,
    body: TeamCaptainBody,
    response: Team,
    handler: (ctx, { params, body }) => teams.setTeamCaptain(ctx, params.id, body.userId, body.version),
  });

  r.post("/teams/:id/organization", {
    action,
    summary: "Tie the team to an organization (a captain who is its owner or admin)",
    params: IdParams,
    body: TeamOrganizationBody,
    response: Team,
    handler: (ctx, { params, body }) => teams.tieTeam(ctx, params.id, body.organizationId, body.version),
  });

  r.get("/team-invitations/:token", {
    action: "public",
    rateLimit: { max: 60, timeWindow: "10 minutes" },
    summary: "What a team invitation link invites to",
    params: TeamTokenParams,
    response: TeamInvitationPreview,
    noStore: true,
    handler: (ctx, { params }) => teams.previewTeamInvitation(ctx, params.token),
  });

  r.post("/team-invitations/:token/accept", {
    action,
    rateLimit: { max: 30, timeWindow: "10 minutes" },
    summary: "Accept a team invitation sent to my e-mail address",
    params: TeamTokenParams,
    response: Team,
    handler: async (ctx, { params }) => (await teams.answerTeamInvitation(ctx, params.token, true))!,
  });

  r.post("/team-invitations/:token/decline", {
    action,
    rateLimit: { max: 30, timeWindow: "10 minutes" },
    summary: "Decline a team invitation sent to my e-mail address",
    params: TeamTokenParams,
    status: 204,
    handler: async (ctx, { params }) => {
      await teams.answerTeamInvitation(ctx, params.token, false);
    },
  });

  r.get("/challenges/:id/leaderboard", {
    action: "public",
    summary: "A hackathon's (teams only) leaderboard of its published results, ties as ties",
    params: IdParams,
    response: Leaderboard,
    handler: (ctx, { params }) => teams.leaderboard(ctx, params.id),
  });
});
