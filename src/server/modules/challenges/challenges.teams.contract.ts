// Teams' request/response schemas (challenges.teams.service.ts) and the hackathon leaderboard.
import { z } from "zod";
import { DECISIONS } from "../../../shared/challenges.js";
import { OptSafeLongText, SafeText } from "../../../shared/text.js";
import { Version } from "../../core/contract.js";

const TeamName = SafeText(2, 120);
export const TeamBody = z.object({ name: TeamName, description: OptSafeLongText(2000) }).strict();
export const TeamRenameBody = z.object({ name: TeamName, version: Version }).strict();
export const TeamInviteBody = z.object({ email: z.email().max(254) }).strict();
export const TeamCaptainBody = z.object({ userId: z.uuid(), version: Version }).strict();
export const TeamOrganizationBody = z.object({ organizationId: z.uuid(), version: Version }).strict();
export const TeamInvitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const TeamMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const TeamTokenParams = z.object({ token: z.string().min(16).max(200) });

const iso = z.string();
export const TeamRef = z.object({ id: z.uuid(), name: z.string() }).meta({ id: "TeamRef" });

export const Team = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    captain: z.object({ id: z.uuid(), fullName: z.string() }),
    /** The organization the team was tied to (by a captain who is its owner or admin). */
    organization: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
    members: z.array(z.object({ id: z.uuid(), fullName: z.string(), captain: z.boolean() })),
    /** Pending invitations (the captain only; empty for the others). */
    invitations: z.array(z.object({ id: z.uuid(), email: z.string(), expiresAt: iso })),
    me: z.object({ captain: z.boolean() }),
    createdAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "Team" });

export const TeamInvitationPreview = z
  .object({
    team: TeamRef,
    inviter: z.string(),
    email: z.string(),
    expiresAt: iso,
    state: z.enum(["pending", "accepted", "declined", "revoked", "expired"]),
  })
  .meta({ id: "TeamInvitationPreview" });

export const MyTeams = z
  .object({
    items: z.array(Team),
    /** Pending invitations to the reader's e-mail (accept or decline from the mailed link). */
    invitations: z.array(TeamInvitationPreview.extend({ id: z.uuid() })),
  })
  .meta({ id: "MyTeams" });

export const Leaderboard = z
  .object({
    items: z.array(
      z.object({
        rank: z.number().int().nullable(),
        tied: z.boolean(),
        team: TeamRef,
        /** The score on 0–10 of the last stage the team's submission was scored in. */
        score: z.number().nullable(),
        stage: z.number().int(),
        decision: z.enum(DECISIONS).nullable(),
      }),
    ),
  })
  .meta({ id: "ChallengeLeaderboard" });
