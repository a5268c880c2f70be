import { z } from "zod";

/*
 * Text hygiene for what one user types and others read (names, titles, positions, short messages):
 * control characters, bidirectional overrides and isolates (U+202A–202E, U+2066–2069) and zero-width
 * characters (U+200B–200D, U+2060, U+FEFF) are refused — they can reverse or hide part of a name
 * ("Trojan Source" spoofing) or make two names look the same — and the text is stored in Unicode NFC,
 * so that one name has one spelling.
 */

const INVISIBLE = "\\u200B-\\u200D\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069";
/** Single-line text: every control character (C0, DEL, C1) and the invisible ones. */
const UNSAFE_LINE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${INVISIBLE}]`, "u");
/** Multi-line text: the same but line feeds, carriage returns and tabs. */
const UNSAFE_BLOCK = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${INVISIBLE}]`,
  "u",
);

/** Whether a text holds a character refused by `SafeText` (`multiline` allows line breaks and tabs). */
export const hasUnsafeChars = (s: string, multiline = false) =>
  (multiline ? UNSAFE_BLOCK : UNSAFE_LINE).test(s);

/**
 * Half of a UTF-16 surrogate pair without its other half: not a character. The database would store
 * U+FFFD instead, so what was checked (or hashed, as an IP deposit's leaf is) differs from what is kept.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NFC-normalized and trimmed. */
export const cleanText = (s: string) => s.normalize("NFC").trim();

const checked = (max: number, multiline: boolean) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasUnsafeChars(v, multiline) && !LONE_SURROGATE.test(v), {
      message: "field.unsafe-text",
    });

/** A required single-line text (a name, a title) of `min`–`max` characters: clean and NFC. */
export const SafeText = (min: number, max: number) =>
  z.string().transform(cleanText).pipe(checked(max, false).min(min));

/** An optional single-line text: empty becomes null. */
export const OptSafeText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(checked(max, false))
    .transform((v) => v || null)
    .nullable()
    .optional();

/** A multi-line text (a description, a comment): line breaks and tabs allowed, the rest as SafeText. */
export const SafeLongText = (max: number) => z.string().transform(cleanText).pipe(checked(max, true));

/** An optional multi-line text: empty becomes null. */
export const OptSafeLongText = (max: number) =>
  SafeLongText(max)
    .transform((v) => v || null)
    .nullable()
    .optional();

/*
 * Quotation marks (one rule for every screen): a quoted value is wrapped once — «…» in Russian, “…” in
 * English — and quotes inside it become the inner kind („…“ in Russian, ‘…’ in English), so an
 * organization's name that carries its own quotes is never nested: «ООО „Тест Инновации“». A value
 * already wrapped whole in quotes keeps them. Locale texts say `{{name, quoted}}` (the i18next
 * formatter in src/web/i18n) instead of writing the marks themselves.
 */
const OUTER: Record<"ru" | "en", [string, string]> = { ru: ["«", "»"], en: ["“", "”"] };
const INNER: Record<"ru" | "en", [string, string]> = { ru: ["„", "“"], en: ["‘", "’"] };
const QUOTE_PAIRS: [string, string][] = [
  ["«", "»"],
  ["“", "”"],
  ["„", "“"],
  ['"', '"'],
];

/** The value in the language's quotes, its own quotes turned into the inner kind (see above). */
export function quoted(value: string, locale: string): string {
  const lang = locale === "en" ? "en" : "ru";
  const text = value.trim();
  const [open, close] = OUTER[lang];
  const [innerOpen, innerClose] = INNER[lang];
  // wrapped whole already (one pair, nothing quoted inside): keep it, in this language's marks
  for (const [o, c] of QUOTE_PAIRS) {
    if (text.length > 1 && text.startsWith(o) && text.endsWith(c)) {
      const body = text.slice(o.length, -c.length);
      if (!/[«»“”„"]/.test(body)) return `${open}${body}${close}`;
    }
  }
  // inner quotes: «…» and "…" pairs become the inner kind; a stray mark is left as it is
  const inner = text
    .replace(/«([^«»]*)»/g, `${innerOpen}$1${innerClose}`)
    .replace(/"([^"]*)"/g, `${innerOpen}$1${innerClose}`)
    .replace(/“([^“”]*)”/g, `${innerOpen}$1${innerClose}`);
  return `${open}${inner}${close}`;
}

/** A text on one line cut to a readable length (a title or a reason in a notification's title). */
export const shortened = (s: unknown, max = 140) => {
  const v = String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};
