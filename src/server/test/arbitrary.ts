/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document (what
 * fastify-type-provider-zod writes for each route), and mutations of the values they make: the
 * fuzz test sends both, so a route sees what its schema allows and what it must refuse.
 */
import fc from "fast-check";

export type Schema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
};

export type Components = Record<string, Schema>;

/** Valid-looking values are kept small: the fuzz test is about shapes, not volume. */
const MAX_ITEMS = 4;
const MAX_DEPTH = 8;

function stringOf(s: Schema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 60));
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date":
      return fc
        .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc
        .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "uri":
      return fc.webUrl();
  }
  if (s.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      // A pattern fast-check cannot read: plain strings (mostly refused, which is also worth sending).
    }
  }
  return fc.string({ minLength, maxLength });
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of the values a JSON Schema describes (resolving $ref in the document's components). */
export function arbitraryOf(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const next = (s: Schema) => arbitraryOf(s, components, depth + 1);
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() ?? "";
    const target = components[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return arbitraryOf(target, components, depth + 1);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map(next));
  if (schema.allOf?.[0]) return next(schema.allOf[0]);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => next({ ...schema, type })));
  switch (schema.type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? next(schema.items) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    case "object": {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, next(v)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const nest = (depth: number, leaf: unknown) => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

/** Values no schema should let through to a handler unrefused, and that no handler may answer with a 5xx. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\u202Eevil\u202C",
    "\u200F\u2066x\u2069",
    "\uFEFF",
    "NaN",
    "-0",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1",
    "0x1F",
    "9".repeat(40),
    " ",
    "",
    "null",
    "true",
    "__proto__",
    "constructor",
    "../../etc/passwd",
    "%00",
    "%",
    "' OR 1=1 --",
    "\\",
    "😀".repeat(300),
    "ё".repeat(5000),
    "x".repeat(100_000),
  ),
  fc.constantFrom<unknown>(
    -0,
    0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 63),
    true,
    false,
    null,
    [],
    {},
    [null],
    { "\u0000": 1 },
    JSON.parse('{"__proto__":{"admin":true}}'),
    nest(20, "deep"),
    nest(40, 0),
    Array(5000).fill(1),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Replaces the value at one path of a JSON value (or the whole of it) with another. */
function replaceAt(value: unknown, pick: number, replacement: unknown): unknown {
  const slots: { parent: Record<string, unknown>; key: string }[] = [];
  const visit = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    for (const k of Object.keys(v)) {
      slots.push({ parent: v as Record<string, unknown>, key: k });
      visit((v as Record<string, unknown>)[k]);
    }
  };
  const copy = structuredClone(value);
  visit(copy);
  if (!slots.length) return replacement;
  const slot = slots[pick % slots.length] as (typeof slots)[number];
  slot.parent[slot.key] = replacement;
  return copy;
}

/**
 * The schema's own values (half the runs) and mutations of them: a value somewhere replaced by a
 * nasty one, an extra property, the whole value replaced, a value of the wrong type.
 */
export function mutated(arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutation = fc
    .tuple(arb, fc.nat(), nasty, fc.constantFrom("replace", "extra", "whole"), fc.string({ maxLength: 12 }))
    .map(([v, pick, bad, how, key]) => {
      if (how === "whole") return bad;
      if (how === "extra" && v !== null && typeof v === "object" && !Array.isArray(v))
        return { ...(v as object), [key || "extra"]: bad };
      return replaceAt(v, pick, bad);
    });
  return fc.oneof(arb, mutation);
}
