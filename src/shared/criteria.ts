/**
 * The eligibility criteria as a registry: each criterion is one object that says everything every
 * engine needs to know about it —
 * - `schema`: its zod schema, a field of the measure's criteria contract (`CriteriaSchema`);
 * - `reads`: the profile fields it reads;
 * - `check`: the JavaScript check with its ru/en sentences (`evaluate` in eligibility.ts, used by the
 *   server for explanations and by the web app);
 * - `columns`: the columns of `measure_index` that normalize it for SQL (generated from the measure's
 *   `criteria` jsonb: masks over the code's vocabularies, numbers), and `search`: given a profile known
 *   when the statement is built, its "not met" and "unknown" conditions over those columns — the
 *   navigator's verdicts (server: measures.eligibility.ts);
 * - `meets`: the condition over an organization's row that it fully meets the criterion — "became
 *   eligible" (server: organizations.eligibility.ts).
 * SQL is written as neutral fragments (sqlFragment.ts) so this file needs no database layer. Property
 * tests pin the three engines to each other: `search` ≡ `check` (measures.eligibility.test.ts) and
 * `meets` ≡ `check` gives "met" (measures.notices.test.ts). Adding a criterion: ARCHITECTURE.md.
 */

import { z } from "zod";
import type { Locale } from "./constants.js";
import {
  agoText,
  alternatives,
  type Criteria,
  type CriterionKey,
  type CriterionOutcome,
  durationGen,
  ELIGIBILITY_FLAG_LABELS,
  ELIGIBILITY_FLAGS,
  type EligibilityProfile,
  eligibilityTexts,
  FOREIGN,
  has,
  hasRange,
  inRange,
  list,
  mlnRub,
  okvedLabel,
  type ProfileField,
  people,
  peopleNom,
  profileAgeMonths,
  profileRegion,
  type Range,
  REQUIRED_STATUSES,
  rangeText,
  regionLabel,
  smeLabel,
  statusLabel,
  type Texts,
  typeLabel,
} from "./eligibility.base.js";
import { OKVED_SECTION_LETTERS } from "./okved.js";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES, smeCategory } from "./organizations.js";
import { REGIONS } from "./regions.js";
import { Fragment, joinFragments, q, raw, textArrayLiteral, texts } from "./sqlFragment.js";
import { TAG_SLUGS, tagLabel } from "./tags.js";

const { say } = eligibilityTexts;

// ---------- the shape of a criterion ----------

/** A column of `measure_index` generated from the measure's `criteria` (jsonb). */
export type IndexColumn = {
  name: string;
  type: "bigint" | "integer" | "float8";
  notNull?: boolean;
  /** The generated column's expression over `criteria` (trusted text: the code's own vocabularies). */
  expression: string;
};

/** The columns of `organizations` (drizzle property names) a criterion's `meets` may read. */
export type OrgColumn =
  | "type"
  | "regionCode"
  | "smeCategory"
  | "foundedOn"
  | "headcount"
  | "revenueMln"
  | "status"
  | "statusSuspendedAt"
  | "okvedSections"
  | "tags"
  | "declaredFlags";

/** A column reference, resolved by the server against its table. */
export const column = (name: string) => new Fragment([{ kind: "column", name }]);
const org = (name: OrgColumn) => column(name);

export type SearchConditions = { notMet?: Fragment; unknown?: Fragment };

export interface Criterion<K extends keyof Criteria> {
  key: K;
  reads: readonly (keyof EligibilityProfile)[];
  schema: z.ZodType<NonNullable<Criteria[K]>>;
  columns: readonly IndexColumn[];
  /** The outcomes (none when the criterion is empty: an empty list, a range without bounds). */
  check(value: NonNullable<Criteria[K]>, p: EligibilityProfile, today: string): CriterionOutcome[];
  /** For a known profile: when the criterion is not met, when it is unknown (over `columns`). */
  search(p: EligibilityProfile, today: string): SearchConditions;
  /** The organization row fully meets it; null when the criterion is empty. */
  meets(value: NonNullable<Criteria[K]>, today: string): Fragment | null;
}

