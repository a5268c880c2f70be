// The reminders job: to every obliged organization that has not submitted (not started, draft or
// returned), 14 and 3 days before its campaign's due day and the day after it was missed
// (`reminderDue` in src/shared/kpiReports.ts), each once per report, reminder and due day: the rows of
// `kpi_reminders_sent` are inserted first and only the reports whose row this run inserted are told, so
// a second run (or a retry after a crash) tells nobody twice, and a moved due day reminds again.
import { and, eq, inArray } from "drizzle-orm";
import { clusterDate } from "../../../shared/clock.js";
import { KPI_EDITABLE_STATES, type KpiReminder, reminderDue } from "../../../shared/kpiReports.js";
import { now as clockNow } from "../../core/clock.js";
import type { Db } from "../../core/db.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { memberships } from "../organizations/organizations.schema.js";
import { KPI_NOTIFICATION_KINDS } from "./reporting.notifications.js";
import { kpiCampaigns, kpiRemindersSent, kpiReports } from "./reporting.schema.js";
import { dueText, reportLink } from "./reporting.service.js";

export async function sendKpiReminders(db: Db, publicUrl: string, at = clockNow()) {
  const today = clusterDate(at);
  const sent: Record<KpiReminder, number> = { d14: 0, d3: 0, overdue: 0 };
  const campaigns = await db.select().from(kpiCampaigns);
  for (const c of campaigns) {
    const dueOn = clusterDate(c.dueAt);
    const reminder = reminderDue(today, dueOn);
    if (!reminder) continue;
    await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: kpiReports.id, organizationId: kpiReports.organizationId })
        .from(kpiReports)
        .where(and(eq(kpiReports.campaignId, c.id), inArray(kpiReports.state, [...KPI_EDITABLE_STATES])));
      if (!due.length) return;
      const fresh = await tx
        .insert(kpiRemindersSent)
        .values(due.map((d) => ({ reportId: d.id, reminder, dueOn })))
        .onConflictDoNothing()
        .returning({ reportId: kpiRemindersSent.reportId });
      const told = new Set(fresh.map((f) => f.reportId));
      const reports = due.filter((d) => told.has(d.id));
      if (!reports.length) return;
      const managers = await tx
        .select({ userId: memberships.userId, organizationId: memberships.organizationId })
        .from(memberships)
        .where(
          and(
            inArray(
              memberships.organizationId,
              reports.map((r) => r.organizationId),
            ),
            inArray(memberships.role, ["owner", "admin"]),
          ),
        );
      const byOrg = new Map<string, string[]>();
      for (const m of managers)
        byOrg.set(m.organizationId, [...(byOrg.get(m.organizationId) ?? []), m.userId]);
      await notifyAll(
        tx,
        publicUrl,
        reports.map((r) => ({
          userIds: byOrg.get(r.organizationId) ?? [],
          kind: KPI_NOTIFICATION_KINDS.reminder,
          data: { campaign: c.titleRu, year: c.year, due: dueText(c.dueAt), reminder },
          link: reportLink(r.id),
        })),
      );
      sent[reminder] += reports.length;
    });
  }
  return sent;
}
