// Exchanges: listing kinds declared as data. A kind lists its fields once; from that declaration come
// the server's validation of a listing's values (`valuesSchema`), the web form (one input per field,
// `src/web/features/listings/ListingForm.tsx`), the public page's field list (`publicValues`), the
// text the catalog searches (`searchableText`) and the facets (`facetFields`). A new kind is one more
// entry of LISTING_KINDS plus its own rules (`check`), not a copy of a module.
//
// Field labels are web texts (src/locales/<lang>/listings.json, `kinds.<kind>.fields.<key>`); the
// vocabularies' labels are a part of the shared catalogue of their own (src/locales/<lang>/shared/
// exchanges.json, read through catalogue.ts), so that pages without listings do not carry them.

import { z } from "zod";
import enExchanges from "../locales/en/shared/exchanges.json" with { type: "json" };
import ruExchanges from "../locales/ru/shared/exchanges.json" with { type: "json" };
import { catalogue, lazyTexts, type Texts } from "./catalogue.js";
import { REGIONS } from "./regions.js";
import { SafeLongText, SafeText } from "./text.js";

// ---------- vocabularies ----------

export const MANUFACTURING_PROCESSES = [
  "cnc_milling",
  "cnc_turning",
  "sheet_metal",
  "laser_cutting",
  "waterjet_cutting",
  "injection_moulding",
  "print_fdm",
  "print_sla",
  "print_sls",
  "print_metal",
  "pcb_fabrication",
  "pcb_assembly_smt",
  "pcb_assembly_tht",
  "casting",
  "welding",
  "coatings",
  "textiles",
  "food",
  "pharmaceutical",
] as const;
export type ManufacturingProcess = (typeof MANUFACTURING_PROCESSES)[number];

export const MATERIALS = [
  "steel",
  "stainless_steel",
  "aluminium",
  "titanium",
  "copper_brass",
  "plastics",
  "engineering_plastics",
  "photopolymers",
  "composites",
  "rubber",
  "wood",
  "fabric",
  "fr4",
  "ceramics",
] as const;

export const CERTIFICATIONS = [
  "iso_9001",
  "iso_13485",
  "as_9100",
  "iatf_16949",
  "gost_r",
  "iso_14001",
] as const;

export const PREMISES_TYPES = ["office", "laboratory", "production", "warehouse", "coworking_desk"] as const;

/** Moscow's administrative okrugs. */
export const MOSCOW_OKRUGS = [
  "cao",
  "sao",
  "svao",
  "vao",
  "yuvao",
  "yuao",
  "yuzao",
  "zao",
  "szao",
  "zelao",
  "nao",
  "tao",
] as const;

export const AMENITIES = [
  "parking",
  "freight_lift",
  "crane",
  "power_380v",
  "ventilation",
  "clean_room",
  "meeting_rooms",
  "internet",
  "security_24h",
  "kitchen",
] as const;

export const PRICE_UNITS = ["per_m2_month", "per_desk_month"] as const;

/** The exchanges' vocabularies' labels (`src/locales/<lang>/shared/exchanges.json`). */
export const exchangesVocabulary = catalogue("exchanges", { ru: ruExchanges, en: enExchanges });
const { labelsOf } = exchangesVocabulary;

export const PROCESS_LABELS = labelsOf("process", MANUFACTURING_PROCESSES);
export const MATERIAL_LABELS = labelsOf("material", MATERIALS);
export const CERTIFICATION_LABELS = labelsOf("certification", CERTIFICATIONS);
export const PREMISES_TYPE_LABELS = labelsOf("premisesType", PREMISES_TYPES);
export const OKRUG_LABELS = labelsOf("okrug", MOSCOW_OKRUGS);
export const AMENITY_LABELS = labelsOf("amenity", AMENITIES);
export const PRICE_UNIT_LABELS = labelsOf("priceUnit", PRICE_UNITS);
/** Regions of Russia by code (src/shared/regions.ts), as a field's vocabulary. */
const REGION_CODES = REGIONS.map((r) => r.code);
const REGION_LABELS: Readonly<Record<string, Texts>> = Object.fromEntries(
  REGIONS.map((r) => [r.code, lazyTexts((l) => r[l])]),
);

// ---------- the declaration ----------

export type Visibility = "public" | "private";