// ---------- masks: list criteria as bits over a vocabulary ----------

/** Bits per mask for vocabulary values; bit 62 marks a value outside the vocabulary (no profile has it). */
export const MASK_BITS = 62;

/** The generated expression of a mask: the criteria key's values over the window [offset, offset + 62). */
export const maskExpression = (key: string, words: readonly string[], offset = 0) =>
  `ic_jsonb_mask(criteria -> '${key}', ${textArrayLiteral(words)}, ${offset})`;

/** A profile's values as a mask over a vocabulary's window (values outside it are simply not set). */
export function profileMask(words: readonly string[], values: readonly string[], offset = 0): bigint {
  let mask = 0n;
  for (const v of values) {
    const i = words.indexOf(v) - offset;
    if (i >= 0 && i < MASK_BITS) mask |= 1n << BigInt(i);
  }
  return mask;
}

const int8 = (mask: bigint) => q`${mask.toString()}::int8`;
const col = (name: string) => column(name);
const and = (conds: Fragment[]) => (conds.length ? q`(${joinFragments(conds, " and ")})` : null);

// ---------- building blocks ----------

/** A list criterion met when the profile has any of the listed values (one mask column). */
function anyOf<K extends "orgTypes" | "smeCategories" | "okvedSections" | "tags">(def: {
  key: K;
  column: string;
  words: readonly string[];
  reads: readonly (keyof EligibilityProfile)[];
  schema: z.ZodType<NonNullable<Criteria[K]>>;
  have: (p: EligibilityProfile) => readonly string[] | null | undefined;
  field: (p: EligibilityProfile) => ProfileField;
  outcome: CriterionKey;
  label: (v: string, l: Locale) => string;
  subject: Texts;
  unknown: Texts;
  meets: (values: readonly string[]) => Fragment;
}): Criterion<K> {
  if (def.words.length > MASK_BITS)
    throw new Error(`the ${def.key} vocabulary has more than ${MASK_BITS} values: split it like regions`);
  return {
    key: def.key,
    reads: def.reads,
    schema: def.schema,
    columns: [
      { name: def.column, type: "bigint", notNull: true, expression: maskExpression(def.key, def.words) },
    ],
    check: (wanted, p) =>
      anyOfOutcome(
        def.outcome,
        wanted as readonly string[],
        def.have(p) ?? null,
        def.field(p),
        def.label,
        def,
      ),
    search: (p) => maskConditions(col(def.column), def.words, def.have(p)),
    meets: (wanted) => ((wanted as readonly string[]).length ? def.meets(wanted as readonly string[]) : null),
  };
}

function maskConditions(
  c: Fragment,
  words: readonly string[],
  have: readonly string[] | null | undefined,
): SearchConditions {
  if (!have || have.length === 0) return { unknown: q`${c} <> 0` };
  return { notMet: q`(${c} <> 0 and (${c} & ${int8(profileMask(words, have))}) = 0)` };
}

function anyOfOutcome(
  key: CriterionKey,
  wanted: readonly string[],
  have: readonly string[] | null,
  field: ProfileField,
  label: (v: string, l: Locale) => string,
  texts: { subject: Texts; unknown: Texts },
): CriterionOutcome[] {
  if (wanted.length === 0) return [];
  const need = list(wanted, label);
  if (!have || have.length === 0)
    return [
      {
        key,
        result: "unknown",
        field,
        message: say("eligibility.list.unknown", { unknown: texts.unknown, need }),
      },
    ];
  const own = list(have, label);
  return [
    {
      key,
      result: have.some((v) => wanted.includes(v)) ? "met" : "not_met",
      message: say("eligibility.list.value", { subject: texts.subject, own, need }),
    },
  ];
}

