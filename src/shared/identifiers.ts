/**
 * Russian company identifiers: INN, OGRN, OGRNIP, KPP and OKVED2 codes.
 *
 * Pure and dependency-free (used by the server and the web app). Validators take the value as
 * typed after trimming: no spaces, no separators. Checksums follow the tax service's algorithms:
 * - INN (ИНН), 10 digits: Σ dᵢ·wᵢ over the first 9 digits, w = [2,4,10,3,5,9,4,6,8]; mod 11 mod 10.
 * - INN, 12 digits: the 11th digit from the first 10 with [7,2,4,10,3,5,9,4,6,8], the 12th from the
 *   first 11 with [3,7,2,4,10,3,5,9,4,6,8]; each mod 11 mod 10.
 * - OGRN (ОГРН), 13 digits: (first 12 digits as a number) mod 11 mod 10 is the 13th.
 * - OGRNIP (ОГРНИП), 15 digits: (first 14 digits as a number) mod 13 mod 10 is the 15th.
 * The long numbers are reduced digit by digit, never converted to a float.
 */

import { REGIONS } from "./regions.js";

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

const digitsOf = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0) - 48);
const allDigits = (s: string, length: number): boolean => s.length === length && /^\d+$/.test(s);

/** Σ dᵢ·wᵢ mod 11 mod 10 over the leading digits. */
function weightedCheck(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/** The decimal number written by `digits`, modulo `m`, computed digit by digit (exact for any length). */
function decimalMod(digits: readonly number[], m: number): number {
  let r = 0;
  for (const d of digits) r = (r * 10 + d) % m;
  return r;
}

function inn10Check(d: readonly number[]): number {
  return weightedCheck(d, INN10_WEIGHTS);
}
function inn12Checks(d: readonly number[]): [number, number] {
  const first = weightedCheck(d, INN12_WEIGHTS_1);
  const second = weightedCheck([...d.slice(0, 10), first], INN12_WEIGHTS_2);
  return [first, second];
}
const ogrnCheck = (d: readonly number[]): number => decimalMod(d.slice(0, 12), 11) % 10;
const ogrnipCheck = (d: readonly number[]): number => decimalMod(d.slice(0, 14), 13) % 10;

// ---------- validators ----------

export type InnKind = "legal" | "individual";

/** "legal" for a valid 10-digit INN (organization), "individual" for a valid 12-digit one (person, ИП). */
export function innKind(s: string): InnKind | null {
  if (allDigits(s, 10)) {
    const d = digitsOf(s);
    return inn10Check(d) === d[9] ? "legal" : null;
  }
  if (allDigits(s, 12)) {
    const d = digitsOf(s);
    const [c1, c2] = inn12Checks(d);
    return c1 === d[10] && c2 === d[11] ? "individual" : null;
  }
  return null;
}

/** A valid INN of either kind (10 or 12 digits with matching control digits). */
export function isValidInn(s: string): boolean {
  return innKind(s) !== null;
}

/** A valid OGRN (13 digits, control digit = first 12 mod 11 mod 10). */
export function isValidOgrn(s: string): boolean {
  if (!allDigits(s, 13)) return false;
  const d = digitsOf(s);
  return ogrnCheck(d) === d[12];
}

/** A valid OGRNIP (15 digits, control digit = first 14 mod 13 mod 10). */
export function isValidOgrnip(s: string): boolean {
  if (!allDigits(s, 15)) return false;
  const d = digitsOf(s);
  return ogrnipCheck(d) === d[14];
}

/**
 * KPP (КПП), 9 characters: the tax office code (4 digits: region + inspection), the reason code
 * (2 characters, digits or capital Latin letters since 2013), then an ordinal (3 digits). No checksum.
 */
export const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;
export function isValidKpp(s: string): boolean {
  return KPP_PATTERN.test(s);
}

/** OKVED2 code format: NN, NN.N, NN.NN, NN.NN.N or NN.NN.NN with a class 01–99. */
export const OKVED_CODE_PATTERN = /^(?!00)\d{2}(\.\d{1,2}|\.\d{2}\.\d{1,2})?$/;
export function isValidOkvedCode(s: string): boolean {
  return OKVED_CODE_PATTERN.test(s);
}

/** The region code (first two digits) of an INN, when it is a valid INN. */
export function innRegionCode(inn: string): string | null {
  return isValidInn(inn) ? inn.slice(0, 2) : null;
}

// ---------- field errors ----------

/**
 * What identifierError checks: "inn" accepts either length; "inn10" / "inn12" require the
 * legal-entity / individual form (the organization's type decides which).
 */
export const IDENTIFIER_KINDS = ["inn", "inn10", "inn12", "ogrn", "ogrnip", "kpp"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The accepted lengths of each kind (KPP counts characters, the rest count digits). */
export const IDENTIFIER_LENGTHS: Readonly<Record<IdentifierKind, readonly [number, ...number[]]>> = {
  inn: [10, 12],
  inn10: [10],
  inn12: [12],
  ogrn: [13],
  ogrnip: [15],
  kpp: [9],
};

export type IdentifierErrorReason = "required" | "digits" | "checksum";

/**
 * Why a value is not a valid identifier of that kind:
 * - "required": empty;
 * - "digits": wrong length or characters; `length` is the expected length (`lengths` all accepted ones,
 *   e.g. [10, 12] for "inn": "ИНН должен состоять из 10 или 12 цифр");
 * - "checksum": right shape, control digit does not match ("Контрольная сумма ИНН не сходится").
 * KPP has no checksum: a malformed KPP reports "digits" with length 9.
 */
export type IdentifierError =
  | { reason: "required" }
  | { reason: "digits"; length: number; lengths: readonly number[] }
  | { reason: "checksum" };

export function identifierError(
  kind: IdentifierKind,
  value: string | null | undefined,
): IdentifierError | null {
  if (value === null || value === undefined || value === "") return { reason: "required" };
  const lengths = IDENTIFIER_LENGTHS[kind];
  const digits = (): IdentifierError => ({ reason: "digits", length: lengths[0], lengths });
  if (kind === "kpp") return isValidKpp(value) ? null : digits();
  if (!/^\d+$/.test(value) || !lengths.includes(value.length)) return digits();
  let valid: boolean;
  switch (kind) {
    case "inn":
    case "inn10":
    case "inn12":
      valid = isValidInn(value);
      break;
    case "ogrn":
      valid = isValidOgrn(value);
      break;
    case "ogrnip":
      valid = isValidOgrnip(value);
      break;
  }
  return valid ? null : { reason: "checksum" };
}

// ---------- generators (seed data, tests) ----------

/** A random number source in [0, 1), e.g. Math.random or a seeded PRNG. */
export type Rng = () => number;

const randInt = (rng: Rng, min: number, max: number): number =>
  Math.min(max, min + Math.floor(rng() * (max - min + 1)));
const randDigits = (rng: Rng, n: number): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += String(randInt(rng, 0, 9));
  return s;
};
const pad2 = (n: number): string => String(n).padStart(2, "0");

function regionOrRandom(rng: Rng, region: string | undefined): string {
  if (region !== undefined) {
    if (!/^\d{2}$/.test(region)) throw new RangeError(`Region code must be two digits: ${region}`);
    return region;
  }
  return REGIONS[randInt(rng, 0, REGIONS.length - 1)]?.code ?? "77";
}
/** A tax office code: region + inspection number (01–51). */
const taxOffice = (rng: Rng, region: string | undefined): string =>
  regionOrRandom(rng, region) + pad2(randInt(rng, 1, 51));

function yearDigits(rng: Rng, year: number | undefined): string {
  const y = year ?? randInt(rng, 2002, 2025);
  if (!Number.isInteger(y) || y < 1900) throw new RangeError(`Bad registration year: ${y}`);
  return pad2(y % 100);
}

export type GeneratorOptions = { region?: string };

/** A valid INN: 10 digits for "legal", 12 for "individual"; the region is random unless given. */
export function makeInn(kind: InnKind, rng: Rng, opts: GeneratorOptions = {}): string {
  const office = taxOffice(rng, opts.region);
  if (kind === "legal") {
    const body = office + randDigits(rng, 5);
    return body + String(inn10Check(digitsOf(body)));
  }
  const body = office + randDigits(rng, 6);
  const [c1, c2] = inn12Checks(digitsOf(body));
  return body + String(c1) + String(c2);
}

/**
 * A valid OGRN: sign (1 or 5), the last two digits of the registration year, region, inspection,
 * a 5-digit record number and the control digit.
 */
export function makeOgrn(
  rng: Rng,
  opts: GeneratorOptions & { year?: number; sign?: "1" | "5" } = {},
): string {
  const sign = opts.sign ?? (rng() < 0.7 ? "1" : "5");
  const body = sign + yearDigits(rng, opts.year) + taxOffice(rng, opts.region) + randDigits(rng, 5);
  return body + String(ogrnCheck(digitsOf(body)));
}

/** A valid OGRNIP: 3, the year's last two digits, region, a 9-digit record number and the control digit. */
export function makeOgrnip(rng: Rng, opts: GeneratorOptions & { year?: number } = {}): string {
  const body = `3${yearDigits(rng, opts.year)}${regionOrRandom(rng, opts.region)}${randDigits(rng, 9)}`;
  return body + String(ogrnipCheck(digitsOf(body)));
}

/** A valid KPP in the region: inspection, reason code (mostly 01, the organization's seat), ordinal 001. */
export function makeKpp(regionCode: string, rng: Rng): string {
  const reason = rng() < 0.85 ? "01" : "43";
  return `${taxOffice(rng, regionCode)}${reason}001`;
}
