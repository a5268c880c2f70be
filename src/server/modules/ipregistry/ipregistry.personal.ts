import { eq } from "drizzle-orm";
import type { PersonalDataPart } from "../../core/module.js";
import { ipDeposits } from "./ipregistry.schema.js";
import { forgetDepositor } from "./ipregistry.service.js";

/**
 * A person's deposits: exported; on erasure the deposits stay in the append-only log (the leaf's
 * authors are part of what the holder deposited and cannot change) and no longer name the depositor.
 */
export const ipregistryPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const deposits = await tx
      .select({
        leafIndex: ipDeposits.leafIndex,
        title: ipDeposits.title,
        holderName: ipDeposits.holderName,
        fileSha256: ipDeposits.fileSha256,
        timestamp: ipDeposits.timestamp,
      })
      .from(ipDeposits)
      .where(eq(ipDeposits.depositorId, userId));
    return { deposits };
  },
  erase: forgetDepositor,
};