/** A range of a number (headcount, revenue): min/max columns, unknown without the profile's value. */
function numeric<K extends "headcount" | "revenueMln">(def: {
  key: K;
  outcome: "headcount" | "revenue";
  columns: [string, string];
  schema: z.ZodType<NonNullable<Criteria[K]>>;
  value: (p: EligibilityProfile) => number | null | undefined;
  field: ProfileField;
  reads: readonly (keyof EligibilityProfile)[];
  orgColumn: OrgColumn;
  unitGen: (n: number) => Texts;
  unitNom: (n: number) => Texts;
}): Criterion<K> {
  const [min, max] = def.columns;
  return {
    key: def.key,
    reads: def.reads,
    schema: def.schema,
    columns: [
      { name: min, type: "float8", expression: `ic_jsonb_float(criteria #> '{${def.key},min}')` },
      { name: max, type: "float8", expression: `ic_jsonb_float(criteria #> '{${def.key},max}')` },
    ],
    check(range, p) {
      if (!hasRange(range)) return [];
      const need = rangeText(range, def.unitGen);
      const value = def.value(p);
      if (!has(value))
        return [
          {
            key: def.outcome,
            result: "unknown",
            field: def.field,
            message: say(`eligibility.${def.outcome}.unknown`, { need }),
          },
        ];
      const own = def.unitNom(value);
      return [
        {
          key: def.outcome,
          result: inRange(value, range) ? "met" : "not_met",
          message: say("eligibility.range.value", {
            subject: say(`eligibility.${def.outcome}.subject`),
            own,
            need,
          }),
        },
      ];
    },
    search(p) {
      const value = def.value(p);
      return rangeConditions(col(min), col(max), has(value) ? value : null, "float8");
    },
    meets(range) {
      if (!hasRange(range)) return null;
      const c = org(def.orgColumn);
      const conds = [q`${c} is not null`];
      if (has(range.min)) conds.push(q`${c} >= ${String(range.min)}::numeric`);
      if (has(range.max)) conds.push(q`${c} <= ${String(range.max)}::numeric`);
      return and(conds);
    },
  };
}

function rangeConditions(min: Fragment, max: Fragment, value: number | null, type: "int" | "float8") {
  if (value === null) return { unknown: q`(${min} is not null or ${max} is not null)` };
  return { notMet: q`(${min} > ${value}${raw(`::${type}`)} or ${max} < ${value}${raw(`::${type}`)})` };
}

const rangeSchema = (max: number, int = false) => {
  const n = int ? z.number().int().min(0).max(max) : z.number().min(0).max(max);
  return z
    .object({ min: n.nullable().optional(), max: n.nullable().optional() })
    .strict()
    .refine((r) => r.min == null || r.max == null || r.min <= r.max, {
      message: "field.range",
      path: ["max"],
    });
};

/** An OKVED section letter. */
export const OkvedSection = z.string().regex(/^[A-U]$/, "field.okved-section");
const RegionCode = z.string().regex(/^\d{2}$/, "field.region");
/** A region code, or "foreign" for foreign organizations. */
export const RegionOrForeign = z.union([RegionCode, z.literal(FOREIGN)]);

/** Regions (89 subjects and "foreign") need two masks. */
const REGION_WORDS = [...REGIONS.map((r) => r.code), FOREIGN];
if (REGION_WORDS.length > 2 * MASK_BITS) throw new Error("regions need a third mask");

// ---------- the registry ----------

const orgTypes = anyOf({
  key: "orgTypes",
  column: "crit_types",
  words: ORG_TYPES,
  reads: ["type"],
  schema: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length),
  have: (p) => (p.type ? [p.type] : null),
  field: () => "type",
  outcome: "orgType",
  label: typeLabel,
  subject: say("eligibility.orgType.subject"),
  unknown: say("eligibility.orgType.unknown"),
  meets: (v) => q`${org("type")}::text = any(${texts(v)})`,
});

