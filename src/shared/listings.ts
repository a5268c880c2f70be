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
import { type Clock, clusterClock } from "./clock.js";

export { type Clock, clusterClock };

import { MOSCOW_DISTRICTS, MOSCOW_DISTRICTS_OF, MOSCOW_OKRUGS } from "./moscow.js";
import { MOSCOW, REGIONS } from "./regions.js";
import { TAG_LABELS, TAG_SLUGS } from "./tags.js";
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

export { MOSCOW_DISTRICTS, MOSCOW_DISTRICTS_OF, MOSCOW_OKRUGS } from "./moscow.js";

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

/** Objects of intellectual property offered on the technology exchange. */
export const IP_OBJECT_TYPES = [
  "invention",
  "utility_model",
  "industrial_design",
  "software",
  "database",
  "know_how",
] as const;
export type IpObjectType = (typeof IP_OBJECT_TYPES)[number];

/** Sections of the International Patent Classification (МПК / IPC). */
export const IPC_SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;

/** Technology readiness levels (УГТ, ГОСТ Р 58048-2017), 1 to 9. */
export const TRL_LEVELS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

export const DEAL_TYPES = [
  "sale",
  "exclusive_licence",
  "non_exclusive_licence",
  "joint_development",
] as const;

/** The exchanges' vocabularies' labels (`src/locales/<lang>/shared/exchanges.json`). */
export const exchangesVocabulary = catalogue("exchanges", { ru: ruExchanges, en: enExchanges });
const { labelsOf } = exchangesVocabulary;

export const PROCESS_LABELS = labelsOf("process", MANUFACTURING_PROCESSES);
export const MATERIAL_LABELS = labelsOf("material", MATERIALS);
export const CERTIFICATION_LABELS = labelsOf("certification", CERTIFICATIONS);
export const PREMISES_TYPE_LABELS = labelsOf("premisesType", PREMISES_TYPES);
export const OKRUG_LABELS = labelsOf("okrug", MOSCOW_OKRUGS);
export const DISTRICT_LABELS = labelsOf("district", MOSCOW_DISTRICTS);
export const AMENITY_LABELS = labelsOf("amenity", AMENITIES);
export const PRICE_UNIT_LABELS = labelsOf("priceUnit", PRICE_UNITS);
export const IP_OBJECT_TYPE_LABELS = labelsOf("ipObjectType", IP_OBJECT_TYPES);
export const IPC_SECTION_LABELS = labelsOf("ipcSection", IPC_SECTIONS);
export const TRL_LABELS = labelsOf("trl", TRL_LEVELS);
export const DEAL_TYPE_LABELS = labelsOf("dealType", DEAL_TYPES);
/** Regions of Russia by code (src/shared/regions.ts), as a field's vocabulary. */
const REGION_CODES = REGIONS.map((r) => r.code);
const REGION_LABELS: Readonly<Record<string, Texts>> = Object.fromEntries(
  REGIONS.map((r) => [r.code, lazyTexts((l) => r[l])]),
);
/** The platform's technology tags (src/shared/tags.ts, as organizations and measures have them). */
const TAGS_FIELD = {
  key: "tags",
  type: "multiEnum",
  values: TAG_SLUGS,
  labels: TAG_LABELS,
  filterable: true,
} as const satisfies MultiEnumField;

// ---------- the declaration ----------

export type Visibility = "public" | "private";

/**
 * A field's condition on another field of the same declaration: the field applies only while that
 * field's value is one of `in` (Moscow's okrug and district while the region is Moscow). The other
 * field has no condition of its own.
 */
export interface FieldCondition {
  field: string;
  in: readonly (string | boolean)[];
}

