import { eq } from "drizzle-orm";
import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { challengeNdaAcceptances, challengeQuestions } from "./challenges.qa.schema.js";
import { challengeExperts, challengeScores, challengeSubmissions, challenges } from "./challenges.schema.js";
import { teamInvitations, teamMembers } from "./challenges.teams.schema.js";

/**
 * The challenges and submissions the user wrote, the challenges they were assigned to as an expert (with
 * their declaration of no conflict of interest) and the scores they gave. Erasure keeps all of them: the
 * challenges and submissions are their organizations', a score is part of a published decision (the
 * person stays an id, whose account is anonymized; submitters never see who scored). The questions the
 * user asked and the NDAs they accepted are exported; erasure unlinks the questions from the person (they
 * stay under the organization chosen, or «Участник»); an NDA acceptance is kept (a legal record). The teams they are in
 * and the team invitations they sent (e-mails of others: the invitee's address is theirs to know) are
 * exported; erasure keeps the membership of the anonymized account.
 */
export const challengesPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      challenges: await ownRows(tx, challenges, "authorId", userId, [
        "id",
        "organizationId",
        "state",
        "titleRu",
        "createdAt",
      ]),
      submissions: await ownRows(tx, challengeSubmissions, "authorId", userId, [
        "id",
        "challengeId",
        "organizationId",
        "state",
        "createdAt",
      ]),
      expertAssignments: await ownRows(tx, challengeExperts, "userId", userId, [
        "challengeId",
        "noConflictAt",
        "createdAt",
      ]),
      scores: await ownRows(tx, challengeScores, "expertId", userId, [
        "submissionId",
        "stage",
        "scores",
        "comments",
        "comment",
        "createdAt",
        "updatedAt",
      ]),
      questions: await ownRows(tx, challengeQuestions, "askerId", userId, [
        "challengeId",
        "organizationId",
        "question",
        "answer",
        "createdAt",
      ]),
      ndaAcceptances: await ownRows(tx, challengeNdaAcceptances, "userId", userId, [
        "challengeId",
        "textSha256",
        "acceptedAt",
      ]),
      teams: await ownRows(tx, teamMembers, "userId", userId, ["teamId", "createdAt"]),
      teamInvitations: await ownRows(tx, teamInvitations, "invitedBy", userId, [
        "teamId",
        "email",
        "createdAt",
        "acceptedAt",
        "declinedAt",
      ]),
    };
  },
  async erase(tx, userId) {
    await tx.update(challengeQuestions).set({ askerId: null }).where(eq(challengeQuestions.askerId, userId));
  },
};