const regions: Criterion<"regions"> = {
  key: "regions",
  reads: ["type", "regionCode"],
  schema: z.array(RegionOrForeign).max(100),
  columns: [
    {
      name: "crit_regions_lo",
      type: "bigint",
      notNull: true,
      expression: maskExpression("regions", REGION_WORDS, 0),
    },
    {
      name: "crit_regions_hi",
      type: "bigint",
      notNull: true,
      expression: maskExpression("regions", REGION_WORDS, MASK_BITS),
    },
  ],
  check: (wanted, p) => {
    const region = profileRegion(p);
    return anyOfOutcome("region", wanted, region ? [region] : null, "regionCode", regionLabel, {
      subject: say("eligibility.region.subject"),
      unknown: say("eligibility.region.unknown"),
    });
  },
  search: (p) => {
    const region = profileRegion(p);
    const lo = col("crit_regions_lo");
    const hi = col("crit_regions_hi");
    if (!region) return { unknown: q`(${lo} <> 0 or ${hi} <> 0)` };
    return {
      notMet: q`((${lo} <> 0 or ${hi} <> 0) and (${lo} & ${int8(profileMask(REGION_WORDS, [region], 0))}) = 0 and (${hi} & ${int8(profileMask(REGION_WORDS, [region], MASK_BITS))}) = 0)`,
    };
  },
  meets: (wanted) =>
    wanted.length
      ? q`(case when ${org("type")} = 'foreign' then ${FOREIGN} else nullif(${org("regionCode")}, '') end) = any(${texts(wanted)})`
      : null,
};

const smeCategories = anyOf({
  key: "smeCategories",
  column: "crit_sme",
  words: SME_CATEGORIES,
  reads: ["headcount", "revenueMln"],
  schema: z.array(z.enum(SME_CATEGORIES)).max(SME_CATEGORIES.length),
  have: (p) => {
    const sme = smeCategory(p.headcount, p.revenueMln);
    return sme ? [sme] : null;
  },
  field: (p) => (has(p.headcount) ? "revenueMln" : "headcount"),
  outcome: "smeCategory",
  label: smeLabel,
  subject: say("eligibility.sme.subject"),
  unknown: say("eligibility.sme.unknown"),
  meets: (v) => q`${org("smeCategory")} = any(${texts(v)})`,
});

const ageYears: Criterion<"ageYears"> = {
  key: "ageYears",
  reads: ["foundedOn", "ageYears"],
  schema: rangeSchema(200),
  columns: [
    {
      name: "crit_age_min_months",
      type: "integer",
      expression: "round(ic_jsonb_number(criteria #> '{ageYears,min}') * 12)::int",
    },
    {
      name: "crit_age_max_months",
      type: "integer",
      expression: "round(ic_jsonb_number(criteria #> '{ageYears,max}') * 12)::int",
    },
  ],
  check(r: Range, p, today) {
    if (!hasRange(r)) return [];
    const need = rangeText(r, durationGen);
    const months = profileAgeMonths(p, today);
    if (months === null)
      return [
        {
          key: "age",
          result: "unknown",
          field: "foundedOn",
          message: say("eligibility.age.unknown", { need }),
        },
      ];
    const ok =
      (!has(r.min) || months >= Math.round(r.min * 12)) && (!has(r.max) || months <= Math.round(r.max * 12));
    const ago = agoText(months);
    return [
      {
        key: "age",
        result: ok ? "met" : "not_met",
        message: say("eligibility.age.value", { ago, need }),
      },
    ];
  },
  search: (p, today) =>
    rangeConditions(
      col("crit_age_min_months"),
      col("crit_age_max_months"),
      profileAgeMonths(p, today),
      "int",
    ),
  meets(age, today) {
    if (!hasRange(age)) return null;
    // Whole months since founding ≥ m  ⟺  the founding date plus m months (the day clamped to the
    // month's end, as `wholeMonthsBetween` counts) is not after today. A future date counts as 0 months.
    const founded = org("foundedOn");
    const conds = [q`${founded} is not null`];
    const min = has(age.min) ? Math.round(age.min * 12) : 0;
    if (min > 0) conds.push(q`${founded} + make_interval(months => ${min}::int) <= ${today}::date`);
    if (has(age.max))
      conds.push(
        q`${founded} + make_interval(months => ${Math.round(age.max * 12) + 1}::int) > ${today}::date`,
      );
    return and(conds);
  },
};

