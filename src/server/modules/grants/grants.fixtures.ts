/** Test helpers of the grants' API tests: a program written straight to the database (its form is not the point). */
import type { Database } from "../../core/db.js";
import { grantPrograms } from "./grants.schema.js";

/** A 2026 program compensating half of equipment costs, for the cluster's participants. */
export async function insertProgram(db: Database, maxPerApplicant: number) {
  const [p] = await db.db
    .insert(grantPrograms)
    .values({
      titleRu: "Компенсация затрат на оборудование",
      descriptionRu: "Грант возмещает часть затрат на новое оборудование.",
      legalBasisRu: "Порядок предоставления грантов",
      legalBasisNumber: "1185-ПП",
      eligibility: {
        participantsOnly: true,
        orgTypes: [],
        smeCategories: [],
        noTaxDebt: true,
        minAgeMonths: null,
      },
      categories: [{ category: "equipment", share: 5000, cap: null }],
      maxPerApplicant,
      budget: 10 * maxPerApplicant,
      opensAt: new Date("2026-01-01"),
      closesAt: new Date("2026-12-31"),
      checkDays: 10,
    })
    .returning();
  return p!;
}
