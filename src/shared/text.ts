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

/** NFC-normalized and trimmed. */
export const cleanText = (s: string) => s.normalize("NFC").trim();

const checked = (max: number, multiline: boolean) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasUnsafeChars(v, multiline), { message: "field.unsafe-text" });

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
