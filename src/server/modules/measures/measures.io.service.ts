// Import and export of support measures (operator).
//
// Export: every measure with every field, as JSON or as CSV for Excel: UTF-8 with a BOM, ";" between
// cells, CRLF rows, RFC 4180 quoting; a cell starting with = + - @ (or a tab / carriage return) gets a
// leading apostrophe so a spreadsheet never runs it as a formula; arrays and criteria are JSON cells.
// The CSV is written with csv-stringify and read with csv-parse; only the Excel-specific parts (the
// apostrophe, the values' text, the ";"-or-"," guess) are done here.
//
// Import: a JSON array or CSV text (the export's format; the bookkeeping columns id, status, version,
// counters and dates are ignored). Every row is validated with the contract's MeasureInput (plus the
// region codes and slugs unique within the file); with any error nothing is written and the 400 lists
// every bad row and field (rows are numbered from 1 in the order of the file). Otherwise, in one
// transaction: a row whose slug names an existing measure updates it (all its editable fields are
// replaced; a version row and audit, and the subscription notices when it is published), any other
// row creates a draft.

import { CsvError, parse } from "csv-parse/sync";
import { type Options as StringifyOptions, stringify } from "csv-stringify/sync";
import { asc, inArray } from "drizzle-orm";
import type { z } from "zod";
import { FOREIGN } from "../../../shared/eligibility.js";
import { isRegionCode } from "../../../shared/regions.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Db } from "../../core/db.js";
import { AppError, type FieldError, issueToField } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { type ImportRowReport, MeasureInput } from "./measures.contract.js";
import { MEASURE_COLUMNS, measures } from "./measures.schema.js";
import { createMeasure, EDIT_KEYS, editable, type MeasureRow, updateMeasure } from "./measures.service.js";

type Input = z.infer<typeof MeasureInput>;

/** The export's columns: the bookkeeping ones, then every editable field. */
const META_KEYS = [
  "id",
  "status",
  "version",
  "views",
  "applyClicks",
  "createdAt",
  "updatedAt",
  "publishedAt",
] as const;
export const EXPORT_COLUMNS = [...META_KEYS.slice(0, 3), ...EDIT_KEYS, ...META_KEYS.slice(3)] as const;
/** Columns an import ignores (the export's bookkeeping, and derived fields of the API's views). */
const IGNORED = new Set<string>([...META_KEYS, "openNow", "rank", "createdBy"]);

const NUMBER_KEYS = new Set(["amountMin", "amountMax", "cofinancingShare"]);
const BOOLEAN_KEYS = new Set(["permanent", "isDemo"]);
const JSON_KEYS = new Set(["requiredDocuments", "industries", "tags", "criteria"]);
const NULLABLE_TEXT_KEYS = new Set([
  "slug",
  "titleEn",
  "descriptionEn",
  "applyUrl",
  "contacts",
  "opensOn",
  "closesOn",
]);

function exportRow(r: MeasureRow): Record<string, unknown> {
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    ...editable(r),
    views: r.views,
    applyClicks: r.applyClicks,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

// ---------- CSV (RFC 4180, ";"): csv-stringify and csv-parse ----------

export const BOM = "\uFEFF";

/** A cell's text, Excel-safe: a leading = + - @ (or tab / CR) is defused with an apostrophe. */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** The writer's options: ";" and CRLF, quoted when needed (and around leading / trailing spaces). */
const WRITE: StringifyOptions = {
  delimiter: ";",
  record_delimiter: "\r\n",
  // Quote a cell holding a lone "\n" or "\r" as well, not only one holding "\r\n".
  quote_record_delimiter: true,
  quoted_match: [/^\s/, /\s$/],
  cast: {
    string: defuse,
    number: (v) => defuse(String(v)),
    bigint: (v) => defuse(String(v)),
    boolean: (v) => String(v),
    date: (v) => defuse(JSON.stringify(v)),
    object: (v) => defuse(JSON.stringify(v) ?? ""),
  },
};

export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return stringify(rows, { ...WRITE, bom: true, header: true, columns: [...columns] });
}

