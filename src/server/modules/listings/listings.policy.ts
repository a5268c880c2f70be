import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import type { OrgAccess } from "../organizations/organizations.policy.js";
import { memberOrStaff, staff } from "../organizations/organizations.policy.js";

/** A member of the listing's organization (any role) writes, submits and closes its listings. */
const member: Rule<OrgAccess> = (a, r) => a !== null && (r?.role ?? null) !== null;

/** Policy actions of listings and their moderation. */
export const LISTING_RULES = {
  /** Route-level gate of the author's routes; the record-level rules below take the membership. */
  "listings.access": signedIn,
  "listings.manage": member as Rule<never>,
  /** A member of the organization accepts a listing's NDA for it (the service checks it is verified). */
  "listings.nda.accept": member as Rule<never>,
  /** Private fields, drafts and pending changes: the organization's members and the operators. */
  "listings.read.private": memberOrStaff,
  "operator.listings.queue": staff,
  "operator.listings.decide": hasRole("operator", "admin"),
};
