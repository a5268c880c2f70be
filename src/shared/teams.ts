// Teams (команды) without a legal entity that submit to challenges allowing teams: a captain and up to
// nine members, 1–10 people. The one rule of a team's size, for the server and the web.

export const TEAM_MIN = 1;
export const TEAM_MAX = 10;

/**
 * Whether one more person may be invited or join: the people already in the team plus the invitations
 * still pending must stay within TEAM_MAX.
 */
export const teamHasRoom = (members: number, pending = 0) => members + pending < TEAM_MAX;

/** Whether a team of `members` people is within the rule (1–10). */
export const teamSizeValid = (members: number) =>
  Number.isInteger(members) && members >= TEAM_MIN && members <= TEAM_MAX;