/** Parses CSV text (BOM optional; ";" or, when the header has none, ","); returns rows of cells. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = firstLine.includes(";") || !firstLine.includes(",") ? ";" : ",";
  const rows = parse(src, {
    delimiter: sep,
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    // As a spreadsheet does: a quote inside an unquoted cell is text, and rows may differ in length
    // (a missing cell is empty, an extra one is ignored by the header's mapping).
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  return rows.filter((r) => r.some((c) => c !== ""));
}

/** A CSV cell as the value MeasureInput expects (a wrong value is left for it to report). */
function fromCell(key: string, raw: string): unknown {
  const s = /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
  if (NUMBER_KEYS.has(key)) {
    if (s.trim() === "") return null;
    const n = Number(s.replace(/[\s\u00a0]/g, "").replace(",", "."));
    return Number.isNaN(n) ? s : n;
  }
  if (BOOLEAN_KEYS.has(key)) {
    const v = s.trim().toLowerCase();
    if (v === "") return undefined;
    if (["true", "1", "да", "yes"].includes(v)) return true;
    if (["false", "0", "нет", "no"].includes(v)) return false;
    return s;
  }
  if (JSON_KEYS.has(key)) {
    const v = s.trim();
    if (v === "") return undefined;
    if (v.startsWith("[") || v.startsWith("{")) {
      try {
        return JSON.parse(v);
      } catch {
        return { __badJson: true };
      }
    }
    if (key === "criteria") return { __badJson: true };
    // A plain list: industries and tags comma-separated, documents one per line.
    return v
      .split(key === "requiredDocuments" ? /\r?\n/ : ",")
      .map((x) => x.trim())
      .filter(Boolean);
  }
  if (NULLABLE_TEXT_KEYS.has(key)) return s.trim() === "" ? null : s;
  if (s === "" && key !== "descriptionRu") return undefined;
  return s;
}

// ---------- export ----------

export async function exportMeasures(ctx: Ctx, format: "json" | "csv") {
  requireActor(ctx);
  const cols = MEASURE_COLUMNS;
  const rows = await ctx.db.select(cols).from(measures).orderBy(asc(measures.createdAt), asc(measures.id));
  const items = rows.map(exportRow);
  return format === "csv" ? toCsv(items, EXPORT_COLUMNS) : items;
}

// ---------- import ----------

export type RowReport = z.infer<typeof ImportRowReport>;

/** The import's rows as plain objects (CSV: by the header), without the ignored columns. */
export function importRows(body: unknown): { rows: unknown[]; headerErrors: FieldError[] } {
  if (typeof body === "string") {
    let parsed: string[][];
    try {
      parsed = parseCsv(body);
    } catch (e) {
      // Malformed CSV (a quote never closed…): the file as a whole is invalid.
      if (e instanceof CsvError) return { rows: [], headerErrors: [{ field: "body", key: "field.invalid" }] };
      throw e;
    }
    const [header, ...data] = parsed;
    if (!header) return { rows: [], headerErrors: [{ field: "body", key: "field.required" }] };
    const keys = header.map((h) => h.trim());
    return {
      rows: data.map((cells) => {
        const o: Record<string, unknown> = {};
        keys.forEach((k, i) => {
          if (!k || IGNORED.has(k)) return;
          const v = fromCell(k, cells[i] ?? "");
          if (v !== undefined) o[k] = v;
        });
        return o;
      }),
      headerErrors: [],
    };
  }
  if (!Array.isArray(body)) return { rows: [], headerErrors: [{ field: "body", key: "field.invalid-type" }] };
  return {
    rows: body.map((r) =>
      r && typeof r === "object" && !Array.isArray(r)
        ? Object.fromEntries(Object.entries(r).filter(([k]) => !IGNORED.has(k)))
        : r,
    ),
    headerErrors: [],
  };
}

const both = (f: FieldError) => ({
  field: f.field,
  message: { ru: t("ru", f.key, f.params), en: t("en", f.key, f.params) },
});

