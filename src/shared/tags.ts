/**
 * The platform's one technology taxonomy, reused by organizations, measures, exchanges, challenges
 * and projects. Slugs are stable (stored in the database and URLs); labels are in the shared catalogue (src/locales/<locale>/shared/vocabulary.json).
 */

import { labelsOf, type Texts, withTexts } from "./catalogue.js";
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

export type Tag = { slug: TagSlug } & Texts;

const LABELS = labelsOf("tag", TAG_SLUGS);
/** The tags' labels by slug (a vocabulary of the exchanges' listings too). */
export const TAG_LABELS = LABELS;

export const TAGS: readonly Tag[] = TAG_SLUGS.map((slug) => withTexts({ slug }, LABELS[slug]));

export function isTagSlug(s: string): s is TagSlug {
  return Object.hasOwn(LABELS, s);
}

/** The tag's label; an unknown slug is returned as is. */
export function tagLabel(slug: string, locale: Locale): string {
  return isTagSlug(slug) ? LABELS[slug][locale] : slug;
}
