import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONSORTIUM_MAX,
  countedShares,
  formatShare,
  type MemberState,
  parseShare,
  SHARE_WHOLE,
  type ShareMember,
  shareIssues,
} from "./projects.js";

/** Splits the whole into n positive integer shares (n ≤ SHARE_WHOLE). */
const split = (n: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: SHARE_WHOLE - 1 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), SHARE_WHOLE];
      return points.slice(1).map((p, i) => p - points[i]!);
    });

const consortium = fc
  .integer({ min: 1, max: CONSORTIUM_MAX })
  .chain((n) =>
    fc.tuple(
      split(n),
      fc.array(fc.constantFrom<MemberState>("invited", "accepted"), { minLength: n - 1, maxLength: n - 1 }),
    ),
  )
  .map(([shares, states]): ShareMember[] =>
    shares.map((share, i) => ({
      organizationId: `org-${i}`,
      share,
      state: i === 0 ? "lead" : states[i - 1]!,
    })),
  );

describe("the share rule", () => {
  it("accepts every split of the whole among 1–5 organizations, and the public shares still sum to 100%", () => {
    fc.assert(
      fc.property(consortium, (members) => {
        expect(shareIssues(members)).toEqual([]);
        const counted = countedShares(members);
        expect(counted.reduce((s, m) => s + m.share, 0)).toBe(SHARE_WHOLE);
        expect(counted.every((m) => m.state === "lead" || m.state === "accepted")).toBe(true);
      }),
    );
  });

  it("refuses any sum but the whole, and a declined partner does not count", () => {
    fc.assert(
      fc.property(
        consortium,
        fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
        (members, delta) => {
          const lead = members[0]!;
          if (lead.share + delta < 1 || lead.share + delta > SHARE_WHOLE) return;
          const off = [{ ...lead, share: lead.share + delta }, ...members.slice(1)];
          expect(shareIssues(off).map((i) => i.key)).toEqual(["field.project.shares-sum"]);
          const declined = [...members, { organizationId: "gone", share: 4000, state: "declined" as const }];
          expect(shareIssues(declined)).toEqual([]);
        },
      ),
    );
  });

  it("refuses a zero share, an organization twice and a sixth organization", () => {
    const m = (id: string, share: number, state: MemberState = "invited") => ({
      organizationId: id,
      share,
      state,
    });
    expect(shareIssues([m("a", 10_000, "lead"), m("b", 0)]).map((i) => i.path)).toEqual(["members.1.share"]);
    expect(shareIssues([m("a", 5000, "lead"), m("a", 5000)]).map((i) => i.path)).toEqual([
      "members.1.organizationId",
    ]);
    const six = [m("a", 5000, "lead"), ...[1, 2, 3, 4, 5].map((i) => m(`p${i}`, 1000))];
    expect(shareIssues(six).map((i) => i.key)).toEqual(["field.project.members-max"]);
  });

  it("reads and writes percents with two decimals", () => {
    expect(parseShare("33,34")).toBe(3334);
    expect(parseShare("25")).toBe(2500);
    expect(parseShare("0.5")).toBe(50);
    expect(parseShare("1.234")).toBeNull();
    expect(parseShare("abc")).toBeNull();
    expect(formatShare(3334, "ru")).toBe("33,34");
    expect(formatShare(2500, "en")).toBe("25");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SHARE_WHOLE }), (s) => {
        expect(parseShare(formatShare(s, "en"))).toBe(s);
      }),
    );
  });
});
