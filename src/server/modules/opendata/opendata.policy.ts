import { staff } from "../organizations/organizations.policy.js";

/** Policy actions of open data: reading is public; regenerating the files on demand is the operators'. */
export const OPENDATA_RULES = {
  /** Regenerates every data set's files now (besides the nightly job). */
  "operator.opendata.regenerate": staff,
};