interface FieldBase {
  key: string;
  required?: boolean;
  /** Private: only the author's organization and the operators see it (never in search or public pages). */
  visibility?: Visibility;
}
export type TextField = FieldBase & { type: "text"; max?: number };
export type LongTextField = FieldBase & { type: "longText"; max?: number };
export type NumberField = FieldBase & { type: "number"; min?: number; max?: number; integer?: boolean };
export type RangeField = FieldBase & { type: "range"; min?: number; max?: number; integer?: boolean };
export type EnumField = FieldBase & {
  type: "enum";
  values: readonly string[];
  labels: Readonly<Record<string, Texts>>;
  /** A facet of the catalog, with counts. */
  filterable?: boolean;
};
export type MultiEnumField = FieldBase & {
  type: "multiEnum";
  values: readonly string[];
  labels: Readonly<Record<string, Texts>>;
  filterable?: boolean;
};
export type DateField = FieldBase & { type: "date" };
export type BooleanField = FieldBase & { type: "boolean"; filterable?: boolean };

export type ListingField =
  | TextField
  | LongTextField
  | NumberField
  | RangeField
  | EnumField
  | MultiEnumField
  | DateField
  | BooleanField;
export type FieldType = ListingField["type"];
export const FIELD_TYPES = [
  "text",
  "longText",
  "number",
  "range",
  "enum",
  "multiEnum",
  "date",
  "boolean",
] as const satisfies readonly FieldType[];

/** A field's value as stored and sent (a range is from–to; `to` null: and more). */
export type FieldValue = string | number | boolean | string[] | { from: number; to: number | null };
export type ListingValues = Record<string, FieldValue>;

/** A problem a kind's own rule finds: the field and the key of its message (server field errors). */
export type KindIssue = { field: string; key: string };

export interface ListingKind {
  kind: string;
  fields: readonly ListingField[];
  /** The kind's own rules across fields (after every field passed its own schema). */
  check?: (values: ListingValues) => KindIssue[];
}

const CAPABILITY: ListingKind = {
  kind: "capability",
  fields: [
    {
      key: "processes",
      type: "multiEnum",
      values: MANUFACTURING_PROCESSES,
      labels: PROCESS_LABELS,
      required: true,
      filterable: true,
    },
    { key: "materials", type: "multiEnum", values: MATERIALS, labels: MATERIAL_LABELS, filterable: true },
    { key: "maxPartSize", type: "text", max: 120 },
    { key: "batch", type: "range", min: 1, max: 100_000_000, integer: true },
    {
      key: "certifications",
      type: "multiEnum",
      values: CERTIFICATIONS,
      labels: CERTIFICATION_LABELS,
      filterable: true,
    },
    { key: "leadTimeDays", type: "number", min: 1, max: 730, integer: true },
    { key: "equipment", type: "longText", max: 3000 },
    { key: "internalNote", type: "longText", max: 2000, visibility: "private" },
  ],
};

const PREMISES: ListingKind = {
  kind: "premises",
  fields: [
    {
      key: "premisesType",
      type: "enum",
      values: PREMISES_TYPES,
      labels: PREMISES_TYPE_LABELS,
      required: true,
      filterable: true,
    },
    { key: "area", type: "range", min: 1, max: 1_000_000, required: true },
    { key: "priceUnit", type: "enum", values: PRICE_UNITS, labels: PRICE_UNIT_LABELS, required: true },
    { key: "price", type: "number", min: 0, max: 100_000_000, integer: true, required: true },
    {
      key: "region",
      type: "enum",
      values: REGION_CODES,
      labels: REGION_LABELS,
      required: true,
      filterable: true,
    },
    { key: "okrug", type: "enum", values: MOSCOW_OKRUGS, labels: OKRUG_LABELS, filterable: true },
    { key: "address", type: "text", max: 300, required: true },
    { key: "floor", type: "text", max: 40 },
    { key: "amenities", type: "multiEnum", values: AMENITIES, labels: AMENITY_LABELS, filterable: true },
    { key: "availableFrom", type: "date" },
    { key: "cadastralNumber", type: "text", max: 40, visibility: "private" },
  ],
  // An okrug is Moscow's: required in Moscow (region 77), refused elsewhere.
  check: (v) =>
    v.region === "77" && !v.okrug
      ? [{ field: "okrug", key: "field.listing.okrug-required" }]
      : v.region !== "77" && v.okrug
        ? [{ field: "okrug", key: "field.listing.okrug-moscow-only" }]
        : [],
};

