import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { columnsOf } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { verificationRequests } from "./verification.schema.js";

/**
 * Verifications and claims the user filed, with the documents they uploaded. Erasure keeps them (they are
 * the organization's record of its verification); the submitter stays an id, whose account is anonymized.
 */
export const verificationPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const list = await tx
      .select(
        columnsOf(
          verificationRequests,
          "id",
          "kind",
          "state",
          "organizationId",
          "organizationName",
          "documentType",
          "fileName",
          "comment",
          "submittedAt",
          "decidedAt",
          "reason",
        ),
      )
      .from(verificationRequests)
      .where(eq(verificationRequests.submittedBy, userId));
    return { requests: list };
  },
  async files(tx, userId) {
    const list = await tx
      .select({ id: verificationRequests.id, fileName: verificationRequests.fileName })
      .from(verificationRequests)
      .where(eq(verificationRequests.submittedBy, userId));
    return list.map((r) => ({
      name: `${r.id}-${r.fileName}`,
      async open({ db }) {
        const [row] = await db
          .select({ bytes: verificationRequests.bytes })
          .from(verificationRequests)
          .where(eq(verificationRequests.id, r.id));
        return Readable.from(row ? [row.bytes] : []);
      },
    }));
  },
  async erase() {},
};
