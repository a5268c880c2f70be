// What the web shows of responses to listings, from their declarations (src/shared/listingResponses.ts):
// labels of their fields, states and moves (listings.json › responses.<type>), the state's badge, and
// the quote's price with VAT.
import { Badge, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { RESPONSE_TYPES, type ResponseType, type ResponseTypeName } from "../../../shared/listingResponses";
import type { ListingField } from "../../../shared/listings";
import { useFormat } from "../../format";
import { badgeColors } from "./labels";
import type { FieldValue } from "./types";

export const responseType = (name: string): ResponseType => RESPONSE_TYPES[name as ResponseTypeName];

/** A response's or a move's field label. */
export const responseFieldLabel = (t: TFunction, type: string, key: string) =>
  t(`responses.${type}.fields.${key}`);

/** Every field a type's moves ask for (what `outcome` may hold), each once, in the moves' order. */
export function outcomeFields(type: ResponseType): ListingField[] {
  const seen = new Map<string, ListingField>();
  for (const m of type.moves) for (const f of m.fields ?? []) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

const GOOD = new Set(["accepted", "confirmed", "done", "completed", "agreed", "in_production", "delivered"]);
const BAD = new Set(["declined", "cancelled"]);

/** A response's state as a badge (kept contrast: the listings' colours). */
export function ResponseStateBadge({ type, state }: { type: string; state: string }) {
  const { t } = useTranslation();
  const tone = GOOD.has(state) ? "green" : BAD.has(state) ? "red" : state === "withdrawn" ? "gray" : "yellow";
  return <Badge {...badgeColors(tone)}>{t(`responses.${type}.states.${state}`)}</Badge>;
}

/** A quote's price as the customer compares it: without VAT and with it. */
export function QuotePrice({ values }: { values: Record<string, FieldValue> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const price = typeof values.price === "number" ? values.price : null;
  const vat = typeof values.vat === "string" ? values.vat : null;
  if (price === null || vat === null) return null;
  const rate = vat === "none" ? 0 : Number(vat);
  const rub = (n: number) => t("responses.quote.rub", { amount: format.number(Math.round(n * 100) / 100) });
  return (
    <Text fw={600}>
      {vat === "none"
        ? t("responses.quote.priceNoVat", { price: rub(price) })
        : t("responses.quote.priceWithVat", {
            price: rub(price),
            rate,
            total: rub(price * (1 + rate / 100)),
          })}
    </Text>
  );
}