interface FieldBase {
  key: string;
  /** Required (with a condition: required while it applies). */
  required?: boolean;
  /**
   * Applies only while the condition holds: otherwise the form hides it, the server drops a value
   * sent for it (a form may keep a stale one) and never requires it, the public page and the search
   * text leave it out, and the catalog shows its facet only under a filter that meets the condition.
   */
  when?: FieldCondition;
  /** Private: only the author's organization and the operators see it (never in search or public pages). */
  visibility?: Visibility;
  /**
   * Behind the NDA: when the listing asks for one (its kind's `ndaField`), only organizations that
   * accepted it see the field (with the description and the files); never in search or on cards.
   */
  nda?: boolean;
}
export type TextField = FieldBase & { type: "text"; max?: number };
export type LongTextField = FieldBase & { type: "longText"; max?: number };
export type NumberField = FieldBase & { type: "number"; min?: number; max?: number; integer?: boolean };
export type RangeField = FieldBase & { type: "range"; min?: number; max?: number; integer?: boolean };
export type EnumField = FieldBase & {
  type: "enum";
  values: readonly string[];
  labels: Readonly<Record<string, Texts>>;
  /**
   * The value lies within another field's value (a district within its okrug): only `of[that value]`
   * are offered by the form and accepted by the server.
   */
  within?: { field: string; of: Readonly<Record<string, readonly string[]>> };
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
/** A date and time in the cluster's time zone, as "YYYY-MM-DDTHH:MM" (Moscow wall time, no offset). */
export type DateTimeField = FieldBase & { type: "dateTime" };
export type BooleanField = FieldBase & { type: "boolean"; filterable?: boolean };

export type ListingField =
  | TextField
  | LongTextField
  | NumberField
  | RangeField
  | EnumField
  | MultiEnumField
  | DateField
  | DateTimeField
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
  "dateTime",
  "boolean",
] as const satisfies readonly FieldType[];

/** A field's value as stored and sent (a range is from–to; `to` null: and more). */
export type FieldValue = string | number | boolean | string[] | { from: number; to: number | null };
export type ListingValues = Record<string, FieldValue>;

/** A problem a kind's own rule finds: the field and the key of its message (server field errors). */
export type KindIssue = { field: string; key: string };

/** Formats a listing's files may have, each detected from the file's bytes (server: listings.files.ts). */
export const LISTING_FILE_FORMATS = {
  pdf: { mime: "application/pdf", extensions: [".pdf"] },
  png: { mime: "image/png", extensions: [".png"] },
  jpeg: { mime: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  webp: { mime: "image/webp", extensions: [".webp"] },
  step: { mime: "model/step", extensions: [".step", ".stp"] },
  dwg: { mime: "image/vnd.dwg", extensions: [".dwg"] },
  dxf: { mime: "image/vnd.dxf", extensions: [".dxf"] },
} as const;
export type ListingFileFormat = keyof typeof LISTING_FILE_FORMATS;

/** The formats a listing's page shows as pictures (a DWG or DXF drawing is an "image/" type too, but a file). */
const PICTURE_TYPES: readonly string[] = (["png", "jpeg", "webp"] as const).map(
  (f) => LISTING_FILE_FORMATS[f].mime,
);
export const isPicture = (contentType: string) => PICTURE_TYPES.includes(contentType);

/** The files a kind's listings take: drawings of an order, photos of premises. */
export interface ListingFiles {
  /** What they are (web texts `listings.files.<purpose>.*`). */
  purpose: "drawings" | "photos";
  /** At most this many per listing. */
  max: number;
  maxBytes: number;
  formats: readonly ListingFileFormat[];
}

export interface ListingKind {
  kind: string;
  fields: readonly ListingField[];
  /** The files its listings take (none when absent). */
  files?: ListingFiles;
  /**
   * A yes/no field that puts the listing's details behind an NDA: the descriptions, the files and the
   * fields marked `nda` are shown only to organizations that accepted the platform's NDA text.
   */
  ndaField?: string;
  /** The kind's own rules across fields (after every field passed its own schema), at the cluster's clock. */
  check?: (values: ListingValues, at: Clock) => KindIssue[];
  /** The values in their canonical form (after the rules passed): numbers and codes written one way. */
  normalize?: (values: ListingValues) => ListingValues;
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
    TAGS_FIELD,
    { key: "leadTimeDays", type: "number", min: 1, max: 730, integer: true },
    { key: "equipment", type: "longText", max: 3000 },
    { key: "internalNote", type: "longText", max: 2000, visibility: "private" },
  ],
  files: { purpose: "photos", max: 10, maxBytes: 10 * 1024 * 1024, formats: ["jpeg", "png", "webp"] },
};

