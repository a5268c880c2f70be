import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { kpiCampaigns, kpiReports } from "./reporting.schema.js";

/**
 * The reports the user submitted for their organizations and the campaigns and decisions they made as
 * the operator. Erasure keeps them: they are the organizations' records (the person stays an id).
 */
export const reportingPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      submitted: await ownRows(tx, kpiReports, "submittedBy", userId, [
        "id",
        "campaignId",
        "organizationId",
        "state",
        "submittedAt",
      ]),
      decided: await ownRows(tx, kpiReports, "decidedBy", userId, [
        "id",
        "state",
        "returnReason",
        "decidedAt",
      ]),
      campaigns: await ownRows(tx, kpiCampaigns, "openedBy", userId, ["id", "year", "titleRu", "createdAt"]),
    };
  },
  async erase() {},
};
