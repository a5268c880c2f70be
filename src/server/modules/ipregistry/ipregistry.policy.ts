import { signedIn } from "../../core/policy.js";

/** Policy actions of the IP registry; the record-level rules (a member of the organization) are in the service. */
export const IPREGISTRY_RULES = {
  /** Deposits for an organization and reads its deposits and receipts: any signed-in user here, its members per record. */
  "ipregistry.deposit": signedIn,
};