export const LISTING_KINDS = { capability: CAPABILITY, premises: PREMISES } as const;
export type ListingKindName = keyof typeof LISTING_KINDS;
export const LISTING_KIND_NAMES = Object.keys(LISTING_KINDS) as ListingKindName[];

export const LISTING_STATES = ["draft", "moderation", "published", "rejected", "closed"] as const;
export type ListingState = (typeof LISTING_STATES)[number];
/** The state of a published listing's pending change. */
export const PENDING_STATES = ["moderation", "rejected"] as const;
export const LISTING_DECISIONS = ["approve", "reject"] as const;
export const LISTING_SORTS = ["relevance", "newest"] as const;

export const isPublic = (f: ListingField) => (f.visibility ?? "public") === "public";

// ---------- what derives from it ----------

/** The zod schema of one field's value (required or not: see `valuesSchema`). */
export function fieldSchema(f: ListingField): z.ZodType<FieldValue> {
  const num = (x: { min?: number; max?: number; integer?: boolean }) => {
    let s = x.integer ? z.number().int() : z.number();
    if (x.min !== undefined) s = s.min(x.min);
    if (x.max !== undefined) s = s.max(x.max);
    return s;
  };
  switch (f.type) {
    case "text":
      return SafeText(1, f.max ?? 200);
    case "longText":
      return SafeLongText(f.max ?? 5000).pipe(z.string().min(1));
    case "number":
      return num(f);
    case "range":
      return z
        .object({ from: num(f), to: num(f).nullable().default(null) })
        .strict()
        .refine((r) => r.to === null || r.to >= r.from, { error: "field.listing.range", path: ["to"] });
    case "enum":
      return z.enum(f.values as [string, ...string[]]);
    case "multiEnum":
      return z
        .array(z.enum(f.values as [string, ...string[]]))
        .min(1)
        .max(f.values.length)
        .refine((a) => new Set(a).size === a.length, { error: "field.invalid" });
    case "date":
      return z.iso.date();
    case "boolean":
      return z.boolean();
  }
}

/**
 * The schema of a kind's values: each declared field (a required one must be there; an optional one
 * may be absent or null, which removes it), nothing else, then the kind's own rules.
 */
export function valuesSchema(kind: ListingKind) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of kind.fields) shape[f.key] = f.required ? fieldSchema(f) : fieldSchema(f).nullish();
  return z
    .object(shape)
    .strict()
    .transform((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)))
    .superRefine((v, ctx) => {
      for (const issue of kind.check?.(v as ListingValues) ?? [])
        ctx.addIssue({ code: "custom", path: [issue.field], message: issue.key });
    }) as unknown as z.ZodType<ListingValues>;
}

/** The values anyone may see: the public fields only. */
export function publicValues(kind: ListingKind, values: ListingValues): ListingValues {
  const out: ListingValues = {};
  for (const f of kind.fields) if (isPublic(f) && values[f.key] !== undefined) out[f.key] = values[f.key]!;
  return out;
}

/** The fields that are facets of the kind's catalog. */
export const facetFields = (kind: ListingKind) =>
  kind.fields.filter(
    (f): f is EnumField | MultiEnumField | BooleanField =>
      (f.type === "enum" || f.type === "multiEnum" || f.type === "boolean") &&
      f.filterable === true &&
      isPublic(f),
  );

/** A facet field's values of a listing, as the index keeps them ("true"/"false" for a boolean). */
export function facetValues(v: FieldValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === "boolean") return [String(v)];
  return typeof v === "string" ? [v] : [];
}

/** Every facet key of every kind (the catalog's query parameters). */
export const ALL_FACET_KEYS = [
  ...new Set(Object.values(LISTING_KINDS).flatMap((k) => facetFields(k).map((f) => f.key))),
];

/**
 * The text the catalog searches besides title and description: the public text fields and the
 * Russian labels of the public vocabulary values ("фрезерование" finds a listing that chose CNC milling).
 */
export function searchableText(kind: ListingKind, values: ListingValues): string {
  const parts: string[] = [];
  for (const f of kind.fields) {
    if (!isPublic(f)) continue;
    const v = values[f.key];
    if (v === undefined) continue;
    if (f.type === "text" || f.type === "longText") parts.push(String(v));
    else if (f.type === "enum") parts.push(f.labels[String(v)]?.ru ?? "");
    else if (f.type === "multiEnum") for (const x of v as string[]) parts.push(f.labels[x]?.ru ?? "");
  }
  return parts.filter(Boolean).join(" \n");
}
