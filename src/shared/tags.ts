/**
 * The platform's one technology taxonomy, reused by organizations, measures, exchanges, challenges
 * and projects. Slugs are stable (stored in the database and URLs); labels are data, not UI strings.
 */

import type { Locale } from "./constants.js";

export const TAG_SLUGS = [
  "ai",
  "robotics",
  "biotech",
  "medtech",
  "pharma",
  "new-materials",
  "energy",
  "cleantech",
  "transport",
  "urban-tech",
  "fintech",
  "edtech",
  "space",
  "agritech",
  "foodtech",
  "iot",
  "cybersecurity",
  "big-data",
  "vr-ar",
  "microelectronics",
  "photonics",
  "quantum",
  "additive-manufacturing",
  "drones",
] as const;
export type TagSlug = (typeof TAG_SLUGS)[number];

export type Tag = { slug: TagSlug; ru: string; en: string };

const LABELS: Readonly<Record<TagSlug, { ru: string; en: string }>> = {
  ai: { ru: "Искусственный интеллект", en: "Artificial intelligence" },
  robotics: { ru: "Робототехника", en: "Robotics" },
  biotech: { ru: "Биотехнологии", en: "Biotechnology" },
  medtech: { ru: "Медицинские технологии", en: "Medical technology" },
  pharma: { ru: "Фармацевтика", en: "Pharmaceuticals" },
  "new-materials": { ru: "Новые материалы", en: "New materials" },
  energy: { ru: "Энергетика", en: "Energy" },
  cleantech: { ru: "Экологические технологии", en: "Clean technology" },
  transport: { ru: "Транспорт и мобильность", en: "Transport and mobility" },
  "urban-tech": { ru: "Городские технологии", en: "Urban technology" },
  fintech: { ru: "Финансовые технологии", en: "Financial technology" },
  edtech: { ru: "Образовательные технологии", en: "Education technology" },
  space: { ru: "Космические технологии", en: "Space technology" },
  agritech: { ru: "Агротехнологии", en: "Agricultural technology" },
  foodtech: { ru: "Пищевые технологии", en: "Food technology" },
  iot: { ru: "Интернет вещей", en: "Internet of things" },
  cybersecurity: { ru: "Кибербезопасность", en: "Cybersecurity" },
  "big-data": { ru: "Большие данные", en: "Big data" },
  "vr-ar": { ru: "Виртуальная и дополненная реальность", en: "Virtual and augmented reality" },
  microelectronics: { ru: "Микроэлектроника", en: "Microelectronics" },
  photonics: { ru: "Фотоника", en: "Photonics" },
  quantum: { ru: "Квантовые технологии", en: "Quantum technology" },
  "additive-manufacturing": { ru: "Аддитивные технологии", en: "Additive manufacturing" },
  drones: { ru: "Беспилотные системы", en: "Drones and unmanned systems" },
};

export const TAGS: readonly Tag[] = TAG_SLUGS.map((slug) => ({ slug, ...LABELS[slug] }));

export function isTagSlug(s: string): s is TagSlug {
  return Object.hasOwn(LABELS, s);
}

/** The tag's label; an unknown slug is returned as is. */
export function tagLabel(slug: string, locale: Locale): string {
  return isTagSlug(slug) ? LABELS[slug][locale] : slug;
}