/** Validates every row; returns the parsed inputs or the report of every bad row. */
export function validateRows(rows: unknown[]): { inputs: Input[]; report: RowReport[] } {
  const inputs: Input[] = [];
  const report: RowReport[] = [];
  const slugs = new Map<string, number>();
  rows.forEach((raw, i) => {
    const errors: FieldError[] = [];
    const criteria = (raw as { criteria?: unknown } | null)?.criteria as { __badJson?: boolean } | undefined;
    if (criteria?.__badJson) errors.push({ field: "criteria", key: "field.invalid" });
    for (const k of ["requiredDocuments", "industries", "tags"])
      if ((raw as Record<string, { __badJson?: boolean }> | null)?.[k]?.__badJson)
        errors.push({ field: k, key: "field.invalid" });
    if (!errors.length) {
      const r = MeasureInput.safeParse(raw);
      if (!r.success)
        for (const issue of r.error.issues)
          errors.push(
            issueToField(
              {
                keyword: issue.code,
                instancePath: `/${issue.path.join("/")}`,
                message: issue.message,
                params: { ...issue } as Record<string, unknown>,
              },
              raw,
            ),
          );
      else {
        (r.data.criteria.regions ?? []).forEach((code, j) => {
          if (code !== FOREIGN && !isRegionCode(code))
            errors.push({ field: `criteria.regions.${j}`, key: "field.measure.region" });
        });
        if (r.data.slug) {
          if (slugs.has(r.data.slug))
            errors.push({
              field: "slug",
              key: "field.measure.import-slug-repeated",
              params: { row: slugs.get(r.data.slug)! },
            });
          else slugs.set(r.data.slug, i + 1);
        }
        if (!errors.length) inputs.push(r.data);
      }
    }
    if (errors.length) report.push({ row: i + 1, errors: errors.map(both) });
  });
  return { inputs, report };
}

/**
 * All or nothing: any bad row → 400 with `rows` (every bad row with its fields, messages in ru and en)
 * and `errors` (the same, "<row>.<field>" in the request's language); nothing is written.
 */
export async function importMeasures(ctx: Ctx, body: unknown) {
  const actor = requireActor(ctx);
  const { rows, headerErrors } = importRows(body);
  if (headerErrors.length) throw new AppError(400, "validation", {}, headerErrors, { rows: [] });
  const { inputs, report } = validateRows(rows);
  if (report.length)
    throw new AppError(
      400,
      "validation",
      {},
      report.flatMap((r) =>
        r.errors.map((e) => ({
          field: `${r.row}.${e.field}`,
          key: "field.import-row",
          params: { message: e.message[ctx.locale] },
        })),
      ),
      { rows: report },
    );

  let mails = 0;
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await ctx.db.transaction(async (tx) => {
    // The measure use cases run inside this transaction (their own ones become savepoints), so
    // versions, audit and notices are the same as for edits made one by one.
    let queued = 0;
    const inner: Ctx = { ...ctx, db: tx as unknown as Db, mailQueued: () => void queued++ };
    const slugs = inputs.map((i) => i.slug).filter((s): s is string => !!s);
    const existing = slugs.length
      ? await tx
          .select({ id: measures.id, slug: measures.slug, version: measures.version })
          .from(measures)
          .where(inArray(measures.slug, slugs))
          .for("update")
      : [];
    const bySlug = new Map(existing.map((e) => [e.slug!, e]));
    for (const input of inputs) {
      const found = input.slug ? bySlug.get(input.slug) : undefined;
      if (!found) {
        await createMeasure(inner, input);
        counts.created++;
        continue;
      }
      const after = await updateMeasure(inner, found.id, { ...input, version: found.version });
      if (after.version === found.version) counts.unchanged++;
      else counts.updated++;
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "measure.import",
      entity: "measure",
      entityId: null,
      after: { ...counts, rows: inputs.length, by: actor.id },
    });
    mails = queued;
  });
  if (mails) ctx.mailQueued();
  return counts;
}
