/**
 * OKVED2 (ОК 029-2014, КДЕС ред. 2; NACE Rev. 2) sections A–U with the two-digit classes each
 * covers. Data, not UI strings.
 */

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

export type OkvedSection = {
  letter: OkvedSectionLetter;
  ru: string;
  en: string;
  /** The first and last two-digit class of the section (inclusive). */
  classes: readonly [number, number];
};

export const OKVED_SECTIONS: readonly OkvedSection[] = [
  {
    letter: "A",
    ru: "Сельское, лесное хозяйство, охота, рыболовство и рыбоводство",
    en: "Agriculture, forestry and fishing",
    classes: [1, 3],
  },
  { letter: "B", ru: "Добыча полезных ископаемых", en: "Mining and quarrying", classes: [5, 9] },
  { letter: "C", ru: "Обрабатывающие производства", en: "Manufacturing", classes: [10, 33] },
  {
    letter: "D",
    ru: "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха",
    en: "Electricity, gas, steam and air conditioning supply",
    classes: [35, 35],
  },
  {
    letter: "E",
    ru: "Водоснабжение; водоотведение, организация сбора и утилизации отходов, деятельность по ликвидации загрязнений",
    en: "Water supply; sewerage, waste management and remediation activities",
    classes: [36, 39],
  },
  { letter: "F", ru: "Строительство", en: "Construction", classes: [41, 43] },
  {
    letter: "G",
    ru: "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов",
    en: "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    classes: [45, 47],
  },
  { letter: "H", ru: "Транспортировка и хранение", en: "Transportation and storage", classes: [49, 53] },
  {
    letter: "I",
    ru: "Деятельность гостиниц и предприятий общественного питания",
    en: "Accommodation and food service activities",
    classes: [55, 56],
  },
  {
    letter: "J",
    ru: "Деятельность в области информации и связи",
    en: "Information and communication",
    classes: [58, 63],
  },
  {
    letter: "K",
    ru: "Деятельность финансовая и страховая",
    en: "Financial and insurance activities",
    classes: [64, 66],
  },
  {
    letter: "L",
    ru: "Деятельность по операциям с недвижимым имуществом",
    en: "Real estate activities",
    classes: [68, 68],
  },
  {
    letter: "M",
    ru: "Деятельность профессиональная, научная и техническая",
    en: "Professional, scientific and technical activities",
    classes: [69, 75],
  },
  {
    letter: "N",
    ru: "Деятельность административная и сопутствующие дополнительные услуги",
    en: "Administrative and support service activities",
    classes: [77, 82],
  },
  {
    letter: "O",
    ru: "Государственное управление и обеспечение военной безопасности; социальное обеспечение",
    en: "Public administration and defence; compulsory social security",
    classes: [84, 84],
  },
  { letter: "P", ru: "Образование", en: "Education", classes: [85, 85] },
  {
    letter: "Q",
    ru: "Деятельность в области здравоохранения и социальных услуг",
    en: "Human health and social work activities",
    classes: [86, 88],
  },
  {
    letter: "R",
    ru: "Деятельность в области культуры, спорта, организации досуга и развлечений",
    en: "Arts, entertainment and recreation",
    classes: [90, 93],
  },
  { letter: "S", ru: "Предоставление прочих видов услуг", en: "Other service activities", classes: [94, 96] },
  {
    letter: "T",
    ru: "Деятельность домашних хозяйств как работодателей; недифференцированная деятельность частных домашних хозяйств по производству товаров и оказанию услуг для собственного потребления",
    en: "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
    classes: [97, 98],
  },
  {
    letter: "U",
    ru: "Деятельность экстерриториальных организаций и органов",
    en: "Activities of extraterritorial organizations and bodies",
    classes: [99, 99],
  },
];

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
