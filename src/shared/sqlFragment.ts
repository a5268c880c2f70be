/**
 * SQL written by shared code (the eligibility criteria, src/shared/criteria.ts) without the database
 * layer: a tagged template that keeps text and values apart, which the server turns into drizzle's
 * `SQL` (server/core/db.ts `fromFragment`) with every value bound as a parameter. Shared code (and the
 * web bundle that imports it) never needs drizzle.
 */

export type FragmentPart =
  | { kind: "text"; text: string }
  | { kind: "value"; value: string | number | boolean | null }
  | { kind: "texts"; values: readonly string[] }
  /** A column, resolved by the server against the table the statement reads. */
  | { kind: "column"; name: string }
  | { kind: "fragment"; fragment: Fragment };

export class Fragment {
  constructor(readonly parts: readonly FragmentPart[]) {}
}

type Interpolated = Fragment | string | number | boolean | null;

/** q`col = ${value}`: interpolated fragments are embedded, anything else is bound as a parameter. */
export function q(strings: TemplateStringsArray, ...values: Interpolated[]): Fragment {
  const parts: FragmentPart[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: "text", text });
    if (i < values.length) {
      const v = values[i] as Interpolated;
      parts.push(v instanceof Fragment ? { kind: "fragment", fragment: v } : { kind: "value", value: v });
    }
  });
  return new Fragment(parts);
}

/** Trusted SQL text (identifiers, literals built from the code's own vocabularies); never user data. */
export const raw = (text: string) => new Fragment([{ kind: "text", text }]);

/** A text[] parameter. */
export const texts = (values: readonly string[]) => new Fragment([{ kind: "texts", values }]);

/** The fragments joined by a separator. */
export function joinFragments(fragments: readonly Fragment[], separator: string): Fragment {
  const parts: FragmentPart[] = [];
  fragments.forEach((fragment, i) => {
    if (i > 0) parts.push({ kind: "text", text: separator });
    parts.push({ kind: "fragment", fragment });
  });
  return new Fragment(parts);
}

/** A SQL literal of a text array from the code's own words (quotes doubled). */
export const textArrayLiteral = (words: readonly string[]) =>
  `array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(",")}]::text[]`;
