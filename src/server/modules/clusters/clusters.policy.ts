import { type Rule, signedIn } from "../../core/policy.js";
import { manager, staff } from "../organizations/organizations.policy.js";

/** Policy actions of clusters, their members, applications and projects. */
export const CLUSTER_RULES = {
  /** Route-level gate of the signed-in routes; the record-level rules below take the membership. */
  "clusters.access": signedIn,
  /** Applies to join, leaves, sets its public consent, attaches its projects: the organization's owner or admin. */
  "clusters.member": manager as Rule<never>,
  /** Reads and decides on applications, removes members: the lead organization's owner or admin. */
  "clusters.lead": manager as Rule<never>,
  /** Creates clusters, edits them and appoints their leads. */
  "operator.clusters.manage": staff,
};
