import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { grantApplications, grantExperts, grantPrograms, grantReports } from "./grants.schema.js";

/**
 * The applications the user drafted, the yearly reports they submitted, those they were assigned to
 * review as an expert and the programs they created. Erasure keeps them: they are their
 * organizations' (and the cluster's) records; the person stays an id, whose account is anonymized.
 */
export const grantsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      applications: await ownRows(tx, grantApplications, "authorId", userId, [
        "id",
        "programId",
        "organizationId",
        "titleRu",
        "state",
        "createdAt",
      ]),
      reports: await ownRows(tx, grantReports, "submittedBy", userId, [
        "id",
        "applicationId",
        "year",
        "state",
        "submittedAt",
      ]),
      expertAssignments: await ownRows(tx, grantExperts, "userId", userId, ["applicationId", "createdAt"]),
      programs: await ownRows(tx, grantPrograms, "authorId", userId, ["id", "titleRu", "createdAt"]),
    };
  },
  async erase() {},
};
