// The form's values of a kind, derived from its declaration (src/shared/listings.ts): each field's empty
// value, the request body built from the form (empty fields left out) and back, and the client-side
// check of required fields. The server validates the same declaration (`valuesSchema`).
import {
  applicableValues,
  fieldApplies,
  type ListingField,
  type ListingKind,
} from "../../../shared/listings";
import type { FieldValue } from "./types";

export type RangeInput = { from: number | ""; to: number | "" };
export type FieldInput = string | number | "" | boolean | string[] | RangeInput | null;
export type FormValues = {
  organizationId: string;
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  values: Record<string, FieldInput>;
};

/** A field's value in an empty form. */
export function emptyInput(f: ListingField): FieldInput {
  switch (f.type) {
    case "number":
      return "";
    case "range":
      return { from: "", to: "" };
    case "enum":
      return null;
    case "multiEnum":
      return [];
    case "boolean":
      return false;
    default:
      return "";
  }
}

/** A stored value as the form's input. */
export function toInput(f: ListingField, v: FieldValue | undefined): FieldInput {
  if (v === undefined) return emptyInput(f);
  if (f.type === "range" && typeof v === "object" && !Array.isArray(v))
    return { from: v.from, to: v.to ?? "" };
  return v as FieldInput;
}

/** A form input as the value sent, or undefined when it is empty (the field is left out). */
export function fromInput(f: ListingField, v: FieldInput): FieldValue | undefined {
  if (v === null || v === "") return undefined;
  switch (f.type) {
    case "text":
    case "longText":
    case "date":
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    case "range": {
      const r = v as RangeInput;
      if (r.from === "" && r.to === "") return undefined;
      // "To" alone is sent as it is: the server says what is missing.
      return {
        from: r.from === "" ? (undefined as unknown as number) : r.from,
        to: r.to === "" ? null : r.to,
      };
    }
    case "multiEnum":
      return (v as string[]).length ? (v as string[]) : undefined;
    case "boolean":
      // An unticked box sends nothing: the server reads a yes/no field left out as "no".
      return v === true ? true : undefined;
    default:
      return v as FieldValue;
  }
}

export const initialValues = (kind: ListingKind, organizationId: string): FormValues => ({
  organizationId,
  titleRu: "",
  titleEn: "",
  descriptionRu: "",
  descriptionEn: "",
  values: Object.fromEntries(kind.fields.map((f) => [f.key, emptyInput(f)])),
});

/** The values of the kind's fields as the request sends them. */
export function valuesBody(
  kind: ListingKind,
  values: Record<string, FieldInput>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of kind.fields) {
    const v = fromInput(f, values[f.key] ?? emptyInput(f));
    if (v !== undefined) out[f.key] = v;
  }
  // A field whose condition does not hold (hidden in the form) is not sent, even with a value kept.
  return applicableValues(kind.fields, out);
}

/** The required fields left empty (of those that apply), as form paths (values.<key>). */
export function missingRequired(kind: ListingKind, values: Record<string, FieldInput>): string[] {
  return kind.fields
    .filter(
      (f) =>
        f.required && fieldApplies(f, values) && fromInput(f, values[f.key] ?? emptyInput(f)) === undefined,
    )
    .map((f) => `values.${f.key}`);
}
