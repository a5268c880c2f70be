// The validation, the public view, the search text and the facets all derive from a kind's declaration:
// for every kind and every field, values generated from the declaration pass, and each field alone
// decides its own errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applicableValues,
  clusterClock,
  EXCHANGES,
  facetFields,
  facetShown,
  fieldApplies,
  ipcClassesOf,
  isPublic,
  isRegistered,
  LISTING_KIND_NAMES,
  LISTING_KINDS,
  type ListingField,
  type ListingKind,
  type ListingValues,
  MOSCOW_DISTRICTS,
  MOSCOW_DISTRICTS_OF,
  MOSCOW_OKRUGS,
  ndaGated,
  publicValues,
  registrationNumberOf,
  searchableText,
  valuesSchema,
} from "./listings.js";

/** The cluster's clock the property tests run at (checks that compare with today read it). */
const AT = clusterClock(new Date());

/**
 * Values a kind's rule reads across fields, made to fit the others (a registration number of the
 * object's type): random text would almost never be one.
 */
const FITTED: Partial<Record<string, (v: ListingValues) => ListingValues>> = {
  // Moscow half the time (one region of 89 otherwise), so that its okrug and district apply.
  // A district of the chosen okrug (any other is refused: see "a district lies within its okrug").
  premises: (v) => {
    const out: ListingValues = Number(v.price) % 2 === 0 ? { ...v, region: "77" } : { ...v };
    const districts = MOSCOW_DISTRICTS_OF[out.okrug as keyof typeof MOSCOW_DISTRICTS_OF];
    if (districts && out.district !== undefined)
      out.district = districts[Number(v.price) % districts.length]!;
    else delete out.district;
    return out;
  },
  technology: (v) => {
    const out = { ...v };
    delete out.registrationNumber;
    delete out.ipcClasses;
    const example = { invention: "RU 2812345 C1", utility_model: "228765", industrial_design: "RU 141234 S" };
    const type = String(v.objectType);
    if (isRegistered(type))
      out.registrationNumber =
        example[type as keyof typeof example] ?? (type === "software" ? "2024612345" : "2024620123");
    if ("ipcClasses" in v) out.ipcClasses = "G06F 16/00, A61B 5/00";
    return out;
  },
};

