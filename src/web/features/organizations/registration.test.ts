import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeInn } from "../../../shared/identifiers";
import { valuesOf } from "./orgFormValues";
import {
  firstStepWithError,
  forgetDraft,
  loadDraft,
  regionFromInn,
  saveDraft,
  stepOfField,
} from "./registration";

describe("the registration's steps", () => {
  it("send a server field error to the step that holds the field", () => {
    expect(stepOfField("inn")).toBe(0);
    expect(stepOfField("regionCode")).toBe(0);
    expect(stepOfField("shortName")).toBe(1);
    expect(stepOfField("okvedMain")).toBe(1);
    expect(stepOfField("declaredFlags.exporter")).toBe(2);
    expect(stepOfField("flags.exporter")).toBe(2);
    expect(stepOfField("contactEmail")).toBe(2);
    expect(stepOfField("somethingElse")).toBe(3);
    expect(firstStepWithError({ contactPhone: "bad", fullName: "required", inn: null })).toBe(1);
    expect(firstStepWithError({})).toBeNull();
  });

  it("read the region from a valid INN only", () => {
    const r = () => 0.42;
    expect(regionFromInn(makeInn("legal", r, { region: "50" }))).toBe("50");
    expect(regionFromInn(` ${makeInn("individual", r, { region: "16" })} `)).toBe("16");
    expect(regionFromInn("7707083890")).toBeNull(); // checksum
    expect(regionFromInn("77070")).toBeNull();
    expect(regionFromInn(makeInn("legal", r, { region: "99" }))).toBeNull(); // Baikonur is not a region
  });
});

describe("the draft", () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  });
  afterEach(() => {
    store.clear();
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it("is kept per user and comes back with its step", () => {
    const values = { ...valuesOf(null), type: "legal_entity" as const, inn: "7707083893", headcount: 12 };
    saveDraft("u1", values, 2);
    expect(loadDraft("u2")).toBeNull();
    const d = loadDraft("u1");
    expect(d?.step).toBe(2);
    expect(d?.values).toEqual(values);
    forgetDraft("u1");
    expect(loadDraft("u1")).toBeNull();
  });

  it("drops fields of the wrong type and unknown fields, and ignores an old or broken draft", () => {
    store.set(
      "innocluster.organizations.draft.u1",
      JSON.stringify({
        step: 9,
        savedAt: new Date().toISOString(),
        values: {
          inn: 42,
          shortName: "ООО «Ромашка»",
          tags: [1],
          evil: "x",
          declaredFlags: { exporter: "maybe" },
        },
      }),
    );
    const d = loadDraft("u1");
    expect(d?.step).toBe(3);
    expect(d?.values.inn).toBe("");
    expect(d?.values.shortName).toBe("ООО «Ромашка»");
    expect(d?.values.tags).toEqual([]);
    expect(d?.values.declaredFlags.exporter).toBe("unset");
    expect("evil" in (d?.values ?? {})).toBe(false);

    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    store.set("innocluster.organizations.draft.u1", JSON.stringify({ step: 1, savedAt: old, values: {} }));
    expect(loadDraft("u1")).toBeNull();
    store.set("innocluster.organizations.draft.u1", "{not json");
    expect(loadDraft("u1")).toBeNull();
  });
});
