// The numbers module's response: the cluster in numbers, totals and monthly series (src/shared/numbers.ts).
import { z } from "zod";
import { type NUMBER_SERIES, SERIES_KEYS, SERIES_UNITS } from "../../../shared/numbers.js";
import { INVESTMENT_TYPES } from "../../../shared/projects.js";
import { RegionCode } from "../organizations/organizations.contract.js";

const Count = z.number().int().min(0);
/** Whole rubles (a sum of confirmed entries: a safe integer, never a float). */
const Rubles = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const NumberSeries = z
  .object({
    key: z.enum(SERIES_KEYS as [keyof typeof NUMBER_SERIES, ...(keyof typeof NUMBER_SERIES)[]]),
    unit: z.enum(SERIES_UNITS),
    /** One value per month of `months`. */
    values: z.array(z.number().int()),
  })
  .meta({ id: "NumberSeries" });

export const ClusterNumbers = z
  .object({
    /** When the figures were computed (they follow every committed write; see ARCHITECTURE.md › numbers). */
    computedAt: z.string(),
    /** The series' months (YYYY-MM, the cluster's time zone), oldest first; the last is the current one. */
    months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
    organizations: z.object({
      total: Count,
      /** By active status: a suspended status counts as none. */
      byStatus: z.object({ participant: Count, partner: Count, none: Count }),
      /** The regions with the most organizations, most first; `name` in the request's language. */
      regions: z.array(z.object({ region: RegionCode, name: z.string(), count: Count })),
      /** The other regions and organizations without a Russian region (foreign ones). */
      otherRegions: Count,
    }),
    projects: z.object({ total: Count, joint: Count }),
    /** Confirmed investment attracted: the sum, the entries, and by investment type (each type listed). */
    investment: z.object({
      total: Rubles,
      entries: Count,
      byType: z.array(z.object({ type: z.enum(INVESTMENT_TYPES), amount: Rubles, entries: Count })),
    }),
    /** Confirmed city support received by the projects. */
    support: z.object({ total: Rubles, entries: Count }),
    /**
     * Cost-compensation grants: approved by the commission (the decided amounts of the applications
     * approved and after, refused ones never) and paid. A paid grant is also in `support` (it is recorded
     * as city support on the applicant's project), so the two are never added up.
     */
    grants: z.object({ approved: Rubles, approvedCount: Count, paid: Rubles, paidCount: Count }),
    pilots: z.object({ completed: Count, running: Count }),
    challenges: z.object({
      /** Challenges that were published (accepting, evaluation, results, closed), of every visibility. */
      published: Count,
      /** Of those, with their results published. */
      withResults: Count,
      /** What the winners were awarded (contracts, prizes, grants) after the results, rubles. */
      awarded: Rubles,
      awards: Count,
    }),
    series: z.array(NumberSeries),
  })
  .meta({ id: "ClusterNumbers" });
export type ClusterNumbers = z.infer<typeof ClusterNumbers>;
