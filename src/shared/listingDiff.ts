// What a change of a published listing changes: the operator decides on it (the moderation queue) and
// the author sees what waits (the listing's page). One pure function, read by the web and the server
// (a change left with nothing to decide is dropped when its last new file goes).

import type { FieldValue, ListingField, ListingKind, ListingValues } from "./listings.js";

/** A listing's content as the author writes it and the operator approves it. */
export interface DiffContent {
  titleRu: string;
  titleEn: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  values: ListingValues;
}

/** The texts of a listing, in the order a page shows them. */
export const CONTENT_TEXTS = ["titleRu", "titleEn", "descriptionRu", "descriptionEn"] as const;
export type ContentText = (typeof CONTENT_TEXTS)[number];

/** One changed piece of the content: a text, or a declared field (its value before and after; absent: none). */
export type ContentChange =
  | { kind: "text"; key: ContentText; before: string | null; after: string | null }
  | {
      kind: "field";
      key: string;
      field: ListingField;
      before: FieldValue | undefined;
      after: FieldValue | undefined;
      /** A multiple choice: the values chosen now and not before, and those no longer chosen. */
      added: string[];
      removed: string[];
    };

/** A value as compared: nothing, "no" and an empty text or list are the same (a page shows none of them). */
function canonical(v: FieldValue | null | undefined): string | undefined {
  if (v === undefined || v === null || v === false || v === "") return undefined;
  if (Array.isArray(v)) return v.length ? JSON.stringify([...v].sort()) : undefined;
  if (typeof v === "object") return JSON.stringify([v.from, v.to ?? null]);
  return JSON.stringify(v);
}

const listOf = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : []);

/**
 * The pieces of `after` that differ from `before`: the titles and descriptions, then the kind's fields in
 * their declared order (private ones too: only the listing's organization and operators see a change).
 * Nothing changed: an empty list.
 */
export function contentChanges(kind: ListingKind, before: DiffContent, after: DiffContent): ContentChange[] {
  const changes: ContentChange[] = [];
  for (const key of CONTENT_TEXTS) {
    const b = before[key] || null;
    const a = after[key] || null;
    if (b !== a) changes.push({ kind: "text", key, before: b, after: a });
  }
  for (const field of kind.fields) {
    const b = before.values[field.key];
    const a = after.values[field.key];
    if (canonical(b) === canonical(a)) continue;
    const was = listOf(b);
    const now = listOf(a);
    changes.push({
      kind: "field",
      key: field.key,
      field,
      before: canonical(b) === undefined ? undefined : b,
      after: canonical(a) === undefined ? undefined : a,
      added: now.filter((x) => !was.includes(x)),
      removed: was.filter((x) => !now.includes(x)),
    });
  }
  return changes;
}

/** How many pieces a page could show of the content (texts and fields), to say how many did not change. */
export const contentPieces = (kind: ListingKind) => CONTENT_TEXTS.length + kind.fields.length;
