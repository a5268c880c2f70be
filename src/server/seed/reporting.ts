import { and, asc, eq, inArray } from "drizzle-orm";
import { clusterInstant, clusterLocal } from "../../shared/clock.js";
import type { KpiReportState } from "../../shared/kpiReports.js";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { memberships, organizations } from "../modules/organizations/organizations.schema.js";
import { kpiCampaigns, kpiReports } from "../modules/reporting/reporting.schema.js";
import { defaultTitle } from "../modules/reporting/reporting.service.js";
import { DEMO_USER_MEMBER_OF, mulberry32, Random } from "./organizations.js";

/*
 * Demo KPI reports (src/shared/kpiReports.ts): the campaign for last year, opened 40 days ago and due in
 * 12 days at 18:00 Moscow time, with a report for every participant organization: about 60% submitted
 * (half of them already accepted), some drafts, two returned with the operator's reason, the rest not
 * started — the organization the demo user is a member of among the drafts, so their cabinet shows it. Figures follow the
 * organization's size (its profile's headcount and revenue, or a plausible small company). Written as
 * rows, dated from now; deterministic: its own generator.
 */

const DAY = 24 * 3600_000;

const RETURN_REASONS = [
  "Экспортная выручка указана равной нулю, а в заявке на статус участника компания сообщала о поставках за рубеж. Уточните экспортную выручку по данным бухгалтерской отчётности и отправьте отчёт повторно.",
  "Расходы на НИОКР, по-видимому, указаны в тысячах рублей, а все суммы вносятся в целых рублях. Исправьте показатель и отправьте отчёт повторно.",
];

export const reportingSeeder: Seeder = {
  name: "reporting",
  async run({ db }) {
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "operator@innocluster.demo"));
    const participants = await db
      .select({
        id: organizations.id,
        shortName: organizations.shortName,
        headcount: organizations.headcount,
        revenueMln: organizations.revenueMln,
        createdAt: organizations.createdAt,
      })
      .from(organizations)
      .where(eq(organizations.status, "participant"))
      .orderBy(asc(organizations.shortName));
    if (!operator || !participants.length) return;
    const owners = new Map(
      (
        await db
          .select({ organizationId: memberships.organizationId, userId: memberships.userId })
          .from(memberships)
          .where(
            and(
              inArray(
                memberships.organizationId,
                participants.map((p) => p.id),
              ),
              eq(memberships.role, "owner"),
            ),
          )
      ).map((m) => [m.organizationId, m.userId]),
    );

    const r = new Random(mulberry32(2025_14));
    const now = Date.now();
    const year = new Date(now).getUTCFullYear() - 1;
    const dueDay = clusterLocal(new Date(now + 12 * DAY)).slice(0, 10);
    const dueAt = clusterInstant(`${dueDay}T18:00`)!;
    const opened = new Date(now - 40 * DAY);
    const [campaign] = await db
      .insert(kpiCampaigns)
      .values({
        year,
        titleRu: defaultTitle(year),
        dueAt,
        openedBy: operator.id,
        createdAt: opened,
        updatedAt: opened,
      })
      .returning();

    let returned = 0;
    const rows = participants.map((p) => {
      const demo = p.shortName === DEMO_USER_MEMBER_OF;
      const roll = r.int(0, 99);
      let state: KpiReportState = demo
        ? "draft"
        : roll < 30
          ? "accepted"
          : roll < 60
            ? "submitted"
            : roll < 75
              ? "draft"
              : "not_started";
      if (!demo && state === "submitted" && returned < RETURN_REASONS.length) {
        state = "returned";
        returned++;
      }
      // Size: the profile's figures, or a small innovative company's.
      const headcount = Math.max(1, Math.round((p.headcount ?? r.int(8, 60)) * (0.9 + r.int(0, 20) / 100)));
      const revenueMln = p.revenueMln ?? headcount * (r.int(20, 90) / 10);
      const revenue = Math.round((revenueMln * (0.85 + r.int(0, 35) / 100) * 1_000_000) / 1000) * 1000;
      const rnd = Math.round((revenue * r.int(4, 30)) / 100 / 1000) * 1000;
      const exported = r.chance(0.35) ? Math.round((revenue * r.int(3, 40)) / 100 / 1000) * 1000 : 0;
      const patents = r.chance(0.55) ? r.int(1, Math.max(1, Math.round(headcount / 15))) : 0;
      const full = { revenue, headcount, rndSpending: rnd, exportRevenue: exported, patentsFiled: patents };
      const author = owners.get(p.id) ?? null;
      const submittedAt = new Date(now - r.int(2, 35) * DAY - r.int(0, 8) * 3600_000);
      const base = { campaignId: campaign!.id, organizationId: p.id, createdAt: opened };
      if (state === "not_started") return { ...base, state, updatedAt: opened };
      if (state === "draft")
        return {
          ...base,
          state,
          revenue,
          headcount,
          rndSpending: r.chance(0.5) ? rnd : null,
          exportRevenue: null,
          patentsFiled: r.chance(0.5) ? patents : null,
          editedBy: author,
          updatedAt: new Date(now - r.int(1, 20) * DAY),
          version: 2,
        };
      const decidedAt = new Date(Math.min(now - DAY, submittedAt.getTime() + r.int(1, 5) * DAY));
      return {
        ...base,
        state,
        ...full,
        editedBy: author,
        submittedBy: author,
        submittedAt,
        ...(state === "accepted" || state === "returned"
          ? {
              decidedBy: operator.id,
              decidedAt,
              returnReason: state === "returned" ? RETURN_REASONS[returned - 1]! : null,
            }
          : {}),
        updatedAt: state === "submitted" ? submittedAt : decidedAt,
        version: state === "submitted" ? 3 : 4,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.insert(kpiReports).values(rows.slice(i, i + 500));
  },
};