/** Moscow's okrug and district: while the premises' region is Moscow. */
const IN_MOSCOW: FieldCondition = { field: "region", in: [MOSCOW] };

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
    {
      key: "okrug",
      type: "enum",
      values: MOSCOW_OKRUGS,
      labels: OKRUG_LABELS,
      required: true,
      filterable: true,
      when: IN_MOSCOW,
    },
    {
      key: "district",
      type: "enum",
      values: MOSCOW_DISTRICTS,
      labels: DISTRICT_LABELS,
      when: IN_MOSCOW,
      within: { field: "okrug", of: MOSCOW_DISTRICTS_OF },
    },
    { key: "address", type: "text", max: 300, required: true },
    { key: "floor", type: "text", max: 40 },
    { key: "amenities", type: "multiEnum", values: AMENITIES, labels: AMENITY_LABELS, filterable: true },
    { key: "availableFrom", type: "date" },
    { key: "cadastralNumber", type: "text", max: 40, visibility: "private" },
  ],
  files: { purpose: "photos", max: 10, maxBytes: 10 * 1024 * 1024, formats: ["jpeg", "png", "webp"] },
};

/** Patents' numbers: the digits of the Russian number and the kind codes of a granted patent. */
const PATENT_NUMBERS: Partial<Record<IpObjectType, { digits: number; codes: readonly string[] }>> = {
  invention: { digits: 7, codes: ["C1", "C2", "C9"] },
  utility_model: { digits: 6, codes: ["U1", "U9"] },
  industrial_design: { digits: 6, codes: ["S"] },
};
/**
 * Certificates of registration (software, databases): year, one of these codes, a serial of four
 * digits. Programs are registered by more than 9,999 a year, so Rospatent numbers them on in further
 * series once 61 is used up (2020660538, 2023681234); databases stay within 62.
 */
const CERTIFICATE_CODES: Partial<Record<IpObjectType, readonly string[]>> = {
  software: ["61", "66", "68", "69"],
  database: ["62"],
};
/** The first year a Russian software or database certificate was issued (Law 3523-1 of 1992). */
const FIRST_CERTIFICATE_YEAR = 1990;

/** The object types a registration number belongs to (know-how is kept secret, never registered). */
export const isRegistered = (type: string) => type in PATENT_NUMBERS || type in CERTIFICATE_CODES;

/**
 * A Russian registration number in its canonical form, or null when it is not one of the type's.
 * Patents: the number's digits (7 for an invention, 6 for a utility model or an industrial design),
 * optionally with "RU", "№" and the kind code (C1, C2, C9; U1, U9; S), spaces anywhere
 * ("RU 2 812 345 C1" → "RU 2812345 C1"). Certificates of software and databases: ten digits, the
 * year (1990 to the current one), 61, 66, 68 or 69 (software) or 62 (database) and a serial
 * ("2024612345").
 */
export function registrationNumberOf(type: string, raw: string, currentYear: number): string | null {
  const s = raw.replace(/[\s№]/g, "").toUpperCase();
  const patent = PATENT_NUMBERS[type as IpObjectType];
  if (patent) {
    const m = /^(?:RU)?(\d+)([A-Z]\d?)?$/.exec(s);
    if (!m || m[1]!.length !== patent.digits || (m[2] && !patent.codes.includes(m[2]))) return null;
    return `RU ${m[1]}${m[2] ? ` ${m[2]}` : ""}`;
  }
  const code = CERTIFICATE_CODES[type as IpObjectType];
  if (code) {
    const m = /^(?:RU)?(\d{4})(\d{2})(\d{4})$/.exec(s);
    const year = Number(m?.[1]);
    if (!m || !code.includes(m[2]!) || year < FIRST_CERTIFICATE_YEAR || year > currentYear) return null;
    return m.slice(1).join("");
  }
  return null;
}

const IPC_INDEX = /^([A-H])\s*(\d{2})\s*([A-Z])(?:\s*(\d{1,4})\s*\/\s*(\d{2,6}))?$/;
const IPC_MAX = 30;

/**
 * IPC symbols separated by commas in their canonical form ("g06f16/00, A61B 5/00" →
 * "G06F 16/00, A61B 5/00"), or null when one is not a symbol: a subclass ("G06F") or a group
 * ("G06F 16/00", "A61B 5/055").
 */
