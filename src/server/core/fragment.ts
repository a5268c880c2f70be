// Neutral SQL fragments written by shared code (src/shared/sqlFragment.ts) as drizzle SQL: text stays
// text, values become bound parameters, and column references are resolved against the table the
// statement reads (an unknown column is an error, not a guess).

import { getTableColumns, type SQL, sql, type Table } from "drizzle-orm";
import type { Fragment } from "../../shared/sqlFragment.js";
import { textArray } from "./db.js";

export type ColumnResolver = (name: string) => SQL | undefined;

export function fromFragment(fragment: Fragment, column: ColumnResolver): SQL {
  return sql.join(
    fragment.parts.map((p): SQL => {
      switch (p.kind) {
        case "text":
          return sql.raw(p.text);
        case "value":
          return sql`${p.value}`;
        case "texts":
          return textArray(p.values);
        case "fragment":
          return fromFragment(p.fragment, column);
      }
      const c = column(p.name);
      if (!c) throw new Error(`no column "${p.name}" for an eligibility criterion`);
      return c;
    }),
    sql``,
  );
}

/** Resolves drizzle property names (`regionCode`) or SQL names (`crit_types`) of a table's columns. */
export function tableColumns(table: Table): ColumnResolver {
  const byName = new Map<string, SQL>();
  for (const [key, c] of Object.entries(getTableColumns(table))) {
    byName.set(key, sql`${c}`);
    byName.set(c.name, sql`${c}`);
  }
  return (name) => byName.get(name);
}
