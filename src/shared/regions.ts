/**
 * Federal subjects of Russia and common foreign countries. Names are in the shared catalogue (src/locales/<locale>/shared/vocabulary.json).
 *
 * Region codes are the tax service's codes of subjects (the first two digits of INN, KPP and the
 * tax office code; ФНС order ЕД-7-21/420@ as amended by ЕД-7-21/988@ of 28.10.2022). For the 85
 * "old" subjects they coincide with the primary vehicle-plate codes.
 *
 * Careful with the four subjects admitted in 2022: the tax service gave them 90, 93, 94 and 95,
 * while the Interior Ministry gave them the vehicle-plate codes 80, 81, 84, 85 (`plateCode`). In the
 * tax classifier 80, 81, 84 and 85 were the Aginsky Buryat, Komi-Permyak, Taymyr and Ust-Orda Buryat
 * autonomous okrugs, merged into other subjects in 2005–2008; they are not subjects any more and are
 * not listed. Baikonur (99, "other territories") is not a subject and is not listed either.
 */

import { say, type Texts, withTexts } from "./catalogue.js";
import type { Locale } from "./constants.js";

/** A subject: its tax code, its name in every language, and its plate code where that differs. */
export type Region = { code: string; plateCode?: string } & Texts;

export const MOSCOW = "77";

/** The subjects' tax codes, in order; names: `region.<code>` in the shared catalogue. */
const REGION_CODES = [
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
  "26",
  "27",
  "28",
  "29",
  "30",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "38",
  "39",
  "40",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "47",
  "48",
  "49",
  "50",
  "51",
  "52",
  "53",
  "54",
  "55",
  "56",
  "57",
  "58",
  "59",
  "60",
  "61",
  "62",
  "63",
  "64",
  "65",
  "66",
  "67",
  "68",
  "69",
  "70",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
  "77",
  "78",
  "79",
  "83",
  "86",
  "87",
  "89",
  "90",
  "91",
  "92",
  "93",
  "94",
  "95",
] as const;

/** The vehicle-plate codes that differ from the tax codes (the subjects admitted in 2022). */
const PLATE_CODES: Readonly<Record<string, string>> = { "90": "85", "93": "80", "94": "81", "95": "84" };

export const REGIONS: readonly Region[] = REGION_CODES.map((code) =>
  withTexts(PLATE_CODES[code] ? { code, plateCode: PLATE_CODES[code] } : { code }, say(`region.${code}`)),
);

const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

export function isRegionCode(code: string): boolean {
  return regionByCode.has(code);
}

/** The subject's name, or null for an unknown code. */
export function regionName(code: string, locale: Locale): string | null {
  return regionByCode.get(code)?.[locale] ?? null;
}

export type Country = { code: string } & Texts;

/**
 * Common countries of foreign organizations (ISO 3166-1 alpha-2), Russia excluded. Not exhaustive:
 * a foreign organization may give any alpha-2 code; unknown codes are shown as the code.
 */
const COUNTRY_CODES = [
  "AE",
  "AM",
  "AR",
  "AT",
  "AU",
  "AZ",
  "BD",
  "BE",
  "BH",
  "BR",
  "BY",
  "CA",
  "CH",
  "CN",
  "CU",
  "CY",
  "CZ",
  "DE",
  "DK",
  "DZ",
  "EG",
  "ES",
  "ET",
  "FI",
  "FR",
  "GB",
  "GE",
  "GR",
  "HK",
  "HU",
  "ID",
  "IL",
  "IN",
  "IR",
  "IT",
  "JP",
  "KG",
  "KR",
  "KW",
  "KZ",
  "LK",
  "MA",
  "MD",
  "MN",
  "MX",
  "MY",
  "NG",
  "NL",
  "NO",
  "OM",
  "PK",
  "PL",
  "PT",
  "QA",
  "RS",
  "SA",
  "SE",
  "SG",
  "TH",
  "TJ",
  "TM",
  "TN",
  "TR",
  "US",
  "UZ",
  "VE",
  "VN",
  "ZA",
] as const;

export const COUNTRIES: readonly Country[] = COUNTRY_CODES.map((code) =>
  withTexts({ code }, say(`country.${code}`)),
);

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country's name, or null when it is not in COUNTRIES. */
export function countryName(code: string, locale: Locale): string | null {
  return countryByCode.get(code)?.[locale] ?? null;
}
