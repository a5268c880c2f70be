import { staff } from "../organizations/organizations.policy.js";

/** Policy actions of news: reading published articles is public; writing them is the operators'. */
export const NEWS_RULES = {
  /** Writes, edits, publishes and archives articles, uploads covers, sees drafts. */
  "operator.news.manage": staff,
};