const headcount = numeric({
  key: "headcount",
  outcome: "headcount",
  columns: ["crit_headcount_min", "crit_headcount_max"],
  schema: rangeSchema(10_000_000, true),
  value: (p) => p.headcount,
  field: "headcount",
  reads: ["headcount"],
  orgColumn: "headcount",
  unitGen: people,
  unitNom: peopleNom,
});

const revenueMln = numeric({
  key: "revenueMln",
  outcome: "revenue",
  columns: ["crit_revenue_min", "crit_revenue_max"],
  schema: rangeSchema(100_000_000),
  value: (p) => p.revenueMln,
  field: "revenueMln",
  reads: ["revenueMln"],
  orgColumn: "revenueMln",
  unitGen: mlnRub,
  unitNom: mlnRub,
});

const requiredStatus: Criterion<"requiredStatus"> = {
  key: "requiredStatus",
  reads: ["status", "statusSuspended"],
  schema: z.array(z.enum(REQUIRED_STATUSES)).max(REQUIRED_STATUSES.length),
  columns: [
    {
      name: "crit_status",
      type: "bigint",
      notNull: true,
      expression: maskExpression("requiredStatus", ORG_STATUSES),
    },
  ],
  check(required, p) {
    if (required.length === 0) return [];
    const need = alternatives(required, statusLabel);
    if (!p.status)
      return [
        {
          key: "status",
          result: "unknown",
          field: "status",
          message: say("eligibility.status.unknown", { need }),
        },
      ];
    if (p.statusSuspended && p.status !== "registered")
      return [
        {
          key: "status",
          result: "not_met",
          message: say("eligibility.status.suspended", { status: list([p.status], statusLabel), need }),
        },
      ];
    const ok = (required as readonly string[]).includes(p.status);
    return [
      {
        key: "status",
        result: ok ? "met" : "not_met",
        message: say("eligibility.status.value", { status: list([p.status], statusLabel), need }),
      },
    ];
  },
  // Unknown; suspended (holds nothing, "registered" aside); or one of the required ones.
  search(p) {
    const c = col("crit_status");
    if (!p.status) return { unknown: q`${c} <> 0` };
    if (p.statusSuspended && p.status !== "registered") return { notMet: q`${c} <> 0` };
    return maskConditions(c, ORG_STATUSES, [p.status]);
  },
  meets: (required) =>
    required.length
      ? q`(${org("status")}::text = any(${texts(required)}) and (${org("statusSuspendedAt")} is null or ${org("status")} = 'registered'))`
      : null,
};

const okvedSections = anyOf({
  key: "okvedSections",
  column: "crit_okved",
  words: OKVED_SECTION_LETTERS,
  reads: ["okvedSections"],
  schema: z.array(OkvedSection).max(OKVED_SECTION_LETTERS.length),
  have: (p) => p.okvedSections,
  field: () => "okvedSections",
  outcome: "okved",
  label: okvedLabel,
  subject: say("eligibility.okved.subject"),
  unknown: say("eligibility.okved.unknown"),
  meets: (v) => q`${org("okvedSections")} && ${texts(v)}`,
});

const tags = anyOf({
  key: "tags",
  column: "crit_tags",
  words: TAG_SLUGS,
  reads: ["tags"],
  schema: z.array(z.enum(TAG_SLUGS)).max(30),
  have: (p) => p.tags,
  field: () => "tags",
  outcome: "tags",
  label: tagLabel,
  subject: say("eligibility.tags.subject"),
  unknown: say("eligibility.tags.unknown"),
  meets: (v) => q`${org("tags")} && ${texts(v)}`,
});

