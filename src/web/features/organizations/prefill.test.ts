import { describe, expect, it } from "vitest";
import { clearPrefilled, prefillFromAnswers } from "./prefill";

describe("pre-filling a new organization from the measures questionnaire", () => {
  it("takes type, region, headcount, revenue and OKVED section; age is a hint; status is ignored", () => {
    const p = prefillFromAnswers({
      type: "legal_entity",
      region: "77",
      ageYears: 3,
      headcount: 12,
      revenueMln: 50.5,
      industry: "J",
      status: "participant",
    });
    expect(p).toEqual({
      values: {
        type: "legal_entity",
        regionCode: "77",
        headcount: 12,
        revenueMln: 50.5,
        okvedSections: ["J"],
      },
      ageYears: 3,
    });
  });

  it("gives nothing for no answers, or only the status", () => {
    expect(prefillFromAnswers(null)).toBeNull();
    expect(prefillFromAnswers({})).toBeNull();
    expect(prefillFromAnswers({ status: "participant", type: null, region: null })).toBeNull();
  });

  it("keeps only the age when it is the only answer, including zero years", () => {
    expect(prefillFromAnswers({ ageYears: 0 })).toEqual({ values: {}, ageYears: 0 });
  });

  it("skips answers that are not profile values: foreign region, unknown type or section, bad numbers", () => {
    const p = prefillFromAnswers({
      type: "spaceship",
      region: "foreign",
      headcount: 2.5,
      revenueMln: -1,
      industry: "Z",
      ageYears: 1.5,
    });
    expect(p).toBeNull();
    // a foreign organization has no Russian region
    expect(prefillFromAnswers({ type: "foreign", region: "77" })?.values).toEqual({ type: "foreign" });
    expect(prefillFromAnswers({ region: "00" })).toBeNull();
  });

  it("takes a city body only for those who may register one", () => {
    expect(prefillFromAnswers({ type: "city_body", region: "77" })?.values).toEqual({ regionCode: "77" });
    expect(prefillFromAnswers({ type: "city_body" }, { cityBody: true })?.values).toEqual({
      type: "city_body",
    });
  });

  it("clears only the fields that still hold the pre-filled values", () => {
    const p = prefillFromAnswers({ type: "legal_entity", region: "77", headcount: 12, industry: "J" })!;
    const current = {
      type: "legal_entity" as const,
      regionCode: "50", // changed by the user
      headcount: 12,
      revenueMln: 7, // typed by the user, never pre-filled
      okvedSections: ["J", "M"], // extended by the user
    };
    expect(clearPrefilled(current, p)).toEqual({ type: "", headcount: "" });
  });
});
