// Who may submit to a challenge (its requirements): the organization types it admits (none named: any)
// and whether it takes cluster participants only (the platform status "participant", not suspended by
// the operator). The server refuses a submission with the first rule broken; the web says so before
// showing the form; the matching notices reach only organizations that qualify.

import { ORG_TYPES, type OrgStatus, type OrgType } from "./organizations.js";

export type SubmitterRequirements = {
  /** The organization types admitted; empty: any type. */
  orgTypes: readonly OrgType[];
  /** Only organizations holding the cluster participant status. */
  participantsOnly: boolean;
};

export type SubmitterProfile = { type: OrgType; status: OrgStatus; statusSuspended: boolean };

/** The rule an organization breaks, or null when it may submit. */
export type SubmitterRefusal = "org-type" | "participants-only";

export const isParticipant = (p: Pick<SubmitterProfile, "status" | "statusSuspended">) =>
  p.status === "participant" && !p.statusSuspended;

export function submitterRefusal(req: SubmitterRequirements, p: SubmitterProfile): SubmitterRefusal | null {
  if (req.orgTypes.length && !req.orgTypes.includes(p.type)) return "org-type";
  if (req.participantsOnly && !isParticipant(p)) return "participants-only";
  return null;
}

/** The types stored: each once, in the vocabulary's order (all seven named is the same as none). */
export function normalizeOrgTypes(types: readonly OrgType[]): OrgType[] {
  const set = new Set(types);
  const list = ORG_TYPES.filter((t) => set.has(t));
  return list.length === ORG_TYPES.length ? [] : list;
}
