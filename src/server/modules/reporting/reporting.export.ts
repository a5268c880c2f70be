// The operator's table as a spreadsheet: CSV for Excel (the measures' writer: UTF-8 with a BOM, ";",
// CRLF, a cell starting with = + - @ defused with an apostrophe) or XLSX (exceljs: figures as numbers,
// texts as text cells — a cell is never a formula, so "=HYPERLINK(…)" in a name stays text).
import ExcelJS from "exceljs";
import type { KpiReportState } from "../../../shared/kpiReports.js";
import type { Ctx } from "../../core/context.js";
import { t } from "../../core/i18n.js";
import { toCsv } from "../measures/measures.io.service.js";
import { EXPORT_COLUMNS, exportRows } from "./reporting.service.js";

const MONEY = new Set(["revenue", "rndSpending", "exportRevenue"]);
const COUNT = new Set(["headcount", "patentsFiled"]);

export async function exportTable(
  ctx: Ctx,
  campaignId: string,
  format: "csv" | "xlsx",
  state?: KpiReportState,
) {
  const { campaign, headers, data } = await exportRows(ctx, campaignId, state);
  const name = `kpi-${campaign.year}${state ? `-${state}` : ""}`;
  if (format === "csv") {
    const csv = toCsv(
      data.map((r) => Object.fromEntries(EXPORT_COLUMNS.map((k) => [headers[k], r[k] ?? ""]))),
      EXPORT_COLUMNS.map((k) => headers[k]),
    );
    return { name: `${name}.csv`, type: "text/csv; charset=utf-8", body: csv };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Innocluster";
  const ws = wb.addWorksheet(t(ctx.locale, "kpi.export.sheet", { year: campaign.year }), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.columns = EXPORT_COLUMNS.map((k) => ({
    header: headers[k],
    key: k,
    width: k === "organization" || k === "returnReason" ? 40 : MONEY.has(k) ? 18 : 14,
    ...(MONEY.has(k) ? { style: { numFmt: "#,##0" } } : COUNT.has(k) ? { style: { numFmt: "0" } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of data) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    name: `${name}.xlsx`,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body,
  };
}
