// A dashboard's tables as files: CSV for Excel (the measures' writer: UTF-8 with a BOM, ";", CRLF, a cell
// starting with = + - @ defused with an apostrophe; one table) or XLSX (exceljs: a sheet per table, figures
// as number cells formatted by their column's kind, texts as text cells — never a formula).
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { ColumnKind, Dashboard } from "../../../shared/analytics.js";
import type { Ctx } from "../../core/context.js";
import { badRequest } from "../../core/errors.js";
import { toCsv } from "../measures/measures.io.service.js";
import type { AnalyticsTableInput, ExportFiltersQuery } from "./analytics.contract.js";
import { DASHBOARD_QUERIES, resolveFilters } from "./analytics.service.js";

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = {
  money: "#,##0",
  days: "0.0",
  percent: "0.0",
  count: "0",
};

/** A sheet's name as Excel takes it: no []:*?/\ and at most 31 characters, unique in the workbook. */
function sheetName(title: string, taken: Set<string>) {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function addSheet(wb: ExcelJS.Workbook, tbl: AnalyticsTableInput, taken: Set<string>) {
  const ws = wb.addWorksheet(sheetName(tbl.title, taken), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = tbl.columns.map((c) => {
    const numFmt = NUMBER_FORMAT[c.kind];
    return {
      header: c.label,
      key: c.key,
      width: c.kind === "text" ? 36 : Math.max(12, Math.min(30, c.label.length + 2)),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  ws.getRow(1).font = { bold: true };
  for (const r of tbl.rows) {
    ws.addRow(
      Object.fromEntries(
        tbl.columns.map((c) => {
          const v = r[c.key] ?? null;
          // A number column gets a number cell; a text (a name that looks like "=1+1") stays a string.
          return [
            c.key,
            NUMBER_FORMAT[c.kind] ? (v === null ? null : Number(v)) : v === null ? null : String(v),
          ];
        }),
      ),
    );
  }
}

/**
 * A cell as Excel with Russian settings reads a ";" file: a fraction with a decimal comma ("3,5" — "3.5"
 * would become the date 3 May), a whole number as it is, no value empty.
 */
export const csvCell = (v: string | number | null | undefined) =>
  v === null || v === undefined
    ? ""
    : typeof v === "number" && !Number.isInteger(v)
      ? String(v).replace(".", ",")
      : v;

/** The file of one table (CSV or XLSX) or of every table (XLSX) of a dashboard for the filters. */
export async function exportDashboard(ctx: Ctx, dashboard: Dashboard, q: z.infer<typeof ExportFiltersQuery>) {
  if (q.format === "csv" && !q.table) throw badRequest([{ field: "table", key: "field.required" }]);
  const f = resolveFilters(q);
  const all = await DASHBOARD_QUERIES[dashboard](ctx, f);
  const tables = q.table ? all.filter((x) => x.key === q.table) : all;
  if (q.table && tables.length === 0) throw badRequest([{ field: "table", key: "field.invalid" }]);
  const period = f.from === f.to ? f.from : `${f.from}_${f.to}`;
  const name = ["analytics", dashboard, q.table, period, f.region, f.orgType].filter(Boolean).join("-");
  if (q.format === "csv") {
    const tbl = tables[0]!;
    const labels = tbl.columns.map((c) => c.label);
    const body = toCsv(
      tbl.rows.map((r) => Object.fromEntries(tbl.columns.map((c) => [c.label, csvCell(r[c.key])]))),
      labels,
    );
    return { name: `${name}.csv`, type: "text/csv; charset=utf-8", body };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Innocluster";
  const taken = new Set<string>();
  for (const tbl of tables) addSheet(wb, tbl, taken);
  return {
    name: `${name}.xlsx`,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
