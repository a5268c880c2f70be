import type { ConversationSubjectKind } from "../../core/module.js";

/**
 * A status application as a conversation's subject: the applicant organization and the operator
 * discuss it (the operator's decisions and comments appear in it as well). The organization's members
 * see it on their status page, operators on the application in their queue.
 */
export const STATUS_APPLICATION_SUBJECT: ConversationSubjectKind = {
  kind: "status_application",
  link: (applicationId, organizationId) =>
    organizationId ? `/organizations/${organizationId}/status` : `/operator/applications/${applicationId}`,
};
