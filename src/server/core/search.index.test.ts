// The in-memory index's set algebra against a direct computation over the rows: filters, the total,
// each facet counted under the other filters, pages of a fixed order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bitset, CatalogIndex, type IndexDefinition } from "./search.index.js";

type Row = { id: string; color: string | null; tags: string[]; place: number };
type F = "color" | "tags";

const DEF: IndexDefinition<Row, F, "place"> = {
  catalog: "test",
  load: async () => [],
  id: (r) => r.id,
  facets: { color: (r) => r.color, tags: (r) => r.tags },
  orders: { place: (r) => r.place },
};

const COLORS = ["red", "green", "blue", "black"];
const TAGS = ["a", "b", "c", "d", "e"];
const row = fc.record({
  color: fc.option(fc.constantFrom(...COLORS), { nil: null }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  place: fc.integer({ min: 0, max: 50 }),
});
const has = (r: Row, f: F, values: string[]) =>
  f === "color" ? r.color !== null && values.includes(r.color) : r.tags.some((t) => values.includes(t));

describe("the catalog index", () => {
  it("a bitset counts, intersects and lists as a set of numbers does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.nat(199)),
        fc.array(fc.nat(199)),
        (n, a, b) => {
          const x = Bitset.of(
            n,
            a.filter((i) => i < n),
          );
          const y = Bitset.of(
            n,
            b.filter((i) => i < n),
          );
          const sa = new Set(a.filter((i) => i < n));
          const both = [...sa].filter((i) => b.includes(i)).sort((p, q) => p - q);
          expect(x.count()).toBe(sa.size);
          expect(x.andCount(y)).toBe(both.length);
          const listed: number[] = [];
          x.clone()
            .andWith(y)
            .forEach((i) => {
              listed.push(i);
            });
          expect(listed).toEqual(both);
          expect(Bitset.full(n).count()).toBe(n);
        },
      ),
    );
  });

  it("counts each facet under the other filters and pages an order, as a scan of the rows does", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 120 }),
        fc.option(fc.uniqueArray(fc.constantFrom(...COLORS), { minLength: 1 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1 }), { nil: undefined }),
        fc.option(fc.array(fc.nat(119)), { nil: undefined }),
        fc.nat(5),
        (raw, colors, tags, matchIds, offset) => {
          const rows: Row[] = raw.map((r, i) => ({ ...r, id: `r${i}` }));
          const index = new CatalogIndex(DEF, rows, 1);
          const match = matchIds ? index.ofIds(matchIds.map((i) => `r${i}`)) : null;
          const inMatch = (r: Row) => !matchIds || matchIds.includes(Number(r.id.slice(1)));
          const filters = new Map<F, Bitset>();
          const wanted: [F, string[]][] = [];
          if (colors) wanted.push(["color", colors]);
          if (tags) wanted.push(["tags", tags]);
          for (const [f, v] of wanted) filters.set(f, index.anyOf(f, v));
          const got = index.facetCounts(["color", "tags"], match, filters);

          const passes = (r: Row, except?: F) =>
            inMatch(r) && wanted.every(([f, v]) => f === except || has(r, f, v));
          expect(got.total).toBe(rows.filter((r) => passes(r)).length);
          for (const f of ["color", "tags"] as const) {
            const expected = new Map<string, number>();
            for (const r of rows.filter((x) => passes(x, f)))
              for (const v of f === "color" ? (r.color ? [r.color] : []) : r.tags)
                expected.set(v, (expected.get(v) ?? 0) + 1);
            expect(got.facets.get(f)).toEqual(expected);
          }
          const ordered = rows
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => passes(r))
            .sort((a, b) => a.r.place - b.r.place || a.i - b.i)
            .map(({ r }) => r.id);
          const page = index.page(index.order("place"), got.result, offset, 7).map((p) => index.ids[p]);
          expect(page).toEqual(ordered.slice(offset, offset + 7));
        },
      ),
      { numRuns: 300 },
    );
  });
});
