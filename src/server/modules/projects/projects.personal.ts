import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { projectEntries, projects } from "./projects.schema.js";

/**
 * The projects the user created and the money entries they declared or decided (as the operator).
 * Erasure keeps them: they are their organizations' records (the person stays an id, whose account is
 * anonymized). Entry documents are the organization's papers, not the person's data.
 */
export const projectsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      projects: await ownRows(tx, projects, "authorId", userId, [
        "id",
        "leadOrganizationId",
        "titleRu",
        "createdAt",
      ]),
      declared: await ownRows(tx, projectEntries, "authorId", userId, [
        "id",
        "projectId",
        "kind",
        "amount",
        "receivedOn",
        "createdAt",
      ]),
      decided: await ownRows(tx, projectEntries, "decidedBy", userId, [
        "id",
        "state",
        "rejectReason",
        "decidedAt",
      ]),
    };
  },
  async erase() {},
};
