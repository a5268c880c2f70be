/*
 * News (the operator's articles): states, limits, the address of an article and the one safe format of
 * its body, shared by the server (API, feeds) and the web (the article page).
 *
 * The body is plain text with a small Markdown subset, never HTML: blocks are separated by a blank line;
 * a block starting with "## " is a heading, lines starting with "- " make a list, anything else is a
 * paragraph (single line breaks kept). Inline: **bold** and [text](https://…) links (http and https
 * only; anything else stays text). `parseBody` turns it into a tree of plain strings that the web renders
 * as React elements and the feeds as escaped HTML: no markup the author typed ever reaches a page.
 */

import { latin } from "./translit.js";

export const NEWS_STATES = ["draft", "published", "archived"] as const;
export type NewsState = (typeof NEWS_STATES)[number];

export const NEWS_TITLE_MIN = 5;
export const NEWS_TITLE_MAX = 200;
export const NEWS_LEAD_MIN = 20;
export const NEWS_LEAD_MAX = 600;
export const NEWS_BODY_MIN = 20;
export const NEWS_BODY_MAX = 40_000;
export const NEWS_TAGS_MAX = 8;
export const NEWS_TAG_MAX = 40;
export const NEWS_COVER_ALT_MAX = 300;
/** Covers: PNG, JPEG or WebP up to 5 MB. */
export const NEWS_COVER_MAX_BYTES = 5 * 1024 * 1024;

export type Inline = { text: string; bold?: true; href?: string };
export type Block =
  | { type: "p"; lines: Inline[][] }
  | { type: "h"; text: string }
  | { type: "ul"; items: Inline[][] };

const INLINE = /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** A line's inline parts: text, **bold**, [links](https://…). */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true });
    else out.push({ text: m[2]!, href: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/** The body's blocks (see the format above). */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    if (lines.length === 1 && lines[0]!.startsWith("## ")) {
      blocks.push({ type: "h", text: lines[0]!.slice(3).trim() });
    } else if (lines.every((l) => l.startsWith("- "))) {
      blocks.push({ type: "ul", items: lines.map((l) => parseInline(l.slice(2).trim())) });
    } else {
      blocks.push({ type: "p", lines: lines.map((l) => parseInline(l.trim())) });
    }
  }
  return blocks;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const inlineHtml = (parts: Inline[]) =>
  parts
    .map((p) =>
      p.href
        ? `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`
        : p.bold
          ? `<strong>${escapeHtml(p.text)}</strong>`
          : escapeHtml(p.text),
    )
    .join("");

/** The body as HTML (the feeds' content), every character of the author's text escaped. */
export function bodyHtml(body: string): string {
  return parseBody(body)
    .map((b) =>
      b.type === "h"
        ? `<h2>${escapeHtml(b.text)}</h2>`
        : b.type === "ul"
          ? `<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join("")}</ul>`
          : `<p>${b.lines.map(inlineHtml).join("<br>")}</p>`,
    )
    .join("\n");
}

/**
 * An article's address word: its title in Latin letters (src/shared/translit.ts), at most 60
 * characters cut at a word, then a dash and the first 6 characters of its id, so that it is unique
 * and stays the same when the title is edited later.
 */
export function newsSlug(title: string, id: string): string {
  let words = latin(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  if (words.length === 60 && words.includes("-")) words = words.slice(0, words.lastIndexOf("-"));
  const suffix = id.replace(/-/g, "").slice(0, 6);
  return words ? `${words}-${suffix}` : suffix;
}

/** Tags are kept lower-case, trimmed, each once. */
export const normalizeTags = (tags: readonly string[]) => [
  ...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean)),
];