/** A valid value of a field, from its declaration. */
function arb(f: ListingField): fc.Arbitrary<unknown> {
  const num = (x: { min?: number; max?: number; integer?: boolean }) =>
    x.integer
      ? fc.integer({ min: x.min ?? -1e6, max: x.max ?? 1e6 })
      : fc.double({ min: x.min ?? -1e6, max: x.max ?? 1e6, noNaN: true });
  switch (f.type) {
    case "text":
    case "longText":
      return fc.stringMatching(/^[А-Яа-я0-9][А-Яа-я0-9 ,.]{0,30}[А-Яа-я0-9]$/);
    case "number":
      return num(f);
    case "range":
      return fc.tuple(num(f), num(f)).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
    case "enum":
      return fc.constantFrom(...f.values);
    case "multiEnum":
      return fc.uniqueArray(fc.constantFrom(...f.values), { minLength: 1 });
    case "date":
      return fc
        .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "dateTime":
      return fc
        .date({ min: new Date("2030-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 16));
    case "boolean":
      return fc.boolean();
  }
}

/** A wrong value for a field (of another type). */
const wrong = (f: ListingField): unknown =>
  f.type === "number" || f.type === "range" ? "много" : f.type === "boolean" ? "да" : 42;

/** Valid values of a kind: every required field, some optional ones; then the kind's own rule holds. */
function valuesArb(kind: ListingKind): fc.Arbitrary<ListingValues> {
  const shape = Object.fromEntries(kind.fields.map((f) => [f.key, arb(f)]));
  const required = kind.fields.filter((f) => f.required).map((f) => f.key);
  return (
    fc
      .record(shape, { requiredKeys: required })
      .map((v) => FITTED[kind.kind]?.(v as ListingValues) ?? (v as ListingValues))
      // as stored: without the fields whose condition does not hold (the server drops them)
      .map((v) => applicableValues(kind.fields, v))
      .filter((v) => (kind.check?.(v, AT) ?? []).length === 0)
  );
}

const errorsOf = (kind: ListingKind, v: unknown) => {
  const r = valuesSchema(kind, AT).safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => String(i.path[0] ?? ""));
};

describe.each(Object.values(LISTING_KINDS))("kind $kind", (kind) => {
  it("accepts any values built from its declaration", () => {
    fc.assert(
      fc.property(valuesArb(kind), (v) => {
        expect(errorsOf(kind, v)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(kind.fields.map((f) => [f.key, f] as const))("field %s alone decides its errors", (key, f) => {
    fc.assert(
      fc.property(valuesArb(kind), (v) => {
        // (A field whose condition does not hold is dropped whatever its value.)
        const applies = fieldApplies(f, v);
        expect(errorsOf(kind, { ...v, [key]: wrong(f) })).toEqual(applies ? [key] : []);
        const without = { ...v };
        delete without[key];
        const missing = errorsOf(kind, without);
        // A required field is missed (while it applies); an optional one only where the kind's own rule asks for it.
        if (f.required && applies) expect(missing).toContain(key);
        else expect(missing).toEqual((kind.check?.(without, AT) ?? []).map((i) => i.field));
      }),
      { numRuns: 30 },
    );
  });

  it("refuses a field it does not declare", () => {
    fc.assert(
      fc.property(valuesArb(kind), (v) => {
        expect(errorsOf(kind, { ...v, notDeclared: "x" })).toEqual([""]);
      }),
      { numRuns: 20 },
    );
  });

  it("never shows a private field publicly nor puts it in the search text", () => {
    fc.assert(
      fc.property(valuesArb(kind), (generated) => {
        // A private text field holds a marker no public text contains (a random one could be a substring).
        const v: ListingValues = { ...generated };
        for (const f of kind.fields)
          if (!isPublic(f) && typeof v[f.key] === "string") v[f.key] = `§${f.key}§`;
        // (To a reader of an organization that accepted the NDA, if the listing asks for one.)
        const shown = publicValues(kind, v, true);
        for (const f of kind.fields) {
          if (isPublic(f)) expect(shown[f.key]).toEqual(v[f.key]);
          else {
            expect(shown).not.toHaveProperty(f.key);
            const value = v[f.key];
            if (typeof value === "string") expect(searchableText(kind, v)).not.toContain(value);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("behind an NDA, shows others neither the fields behind it nor puts them in the search text", () => {
    fc.assert(
      fc.property(valuesArb(kind), (generated) => {
        const v: ListingValues = { ...generated };
        for (const f of kind.fields) if (f.nda && typeof v[f.key] === "string") v[f.key] = `§${f.key}§`;
        const gated = ndaGated(kind, v);
        const shown = publicValues(kind, v);
        for (const f of kind.fields.filter((x) => x.nda && isPublic(x))) {
          if (gated) {
            expect(shown).not.toHaveProperty(f.key);
            const value = v[f.key];
            if (typeof value === "string") expect(searchableText(kind, v)).not.toContain(value);
          } else expect(shown[f.key]).toEqual(v[f.key]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("makes facets of its public filterable vocabulary fields only", () => {
    for (const f of facetFields(kind)) {
      expect(isPublic(f)).toBe(true);
      expect(["enum", "multiEnum", "boolean"]).toContain(f.type);
    }
    for (const f of kind.fields)
      if ("labels" in f)
        for (const value of f.values) expect(f.labels[value]?.ru, `${f.key}.${value}`).toBeTruthy();
  });
});

describe("a field's condition (when)", () => {
  const conditioned = Object.values(LISTING_KINDS).flatMap((k) =>
    k.fields.filter((f) => f.when).map((f) => [k.kind, f.key, k, f] as const),
  );

  it("is declared on Moscow's okrug and district of premises, on a field without a condition of its own", () => {
    expect(conditioned.map(([kind, key]) => `${kind}.${key}`)).toEqual([
      "premises.okrug",
      "premises.district",
    ]);
    for (const [, , kind, f] of conditioned) {
      const on = kind.fields.find((x) => x.key === f.when?.field);
      expect(on, f.key).toBeDefined();
      expect(on?.when).toBeUndefined();
    }
  });

  it.each(conditioned)(
    "%s.%s: dropped whatever it holds while the condition is false, kept while true",
    (_, key, kind, f) => {
      fc.assert(
        fc.property(valuesArb(kind), fc.anything(), (v, junk) => {
          const sent = { ...v, [key]: junk } as ListingValues;
          const r = valuesSchema(kind, AT).safeParse(sent);
          if (!fieldApplies(f, v)) {
            // the rest decides: the values as generated pass, without the field
            expect(r.success).toBe(true);
            expect(r.data).not.toHaveProperty(key);
            expect(publicValues(kind, sent, true)).not.toHaveProperty(key);
            if (typeof junk === "string" && junk.length > 3)
              expect(searchableText(kind, sent)).not.toContain(junk);
          } else if (v[key] !== undefined) {
            expect(valuesSchema(kind, AT).parse(v)[key]).toEqual(v[key]);
            expect(publicValues(kind, v, true)[key]).toEqual(v[key]);
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  it("a district lies within its okrug: accepted there, refused under any other okrug", () => {
    // Moscow's 125 districts and 21 settlements of the new territories, each in exactly one okrug.
    expect(MOSCOW_DISTRICTS).toHaveLength(146);
    expect(new Set(MOSCOW_DISTRICTS).size).toBe(146);
    expect(Object.keys(MOSCOW_DISTRICTS_OF)).toEqual([...MOSCOW_OKRUGS]);
    const premises = LISTING_KINDS.premises;
    const base = {
      premisesType: "office",
      area: { from: 40, to: 120 },
      priceUnit: "per_m2_month",
      price: 1800,
      region: "77",
      address: "Москва, ул. Исаковского, д. 6",
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...MOSCOW_OKRUGS),
        fc.constantFrom(...MOSCOW_DISTRICTS),
        (okrug, district) => {
          const r = valuesSchema(premises, AT).safeParse({ ...base, okrug, district });
          const within = (MOSCOW_DISTRICTS_OF[okrug] as readonly string[]).includes(district);
          expect(r.success).toBe(within);
          if (!within)
            expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
              ["district", "field.listing.not-within"],
            ]);
        },
      ),
      { numRuns: 300 },
    );
    // outside Moscow the district is dropped, whatever it names
    const r = valuesSchema(premises, AT).parse({ ...base, region: "50", okrug: "cao", district: "strogino" });
    expect(r).not.toHaveProperty("district");
  });

  it("shows a conditioned facet only under a filter that meets the condition, or while it has a choice", () => {
    const okrug = LISTING_KINDS.premises.fields.find((f) => f.key === "okrug")!;
    expect(facetShown(okrug, {})).toBe(false);
    expect(facetShown(okrug, { region: ["50"] })).toBe(false);
    expect(facetShown(okrug, { region: ["77", "50"] })).toBe(false);
    expect(facetShown(okrug, { region: ["77"] })).toBe(true);
    expect(facetShown(okrug, { okrug: ["cao"] })).toBe(true);
    expect(facetShown(LISTING_KINDS.premises.fields[0]!, {})).toBe(true);
  });
});

describe("the exchanges", () => {
  it("put every kind in exactly one exchange", () => {
    expect(EXCHANGES.flatMap((e) => e.kinds).sort()).toEqual([...LISTING_KIND_NAMES].sort());
  });
});

describe("a registration number", () => {
  const ok = (type: string, raw: string) => registrationNumberOf(type, raw, 2026);

  it.each([
    ["invention", "2812345", "RU 2812345"],
    ["invention", "RU 2 812 345 C1", "RU 2812345 C1"],
    ["invention", "ru2812345c2", "RU 2812345 C2"],
    ["invention", "№ 2812345", "RU 2812345"],
    ["utility_model", "228 765", "RU 228765"],
    ["utility_model", "RU 228765 U1", "RU 228765 U1"],
    ["industrial_design", "RU 141234 S", "RU 141234 S"],
    ["software", "2024612345", "2024612345"],
    ["software", "2024 61 2345", "2024612345"],
    ["software", "1995610001", "1995610001"],
    // further series once 61 ran out in a year
    ["software", "2020660538", "2020660538"],
    ["software", "RU 2023681234", "2023681234"],
    ["software", "2022691002", "2022691002"],
    ["database", "2024620123", "2024620123"],
  ])("of a %s: %s is %s", (type, raw, canonical) => {
    expect(ok(type, raw)).toBe(canonical);
  });

  it.each([
    ["invention", "281234", "six digits"],
    ["invention", "28123456", "eight digits"],
    ["invention", "RU 2812345 U1", "a utility model's kind code"],
    ["invention", "US 2812345", "another country"],
    ["invention", "2812345-C1", "a dash"],
    ["utility_model", "2287650", "seven digits"],
    ["industrial_design", "14123", "five digits"],
    ["software", "2024622345", "a database's code"],
    ["software", "202461234", "nine digits"],
    ["software", "1989612345", "a year before 1990"],
    ["software", "2027612345", "a year to come"],
    ["database", "2024612345", "a program's code"],
    ["database", "2023681234", "a program's further series"],
    ["software", "2024632345", "no such series"],
    ["know_how", "2812345", "know-how is never registered"],
  ])("of a %s: %s is refused (%s)", (type, raw) => {
    expect(ok(type, raw)).toBeNull();
  });
});

describe("IPC symbols", () => {
  it("are read in their canonical form, subclasses and groups", () => {
    expect(ipcClassesOf("G06F 16/00")).toBe("G06F 16/00");
    expect(ipcClassesOf("g06f16/00, A61B 5/055;H01M")).toBe("G06F 16/00, A61B 5/055, H01M");
  });

  it.each(["G06F 16", "I01B 5/00", "G6F 16/00", "G06F 16/0", "G06F 16/00,", "ГОСТ 123", ""])(
    "refuse %j",
    (raw) => {
      expect(ipcClassesOf(raw)).toBeNull();
    },
  );
});
