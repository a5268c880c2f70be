import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { citext, users } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";

/**
 * A team (команда) of 1–10 people without a legal entity that submits to challenges allowing teams
 * (src/shared/teams.ts): a captain and the members who accepted an invitation. `organizationId` is the
 * organization it was tied to later (by a captain who is that organization's owner or admin).
 */
export const teams = pgTable(
  "teams",
  {
    id: primaryId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    captainId: uuid("captain_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
  },
  (t) => [index("teams_captain_idx").on(t.captainId)],
);

/** A team's people (the captain too). */
export const teamMembers = pgTable(
  "team_members",
  {
    teamId: parentRef("team_id", () => teams.id),
    userId: parentRef("user_id", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

/** An invitation to a team by e-mail: a single-use link (its token's hash) valid for 7 days. */
export const teamInvitations = pgTable(
  "team_invitations",
  {
    id: primaryId(),
    teamId: parentRef("team_id", () => teams.id),
    email: citext("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").notNull(),
    createdAt: createdAt(),
    expiresAt: tz("expires_at").notNull(),
    acceptedAt: tz("accepted_at"),
    acceptedBy: uuid("accepted_by"),
    declinedAt: tz("declined_at"),
    revokedAt: tz("revoked_at"),
  },
  (t) => [
    uniqueIndex("team_invitations_token_key").on(t.tokenHash),
    index("team_invitations_team_idx").on(t.teamId),
    index("team_invitations_inviter_idx").on(t.invitedBy, t.createdAt),
  ],
);