const isFlag = (f: string): f is (typeof ELIGIBILITY_FLAGS)[number] =>
  (ELIGIBILITY_FLAGS as readonly string[]).includes(f);

/** Declared flags that must be true: one outcome per flag; names that are not flags are ignored. */
const flags: Criterion<"flags"> = {
  key: "flags",
  reads: ["flags"],
  schema: z.array(z.enum(ELIGIBILITY_FLAGS)).max(ELIGIBILITY_FLAGS.length),
  columns: [
    {
      name: "crit_flags",
      type: "bigint",
      notNull: true,
      expression: maskExpression("flags", ELIGIBILITY_FLAGS),
    },
  ],
  check: (wanted, p) =>
    wanted.filter(isFlag).map((flag): CriterionOutcome => {
      const label = ELIGIBILITY_FLAG_LABELS[flag];
      const value = p.flags?.[flag];
      const key = `flag.${flag}` as const;
      if (value === true)
        return {
          key,
          result: "met",
          message: say("eligibility.flag.yes", { label }),
        };
      if (value === false)
        return {
          key,
          result: "not_met",
          message: say("eligibility.flag.no", { label }),
        };
      return {
        key,
        result: "unknown",
        field: `flags.${flag}`,
        message: say("eligibility.flag.unknown", { label }),
      };
    }),
  // A required flag declared false fails; one not declared is unknown; names that are not flags (bit
  // 62) are ignored, as `check` ignores them.
  search(p) {
    const c = col("crit_flags");
    const no = ELIGIBILITY_FLAGS.filter((f) => p.flags?.[f] === false);
    const unstated = ELIGIBILITY_FLAGS.filter((f) => p.flags?.[f] !== true && p.flags?.[f] !== false);
    return {
      ...(no.length ? { notMet: q`(${c} & ${int8(profileMask(ELIGIBILITY_FLAGS, no))}) <> 0` } : {}),
      ...(unstated.length
        ? { unknown: q`(${c} & ${int8(profileMask(ELIGIBILITY_FLAGS, unstated))}) <> 0` }
        : {}),
    };
  },
  meets: (wanted) =>
    and(wanted.filter(isFlag).map((flag) => q`(${org("declaredFlags")} -> ${flag}) = 'true'::jsonb`)),
};

/**
 * Every criterion, in the order of the contract's fields and of the explanations. The type makes the
 * registry cover `Criteria` exactly: a new field of `Criteria` without its object does not compile.
 */
export const CRITERIA: { readonly [K in keyof Required<Criteria>]: Criterion<K> } = {
  orgTypes,
  regions,
  smeCategories,
  ageYears,
  headcount,
  revenueMln,
  requiredStatus,
  okvedSections,
  tags,
  flags,
};

/** The registry as a list (each entry typed by its own key). */
export const CRITERIA_LIST = Object.values(CRITERIA) as readonly Criterion<keyof Criteria>[];

/** The measure's criteria contract: every criterion's schema, all optional, nothing else. */
export const CriteriaSchema = z
  .object(
    Object.fromEntries(CRITERIA_LIST.map((c) => [c.key, c.schema.optional()])) as {
      [K in keyof Criteria]-?: z.ZodOptional<z.ZodType<NonNullable<Criteria[K]>>>;
    },
  )
  .strict();

/** Every column of `measure_index` the criteria need. */
export const CRITERIA_COLUMNS: readonly IndexColumn[] = CRITERIA_LIST.flatMap((c) => c.columns);

/** A criterion's value in a measure's criteria, or undefined (for engines iterating the registry). */
export const criterionValue = <K extends keyof Criteria>(criteria: Criteria, key: K) =>
  criteria[key] as NonNullable<Criteria[K]> | null | undefined;
