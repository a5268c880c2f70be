import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * One row per catalog ("directory", "measures"): a number bumped by statement triggers in the same
 * transaction as every write to the catalog's tables (migration 0015), so a cached answer keyed by it
 * is never served after a committed change, on any app server (core/search.ts).
 */
export const searchGenerations = pgTable("search_generations", {
  catalog: text("catalog").primaryKey(),
  gen: bigint("gen", { mode: "number" }).notNull().default(0),
});

/**
 * The words of a catalog's names or titles (lower case, 4+ letters), kept by triggers on its table:
 * a misspelt query word is corrected to the lexicon's words within its edit distance (core/search.ts).
 * Trigram GiST indexes per catalog (partial, `where catalog = '…'`) find the candidates.
 */
export const searchLexicon = pgTable(
  "search_lexicon",
  {
    catalog: text("catalog").notNull(),
    word: text("word").notNull(),
  },
  (t) => [primaryKey({ columns: [t.catalog, t.word] })],
);