export function ipcClassesOf(raw: string): string | null {
  const items = raw.split(/[,;]/).map((x) => x.trim().toUpperCase());
  if (!items.length || items.length > IPC_MAX) return null;
  const out: string[] = [];
  for (const item of items) {
    const m = IPC_INDEX.exec(item);
    if (!m) return null;
    out.push(`${m[1]}${m[2]}${m[3]}${m[4] ? ` ${m[4]}/${m[5]}` : ""}`);
  }
  return out.join(", ");
}

const yearOf = (date: string) => Number(date.slice(0, 4));

const RFQ: ListingKind = {
  kind: "rfq",
  fields: [
    {
      key: "process",
      type: "enum",
      values: MANUFACTURING_PROCESSES,
      labels: PROCESS_LABELS,
      required: true,
      filterable: true,
    },
    { key: "materials", type: "multiEnum", values: MATERIALS, labels: MATERIAL_LABELS, filterable: true },
    { key: "quantity", type: "number", min: 1, max: 100_000_000, integer: true, required: true },
    { key: "budget", type: "number", min: 1, max: 100_000_000_000, integer: true, nda: true },
    { key: "deadline", type: "date", required: true },
    { key: "region", type: "enum", values: REGION_CODES, labels: REGION_LABELS, filterable: true },
    { key: "regionRequired", type: "boolean" },
    { key: "ndaRequired", type: "boolean", filterable: true },
  ],
  files: {
    purpose: "drawings",
    max: 10,
    maxBytes: 20 * 1024 * 1024,
    formats: ["pdf", "step", "dwg", "dxf", "png", "jpeg", "webp"],
  },
  ndaField: "ndaRequired",
  // The deadline is not past (the cluster's calendar); "only from the region" needs the region.
  check: (v, at) => [
    ...(typeof v.deadline === "string" && v.deadline < at.today
      ? [{ field: "deadline", key: "field.listing.deadline-past" }]
      : []),
    ...(v.regionRequired === true && !v.region
      ? [{ field: "region", key: "field.listing.region-required" }]
      : []),
  ],
};

const TECHNOLOGY: ListingKind = {
  kind: "technology",
  fields: [
    {
      key: "objectType",
      type: "enum",
      values: IP_OBJECT_TYPES,
      labels: IP_OBJECT_TYPE_LABELS,
      required: true,
      filterable: true,
    },
    { key: "registrationNumber", type: "text", max: 40 },
    { key: "rightHolder", type: "text", max: 300, required: true },
    {
      key: "ipcSections",
      type: "multiEnum",
      values: IPC_SECTIONS,
      labels: IPC_SECTION_LABELS,
      filterable: true,
    },
    { key: "ipcClasses", type: "text", max: 500 },
    TAGS_FIELD,
    { key: "trl", type: "enum", values: TRL_LEVELS, labels: TRL_LABELS, required: true, filterable: true },
    {
      key: "dealTypes",
      type: "multiEnum",
      values: DEAL_TYPES,
      labels: DEAL_TYPE_LABELS,
      required: true,
      filterable: true,
    },
    { key: "price", type: "number", min: 1, max: 100_000_000_000, integer: true },
    { key: "priceByAgreement", type: "boolean" },
  ],
  check: (v, at) => {
    const issues: KindIssue[] = [];
    const type = String(v.objectType);
    const number = v.registrationNumber;
    if (!isRegistered(type)) {
      if (number !== undefined)
        issues.push({ field: "registrationNumber", key: "field.listing.registration-number-none" });
    } else if (number === undefined)
      issues.push({ field: "registrationNumber", key: "field.listing.registration-number-required" });
    else if (registrationNumberOf(type, String(number), yearOf(at.today)) === null)
      issues.push({ field: "registrationNumber", key: `field.listing.registration-number.${type}` });
    if (typeof v.ipcClasses === "string" && ipcClassesOf(v.ipcClasses) === null)
      issues.push({ field: "ipcClasses", key: "field.listing.ipc-classes" });
    // A price or "by agreement": exactly one.
    const byAgreement = v.priceByAgreement === true;
    if (v.price === undefined && !byAgreement)
      issues.push({ field: "price", key: "field.listing.price-or-agreement" });
    if (v.price !== undefined && byAgreement)
      issues.push({ field: "priceByAgreement", key: "field.listing.price-and-agreement" });
    return issues;
  },
  normalize: (v) => ({
    ...v,
    ...(typeof v.registrationNumber === "string" && {
      registrationNumber:
        registrationNumberOf(String(v.objectType), v.registrationNumber, Number.POSITIVE_INFINITY) ??
        v.registrationNumber,
    }),
    ...(typeof v.ipcClasses === "string" && { ipcClasses: ipcClassesOf(v.ipcClasses) ?? v.ipcClasses }),
  }),
};

