import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AmountItem,
  type Applicant,
  GRANT_CATEGORIES,
  GRANT_MONEY_MAX,
  GRANT_MOVES,
  GRANT_SHARE_WHOLE,
  GRANT_STATES,
  type GrantEligibility,
  grantAmount,
  grantEligibility,
  grantMove,
  grantReportDue,
  grantReportReminder,
  missingDocuments,
  monthsBetween,
  type ProgramCategory,
  shareOf,
} from "./grants.js";

const money = fc.integer({ min: 0, max: GRANT_MONEY_MAX });
const share = fc.integer({ min: 1, max: GRANT_SHARE_WHOLE });
const category = fc.constantFrom(...GRANT_CATEGORIES);
const item = fc.record({
  category,
  amountNoVat: fc.integer({ min: 0, max: 1_000_000_000_00 }),
  accepted: fc.option(fc.integer({ min: 0, max: 1_000_000_000_00 }), { nil: null }),
}) as fc.Arbitrary<AmountItem>;
const program = fc.record({
  categories: fc.uniqueArray(
    fc.record({ category, share, cap: fc.option(money, { nil: null }) }) as fc.Arbitrary<ProgramCategory>,
    { selector: (c) => c.category, minLength: 1, maxLength: 5 },
  ),
  maxPerApplicant: money,
});

