import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import {
  fieldApplies,
  isPublic,
  LISTING_KINDS,
  type ListingField,
  type ListingKindName,
} from "../../../shared/listings";
import { badgeColors } from "../../components/badgeColors";
import { useFormat } from "../../format";
import { useLocale } from "../directory/labels";
import type { FieldValue } from "./types";

export { badgeColors, useLocale };

export const kindOf = (kind: ListingKindName) => LISTING_KINDS[kind];
export const isKind = (v: string | undefined): v is ListingKindName => v !== undefined && v in LISTING_KINDS;

/** A field's label (web texts: listings.kinds.<kind>.fields.<key>). */
export const fieldLabel = (t: TFunction, kind: ListingKindName, key: string) =>
  t(`listings.kinds.${kind}.fields.${key}`);

/** A vocabulary value's label in the language. */
export const valueLabel = (f: ListingField, value: string, locale: Locale) =>
  "labels" in f ? (f.labels[value]?.[locale] ?? value) : value;

/** Whether a listing shows a field: it has a value, and a yes/no field's "no" reads as nothing to say. */
export const hasValue = (v: FieldValue | undefined): v is FieldValue => v !== undefined && v !== false;

/** A field's value as text. */
export function useValueText() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  return (f: ListingField, v: FieldValue): string => {
    if (Array.isArray(v)) return v.map((x) => valueLabel(f, x, locale)).join(", ");
    if (typeof v === "boolean") return v ? t("listings.field.yes") : t("listings.field.no");
    if (typeof v === "number") return format.number(v);
    if (typeof v === "object" && v !== null) {
      const from = format.number(v.from);
      if (v.to === null) return t("listings.field.rangeFrom", { from });
      return v.to === v.from ? from : t("listings.field.rangeValue", { from, to: format.number(v.to) });
    }
    if (f.type === "date") return format.date(v);
    if (f.type === "dateTime") return t("listings.field.atMoscowTime", { at: format.wallTime(v) });
    return valueLabel(f, v, locale);
  };
}

/**
 * The listing's fields as its page shows them, in the order the kind declares them: the values it has
 * (private ones only reach members and operators, marked as hidden from visitors).
 */
export function FieldList({ kind, values }: { kind: ListingKindName; values: Record<string, FieldValue> }) {
  const { t } = useTranslation();
  return (
    <FieldValues fields={kindOf(kind).fields} label={(key) => fieldLabel(t, kind, key)} values={values} />
  );
}

/** Declared fields' values (a kind's, a response's, a move's) as a list of facts, in declared order. */
export function FieldValues({
  fields: declared,
  label,
  values,
}: {
  fields: readonly ListingField[];
  label: (key: string) => string;
  values: Record<string, FieldValue>;
}) {
  const { t } = useTranslation();
  const text = useValueText();
  const fields = declared.filter((f) => hasValue(values[f.key]) && fieldApplies(f, values));
  return (
    <dl className="facts">
      {fields.map((f) => (
        <div key={f.key}>
          <dt>{label(f.key)}</dt>
          <dd style={{ whiteSpace: f.type === "longText" ? "pre-line" : undefined }}>
            {text(f, values[f.key]!)}
            {!isPublic(f) && (
              <Badge ml="xs" color="gray" variant="light">
                {t("listings.field.privateBadge")}
              </Badge>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const STATE_TONE = {
  published: "green",
  rejected: "red",
  moderation: "yellow",
  draft: "gray",
  closed: "gray",
} as const;

/** The listing's state as a badge. */
export function StateBadge({ state }: { state: keyof typeof STATE_TONE }) {
  const { t } = useTranslation();
  return <Badge {...badgeColors(STATE_TONE[state])}>{t(`listings.state.${state}`)}</Badge>;
}

/** Title and description in the reader's language when there is a translation. */
export const titleOf = (l: { titleRu: string; titleEn: string | null }, locale: Locale) =>
  locale === "en" && l.titleEn ? l.titleEn : l.titleRu;
export const descriptionOf = (l: { descriptionRu: string; descriptionEn: string | null }, locale: Locale) =>
  locale === "en" && l.descriptionEn ? l.descriptionEn : l.descriptionRu;