const TECHNOLOGY_REQUEST: ListingKind = {
  kind: "technology_request",
  fields: [
    { key: "purpose", type: "longText", max: 3000, required: true },
    {
      key: "ipcSections",
      type: "multiEnum",
      values: IPC_SECTIONS,
      labels: IPC_SECTION_LABELS,
      filterable: true,
    },
    TAGS_FIELD,
    { key: "minTrl", type: "enum", values: TRL_LEVELS, labels: TRL_LABELS, filterable: true },
    { key: "dealTypes", type: "multiEnum", values: DEAL_TYPES, labels: DEAL_TYPE_LABELS, filterable: true },
    { key: "budget", type: "number", min: 1, max: 100_000_000_000, integer: true },
  ],
};

/** The kinds, in the order the exchanges show them. */
export const LISTING_KINDS = {
  capability: CAPABILITY,
  rfq: RFQ,
  technology: TECHNOLOGY,
  technology_request: TECHNOLOGY_REQUEST,
  premises: PREMISES,
} as const;
export type ListingKindName = keyof typeof LISTING_KINDS;
export const LISTING_KIND_NAMES = Object.keys(LISTING_KINDS) as ListingKindName[];

/** The exchanges (the sections of /exchanges) and their kinds: each kind is in one. */
export const EXCHANGES = [
  { key: "manufacturing", kinds: ["capability", "rfq"] },
  { key: "technologies", kinds: ["technology", "technology_request"] },
  { key: "premises", kinds: ["premises"] },
] as const satisfies readonly { key: string; kinds: readonly ListingKindName[] }[];

export const LISTING_STATES = ["draft", "moderation", "published", "rejected", "closed"] as const;
export type ListingState = (typeof LISTING_STATES)[number];
/** The state of a published listing's pending change. */
export const PENDING_STATES = ["moderation", "rejected"] as const;
export const LISTING_DECISIONS = ["approve", "reject"] as const;
export const LISTING_SORTS = ["relevance", "newest"] as const;

/** A published listing is valid this many days; the author prolongs it by as many (the expiry job closes it after). */
export const LISTING_VALIDITY_DAYS = 90;
/** The author is told this many days before a listing expires. */
export const LISTING_EXPIRY_NOTICE_DAYS = 7;
/** Saved searches of listings a user may keep. */
export const MAX_LISTING_SAVED_SEARCHES = 20;

export const isPublic = (f: ListingField) => (f.visibility ?? "public") === "public";

/** Whether a field applies to these values (it has no condition, or its condition holds). */
export const fieldApplies = (f: ListingField, values: Readonly<Record<string, unknown>>) =>
  !f.when || f.when.in.includes(values[f.when.field] as string | boolean);

/** The values without those of fields that do not apply to them (a stale okrug outside Moscow). */
export function applicableValues<V>(
  fields: readonly ListingField[],
  values: Readonly<Record<string, V>>,
): Record<string, V> {
  const out = { ...values };
  for (const f of fields) if (f.key in out && !fieldApplies(f, values)) delete out[f.key];
  return out;
}

/**
 * Whether the catalog shows a facet under these filters (the chosen values per facet): one with a
 * condition only while every value chosen of its condition's field meets it (the okrug facet once
 * Moscow is chosen), or while values of its own are chosen (so they can be cleared).
 */
