import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";

const URL_RE = /https?:\/\/[^\s<>"'`]+/g;
const TRAILING = /[.,;:!?)\]}»"']+$/;

/** Plain text with every http(s) URL turned into a link (trailing punctuation stays text). */
export function linkify(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    let url = match[0];
    const trail = TRAILING.exec(url)?.[0] ?? "";
    if (trail) url = url.slice(0, -trail.length);
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <Anchor key={`${start}-${url}`} href={url} inherit>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
