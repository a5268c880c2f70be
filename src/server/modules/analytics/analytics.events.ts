// The events dashboard: per month of the events' start (Moscow time), the events held, registrations
// holding a place, attendees marked, the no-show rate and the waitlist; the period's events one by one.
// Region/type filter: the registrant's organization (a registration without one does not pass); the
// events themselves are all counted.
import { sql } from "drizzle-orm";
import { clusterDate } from "../../../shared/clock.js";
import { HOLDING_STATES } from "../../../shared/events.js";
import { now } from "../../core/clock.js";
import { rows } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { DashboardQuery } from "./analytics.contract.js";
import { inPeriod, monthOf, orgMatches, percent, perMonth } from "./analytics.dash1.common.js";

/** The most events the per-event table lists (the period's first by start). */
const MAX_EVENTS = 500;

type EventCounts = {
  id: string;
  month: string;
  title: string;
  kind: string;
  format: string;
  startsAt: Date | string;
  capacity: number | null;
  held: boolean;
  registered: number;
  attended: number;
  /** Holding registrations of an event whose attendance was marked (the no-show rate's whole). */
  marked: number;
  waitlisted: number;
};

export const eventsDashboard: DashboardQuery = async (ctx, f) => {
  const l = (key: string) => t(ctx.locale, `analyticsDash1.${key}`);
  const holding = sql.join(
    HOLDING_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const events = await rows<EventCounts>(
    ctx.db,
    sql`select e.id, ${monthOf(sql`e.starts_at`)} as month, e.title_ru as title, e.kind::text as kind,
          e.format::text as format, e.starts_at as "startsAt", e.capacity,
          e.starts_at <= ${now().toISOString()}::timestamptz as held,
          coalesce(r.registered, 0)::int as registered, coalesce(r.attended, 0)::int as attended,
          (case when coalesce(r.marks, 0) > 0 then coalesce(r.registered, 0) else 0 end)::int as marked,
          coalesce(r.waitlisted, 0)::int as waitlisted
        from events e
        left join (
          select g.event_id,
            count(*) filter (where g.state::text in (${holding})) as registered,
            count(*) filter (where g.state::text in (${holding}) and g.attended) as attended,
            count(*) filter (where g.state::text in (${holding}) and g.attended is not null) as marks,
            count(*) filter (where g.state = 'waitlisted') as waitlisted
          from event_registrations g
          where ${orgMatches(sql`g.organization_id`, f)}
          group by g.event_id
        ) r on r.event_id = e.id
        where e.state = 'published' and ${inPeriod(sql`e.starts_at`, f)}
        order by e.starts_at, e.title_ru`,
  );
  const monthly = perMonth(
    f,
    ["held", "registrations", "attended", "marked", "waitlisted"] as const,
    events.map((e) => ({
      month: e.month,
      held: e.held ? 1 : 0,
      registrations: e.registered,
      attended: e.attended,
      marked: e.marked,
      waitlisted: e.waitlisted,
    })),
  ).map(({ marked, ...m }) => ({
    ...m,
    noShow: percent(marked - m.attended, marked),
  }));
  const month = { key: "month", kind: "month", label: l("column.month") } as const;
  return [
    {
      key: "eventsMonthly",
      title: l("events.monthly.title"),
      description: l("events.monthly.description"),
      columns: [
        month,
        { key: "held", kind: "count", label: l("events.held") },
        { key: "registrations", kind: "count", label: l("events.registrations") },
        { key: "attended", kind: "count", label: l("events.attended") },
        { key: "noShow", kind: "percent", label: l("events.noShow") },
        { key: "waitlisted", kind: "count", label: l("events.waitlisted") },
      ],
      rows: monthly,
      chart: {
        kind: "area",
        x: "month",
        series: ["registrations", "attended", "waitlisted"],
        stacked: false,
      },
      filters: ["region", "orgType"],
    },
    {
      key: "eventsList",
      title: l("events.list.title"),
      description: l("events.list.description"),
      columns: [
        { key: "title", kind: "text", label: l("events.title") },
        { key: "kind", kind: "text", label: l("events.kind") },
        { key: "format", kind: "text", label: l("events.format") },
        { key: "date", kind: "day", label: l("events.date") },
        { key: "capacity", kind: "count", label: l("events.capacity") },
        { key: "registered", kind: "count", label: l("events.registrations") },
        { key: "attended", kind: "count", label: l("events.attended") },
      ],
      rows: events.slice(0, MAX_EVENTS).map((e) => ({
        title: e.title,
        kind: l(`eventKind.${e.kind}`),
        format: l(`eventFormat.${e.format}`),
        date: clusterDate(new Date(e.startsAt)),
        capacity: e.capacity,
        registered: e.registered,
        attended: e.attended,
      })),
      chart: null,
      filters: ["region", "orgType"],
    },
  ];
};