export function facetShown(f: ListingField, filters: Readonly<Record<string, readonly string[]>>) {
  if (!f.when || (filters[f.key]?.length ?? 0) > 0) return true;
  const chosen = filters[f.when.field] ?? [];
  return chosen.length > 0 && chosen.every((v) => f.when?.in.some((x) => String(x) === v));
}

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
    case "dateTime":
      return z.iso.datetime({ local: true, precision: -1 });
    case "boolean":
      return z.boolean();
  }
}

/**
 * The schema of a kind's values: each declared field (a required one must be there; an optional one
 * may be absent or null, which removes it; a yes/no field left out is "no"), nothing else, then the
 * kind's own rules (on `at`: today in the cluster's calendar) and its canonical form.
 */
export function valuesSchema(kind: ListingKind, at: Clock = clusterClock(new Date())) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of kind.fields)
    shape[f.key] =
      f.required && !f.when
        ? fieldSchema(f)
        : f.type === "boolean"
          ? fieldSchema(f)
              .nullish()
              .transform((x) => x ?? false)
          : fieldSchema(f).nullish();
  // A field whose condition does not hold is dropped before anything reads it (a form may keep a
  // stale value); one that holds and is required must be there.
  const applicable = (raw: unknown) =>
    raw && typeof raw === "object" && !Array.isArray(raw)
      ? applicableValues(kind.fields, raw as Record<string, unknown>)
      : raw;
  return z
    .preprocess(applicable, z.object(shape).strict())
    .transform((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)))
    .superRefine((v, ctx) => {
      for (const f of kind.fields)
        if (f.required && f.when && fieldApplies(f, v) && v[f.key] === undefined)
          ctx.addIssue({ code: "custom", path: [f.key], message: "field.required" });
      for (const f of kind.fields)
        if (f.type === "enum" && v[f.key] !== undefined && !withinOptions(f, v).includes(String(v[f.key])))
          ctx.addIssue({ code: "custom", path: [f.key], message: "field.listing.not-within" });
      for (const issue of kind.check?.(v as ListingValues, at) ?? [])
        ctx.addIssue({ code: "custom", path: [issue.field], message: issue.key });
    })
    .transform((v) => kind.normalize?.(v as ListingValues) ?? v) as unknown as z.ZodType<ListingValues>;
}

/** An enum field's values allowed beside the others (`within`: the districts of the chosen okrug). */
export const withinOptions = (f: EnumField, values: Readonly<Record<string, unknown>>): readonly string[] =>
  f.within ? (f.within.of[String(values[f.within.field])] ?? []) : f.values;

/** Whether the listing's details are behind the NDA (its kind's `ndaField` is yes). */
export const ndaGated = (kind: ListingKind, values: ListingValues) =>
  kind.ndaField !== undefined && values[kind.ndaField] === true;

/** A field shown to a reader who is not the listing's organization: public, and not behind a closed NDA. */
const shownTo = (f: ListingField, ndaOpen: boolean) => isPublic(f) && (ndaOpen || !f.nda);

/**
 * The values anyone may see: the public fields only, without those behind the NDA unless `ndaOpen`
 * (the reader's organization accepted it; by default only when the listing asks for none).
 */
export function publicValues(
  kind: ListingKind,
  values: ListingValues,
  ndaOpen = !ndaGated(kind, values),
): ListingValues {
  const out: ListingValues = {};
  for (const f of kind.fields)
    if (shownTo(f, ndaOpen) && values[f.key] !== undefined && fieldApplies(f, values))
      out[f.key] = values[f.key]!;
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
 * Russian labels of the public vocabulary values ("фрезерование" finds a listing that chose CNC milling);
 * of a listing behind an NDA, not the fields behind it (nor its description: the `nda` column).
 */
export function searchableText(kind: ListingKind, values: ListingValues): string {
  const parts: string[] = [];
  const ndaOpen = !ndaGated(kind, values);
  for (const f of kind.fields) {
    if (!shownTo(f, ndaOpen) || !fieldApplies(f, values)) continue;
    const v = values[f.key];
    if (v === undefined) continue;
    if (f.type === "text" || f.type === "longText") parts.push(String(v));
    else if (f.type === "enum") parts.push(f.labels[String(v)]?.ru ?? "");
    else if (f.type === "multiEnum") for (const x of v as string[]) parts.push(f.labels[x]?.ru ?? "");
  }
  return parts.filter(Boolean).join(" \n");
}