describe("the amount rule", () => {
  it("a share of an amount is exact integer arithmetic, rounded down to the kopeck", () => {
    fc.assert(
      fc.property(money, share, (a, s) => {
        const v = shareOf(a, s);
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(BigInt(v)).toBe((BigInt(a) * BigInt(s)) / BigInt(GRANT_SHARE_WHOLE));
      }),
    );
    expect(shareOf(333, 5000)).toBe(166); // 1.665 ₽ × 50% → 1.66 ₽, never 1.67
  });

  it("never exceeds the share of the amounts, a category's cap or the maximum per applicant", () => {
    fc.assert(
      fc.property(program, fc.array(item, { maxLength: 30 }), (p, items) => {
        const r = grantAmount(p, items);
        expect(r.total).toBeLessThanOrEqual(p.maxPerApplicant);
        expect(r.total).toBeLessThanOrEqual(r.uncapped);
        expect(Number.isSafeInteger(r.total)).toBe(true);
        const shares = new Map(p.categories.map((c) => [c.category, c]));
        items.forEach((it, i) => {
          const c = shares.get(it.category);
          const base = it.accepted == null ? it.amountNoVat : Math.min(it.accepted, it.amountNoVat);
          expect(r.items[i]).toBe(c ? shareOf(base, c.share) : 0);
        });
        for (const c of p.categories)
          if (c.cap != null) expect(r.categories[c.category] ?? 0).toBeLessThanOrEqual(c.cap);
        expect(Object.values(r.categories).reduce((s, v) => s + (v ?? 0), 0)).toBe(r.uncapped);
      }),
    );
  });

  it("accepting less never raises the amount (partial acceptance)", () => {
    fc.assert(
      fc.property(program, fc.array(item, { minLength: 1, maxLength: 10 }), fc.nat(), (p, items, k) => {
        const before = grantAmount(p, items).total;
        const i = k % items.length;
        const cut = items.map((it, j) => (j === i ? { ...it, accepted: 0 } : it));
        expect(grantAmount(p, cut).total).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("a worked example: 50% of equipment and software, the software capped, the total capped", () => {
    const p = {
      categories: [
        { category: "equipment", share: 5000, cap: null },
        { category: "software", share: 3000, cap: 1_000_000_00 },
      ] satisfies ProgramCategory[],
      maxPerApplicant: 5_000_000_00,
    };
    const r = grantAmount(p, [
      { category: "equipment", amountNoVat: 4_200_000_00 },
      { category: "software", amountNoVat: 5_000_000_00 },
      { category: "real_estate", amountNoVat: 9_000_000_00 },
    ]);
    expect(r.items).toEqual([2_100_000_00, 1_500_000_00, 0]);
    expect(r.categories).toEqual({ equipment: 2_100_000_00, software: 1_000_000_00 });
    expect(r.total).toBe(3_100_000_00);
    expect(
      grantAmount({ ...p, maxPerApplicant: 3_000_000_00 }, [
        { category: "equipment", amountNoVat: 4_200_000_00 },
        { category: "software", amountNoVat: 5_000_000_00 },
      ]).total,
    ).toBe(3_000_000_00);
  });
});

describe("the move table", () => {
  it("every legal and illegal move", () => {
    const legal: Record<string, string> = {
      "draft:submit": "submitted",
      "returned:submit": "submitted",
      "submitted:return": "returned",
      "submitted:accept": "review",
      "review:review": "commission",
      "commission:approve": "approved",
      "commission:refuse": "refused",
      "approved:sign": "agreement",
      "agreement:pay": "paid",
      "paid:report": "reporting",
      "reporting:close": "closed",
      "reporting:require_refund": "refund_required",
    };
    for (const s of GRANT_STATES)
      for (const m of GRANT_MOVES) expect(grantMove(s, m), `${s}:${m}`).toBe(legal[`${s}:${m}`] ?? null);
  });
});

describe("eligibility and documents", () => {
  const rules: GrantEligibility = {
    participantsOnly: true,
    orgTypes: ["legal_entity", "individual_entrepreneur"],
    smeCategories: ["micro", "small", "medium"],
    noTaxDebt: true,
    minAgeMonths: 12,
  };
  const ok: Applicant = {
    status: "participant",
    statusSuspended: false,
    type: "legal_entity",
    smeCategory: "small",
    foundedOn: "2020-05-14",
    declarations: { no_tax_debt: true },
  };

  it("a participant SME of a year declaring no tax debt is eligible; each failing rule is a reason", () => {
    expect(grantEligibility(rules, ok, "2026-12-07")).toEqual({ eligible: true, reasons: [] });
    const bad = grantEligibility(
      rules,
      {
        ...ok,
        status: "registered",
        type: "university",
        smeCategory: "large",
        foundedOn: "2026-01-08",
        declarations: {},
      },
      "2026-12-07",
    );
    expect(bad.reasons).toEqual(["not-participant", "org-type", "sme-category", "tax-debt", "too-young"]);
    expect(grantEligibility(rules, { ...ok, statusSuspended: true }, "2026-12-07").reasons).toEqual([
      "not-participant",
    ]);
    expect(
      grantEligibility(rules, { ...ok, smeCategory: null, foundedOn: null }, "2026-12-07").reasons,
    ).toEqual(["sme-unknown", "founded-unknown"]);
    expect(monthsBetween("2025-12-07", "2026-12-07")).toBe(12);
    expect(monthsBetween("2025-12-08", "2026-12-07")).toBe(11);
  });

  it("each category requires its documents", () => {
    expect(missingDocuments("equipment", ["contract", "invoice"])).toEqual(["payment_order", "transfer_act"]);
    expect(missingDocuments("ip_rights", ["contract", "payment_order", "rospatent_registration"])).toEqual(
      [],
    );
  });
});

describe("the yearly reports' due day and reminders", () => {
  it("1 April of the year after the KPI year, never sooner than 30 days after the payment", () => {
    expect(grantReportDue(2027, "2026-12-04")).toBe("2028-04-01");
    expect(grantReportDue(2026, "2026-12-04")).toBe("2027-04-01");
    // a KPI year already over when the grant is paid: 30 days after the payment
    expect(grantReportDue(2025, "2026-03-20")).toBe("2026-04-19");
    expect(grantReportDue(2024, "2026-12-04")).toBe("2027-01-03");
  });

  it("reminds 30 and 7 days before the due day, not after it", () => {
    const due = "2027-04-01";
    expect(grantReportReminder("2027-03-01", due)).toBeNull();
    expect(grantReportReminder("2027-03-02", due)).toBe("d30");
    expect(grantReportReminder("2027-03-24", due)).toBe("d30");
    expect(grantReportReminder("2027-03-25", due)).toBe("d7");
    expect(grantReportReminder(due, due)).toBe("d7");
    expect(grantReportReminder("2027-04-02", due)).toBeNull();
  });
});
