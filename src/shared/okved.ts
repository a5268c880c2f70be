/**
 * OKVED2 (ОК 029-2014, КДЕС ред. 2; NACE Rev. 2) sections A–U with the two-digit classes each
 * covers. Names are in the shared catalogue (src/locales/<locale>/shared/vocabulary.json).
 */

import { say, type Texts, withTexts } from "./catalogue.js";
import type { Locale } from "./constants.js";
import { isValidOkvedCode } from "./identifiers.js";

export const OKVED_SECTION_LETTERS = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "I",
  "J",
  "K",
  "L",
  "M",
  "N",
  "O",
  "P",
  "Q",
  "R",
  "S",
  "T",
  "U",
] as const;
export type OkvedSectionLetter = (typeof OKVED_SECTION_LETTERS)[number];

export type OkvedSection = Texts & {
  letter: OkvedSectionLetter;
  /** The first and last two-digit class of the section (inclusive). */
  classes: readonly [number, number];
};

/** The two-digit classes each section covers (first and last, inclusive). */
const CLASSES: Readonly<Record<OkvedSectionLetter, readonly [number, number]>> = {
  A: [1, 3],
  B: [5, 9],
  C: [10, 33],
  D: [35, 35],
  E: [36, 39],
  F: [41, 43],
  G: [45, 47],
  H: [49, 53],
  I: [55, 56],
  J: [58, 63],
  K: [64, 66],
  L: [68, 68],
  M: [69, 75],
  N: [77, 82],
  O: [84, 84],
  P: [85, 85],
  Q: [86, 88],
  R: [90, 93],
  S: [94, 96],
  T: [97, 98],
  U: [99, 99],
};

export const OKVED_SECTIONS: readonly OkvedSection[] = OKVED_SECTION_LETTERS.map((letter) =>
  withTexts({ letter, classes: CLASSES[letter] }, say(`okved.${letter}`)),
);

const sectionByLetter = new Map(OKVED_SECTIONS.map((s) => [s.letter as string, s]));

export function isOkvedSection(letter: string): letter is OkvedSectionLetter {
  return sectionByLetter.has(letter);
}

/** The section's name, or null for an unknown letter. */
export function okvedSectionName(letter: string, locale: Locale): string | null {
  return sectionByLetter.get(letter)?.[locale] ?? null;
}

/**
 * The section of an OKVED2 code ("62.01" → "J"), or null when the code is malformed or its class is
 * one the classifier leaves unused (04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89).
 */
export function okvedSectionOfCode(code: string): OkvedSectionLetter | null {
  if (!isValidOkvedCode(code)) return null;
  const cls = Number(code.slice(0, 2));
  return OKVED_SECTIONS.find((s) => cls >= s.classes[0] && cls <= s.classes[1])?.letter ?? null;
}
