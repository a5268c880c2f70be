import { describe, expect, it } from "vitest";
import { normalizeOrgTypes, submitterRefusal } from "./challengeEligibility.js";
import { ORG_TYPES } from "./organizations.js";

const profile = (o: Partial<Parameters<typeof submitterRefusal>[1]> = {}) => ({
  type: "legal_entity" as const,
  status: "participant" as const,
  statusSuspended: false,
  ...o,
});

describe("who may submit to a challenge", () => {
  it("no requirements: any organization", () => {
    const any = { orgTypes: [], participantsOnly: false };
    for (const type of ORG_TYPES)
      expect(submitterRefusal(any, profile({ type, status: "registered" }))).toBeNull();
  });

  it("the types admitted; the type is told before the status", () => {
    const req = { orgTypes: ["university", "research_institute"] as const, participantsOnly: true };
    expect(submitterRefusal(req, profile({ type: "university" }))).toBeNull();
    expect(submitterRefusal(req, profile({ type: "legal_entity" }))).toBe("org-type");
    expect(submitterRefusal(req, profile({ type: "corporation", status: "registered" }))).toBe("org-type");
  });

  it("participants only: the participant status held, not suspended (a partner is not a participant)", () => {
    const req = { orgTypes: [], participantsOnly: true };
    expect(submitterRefusal(req, profile())).toBeNull();
    expect(submitterRefusal(req, profile({ status: "registered" }))).toBe("participants-only");
    expect(submitterRefusal(req, profile({ status: "partner" }))).toBe("participants-only");
    expect(submitterRefusal(req, profile({ statusSuspended: true }))).toBe("participants-only");
  });

  it("types are stored once each in the vocabulary's order; all of them is the same as none", () => {
    expect(normalizeOrgTypes(["university", "legal_entity", "university"])).toEqual([
      "legal_entity",
      "university",
    ]);
    expect(normalizeOrgTypes([...ORG_TYPES].reverse())).toEqual([]);
  });
});
