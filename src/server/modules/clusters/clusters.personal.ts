import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { clusterApplications, clusters } from "./clusters.schema.js";

/**
 * The clusters the user created (as the operator) and the applications they filed or decided. Erasure
 * keeps them: they are the organizations' records (the person stays an id, whose account is anonymized).
 */
export const clustersPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      clusters: await ownRows(tx, clusters, "createdBy", userId, ["id", "nameRu", "createdAt"]),
      applications: await ownRows(tx, clusterApplications, "authorId", userId, [
        "id",
        "clusterId",
        "organizationId",
        "motivationRu",
        "createdAt",
      ]),
      decided: await ownRows(tx, clusterApplications, "decidedBy", userId, [
        "id",
        "state",
        "reasonRu",
        "decidedAt",
      ]),
    };
  },
  async erase() {},
};
