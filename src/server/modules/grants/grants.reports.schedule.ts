import { grantReportDue } from "../../../shared/grants.js";
import type { Executor } from "../../core/db.js";
import { grantReports } from "./grants.schema.js";

type Paid = { id: string; kpis: { year: number }[] };

/** Schedules the yearly reports of an application paid on `paidOn` (called inside the payment's transaction). */
export async function scheduleReports(tx: Executor, a: Paid, paidOn: string) {
  const years = [...new Set(a.kpis.map((k) => k.year))];
  if (!years.length) return;
  await tx
    .insert(grantReports)
    .values(years.map((year) => ({ applicationId: a.id, year, dueOn: grantReportDue(year, paidOn) })))
    .onConflictDoNothing();
}
