import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { eq, inArray, sql } from "drizzle-orm";
import {
  OPEN_DATASETS,
  OPENDATA_LICENCE,
  type OpenDataColumn,
  type OpenDataset,
  type OpenDatasetName,
  openDataset,
} from "../../../shared/opendata.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx } from "../../core/context.js";
import { type Db, type Executor, rows } from "../../core/db.js";
import { notFound } from "../../core/errors.js";
import type { StoredFile } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import type { Storage } from "../../core/storage.js";
import { datasetQuery } from "./opendata.queries.js";
import { opendataDatasets } from "./opendata.schema.js";

export type Value = string | number | boolean | string[] | null;
export type Row = Record<string, Value>;

/** A database value as its column's type: numbers from bigint text, dates as ISO strings. */
function cell(col: OpenDataColumn, v: unknown): Value {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case "integer":
    case "number":
      return Number(v);
    case "boolean":
      return v === true || v === "t" || v === "true";
    case "datetime":
      return (v instanceof Date ? v : new Date(String(v))).toISOString();
    case "array":
      return Array.isArray(v) ? v.map(String) : [];
    default:
      return String(v);
  }
}

const shape = (d: OpenDataset, r: Record<string, unknown>): Row =>
  Object.fromEntries(d.columns.map((col) => [col.key, cell(col, r[col.key])]));

const datasetOf = (name: string): OpenDataset & { name: OpenDatasetName } => {
  const d = openDataset(name);
  if (!d) throw notFound();
  return d as OpenDataset & { name: OpenDatasetName };
};

/** One page of a data set's rows (ordered by id) and the total. */
export async function readRows(
  ex: Executor,
  publicUrl: string,
  name: string,
  page?: { limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  const d = datasetOf(name);
  const q = datasetQuery(d.name, publicUrl);
  const list = await rows<Record<string, unknown> & { __total: number }>(
    ex,
    page
      ? sql`select d.*, (count(*) over ())::int as "__total" from (${q}) d order by d.id limit ${page.limit} offset ${page.offset}`
      : sql`select d.*, 0 as "__total" from (${q}) d order by d.id`,
  );
  let total = list.length;
  if (page) {
    total = list[0] ? Number(list[0].__total) : 0;
    if (!list.length && page.offset > 0) {
      const [c] = await rows<{ n: number }>(ex, sql`select count(*)::int as n from (${q}) d`);
      total = Number(c?.n ?? 0);
    }
  }
  return { rows: list.map((r) => shape(d, r)), total };
}

/** RFC 4180 CSV, UTF-8 without a BOM, ",": a header of the column keys; arrays as JSON arrays, booleans as true/false. */
export function toCsv(d: OpenDataset, list: Row[]): string {
  return stringify(list, {
    header: true,
    columns: d.columns.map((col) => col.key),
    record_delimiter: "\r\n",
    quoted_match: /^[\s\S]*[\r\n]/,
    cast: {
      boolean: (v) => (v ? "true" : "false"),
      object: (v) => JSON.stringify(v),
      number: (v) => String(v),
    },
  });
}

/** The JSON file: `meta` (the set, its licence, when) and `data` (the rows). */
export function toJson(d: OpenDataset, list: Row[], generatedAt: Date, publicUrl: string): string {
  return JSON.stringify({
    meta: {
      name: d.name,
      title: d.title,
      description: d.description,
      licence: OPENDATA_LICENCE,
      generatedAt: generatedAt.toISOString(),
      rows: list.length,
      schema: `${publicUrl}/api/open/datasets/${d.name}/schema.json`,
    },
    data: list,
  });
}

async function storeFile(
  ex: Executor,
  storage: Storage,
  name: string,
  ext: "csv" | "json",
  contents: string,
): Promise<StoredFile> {
  const bytes = Buffer.from(contents, "utf8");
  const key = `opendata/${name}/${randomUUID()}.${ext}`;
  await storage.put(key, Readable.from([bytes]));
  const [row] = await ex
    .insert(files)
    .values({
      storageKey: key,
      purpose: "opendata",
      uploadedBy: null,
      originalName: `${name}.${ext}`,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      contentType: ext === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      attachedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error("file row not inserted");
  return row;
}

/**
 * Generates every data set's CSV and JSON from the public data, stores them and records the manifest;
 * the previous generation's files go once the new one is recorded. Returns the sets' row counts.
 */
export async function generateOpenData(services: {
  db: Db;
  storage: Storage;
  publicUrl: string;
}): Promise<Record<string, number>> {
  const { db, storage, publicUrl } = services;
  const counts: Record<string, number> = {};
  for (const d of OPEN_DATASETS) {
    const generatedAt = new Date();
    const { rows: list } = await readRows(db, publicUrl, d.name);
    const old = await db.transaction(async (tx) => {
      // one generation of a data set at a time (two servers' first runs, an operator's regenerate): the
      // row lock below locks nothing before the first manifest row exists, and the loser's files would stay
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`opendata:${d.name}`}))`);
      const csv = await storeFile(tx, storage, d.name, "csv", toCsv(d, list));
      const json = await storeFile(tx, storage, d.name, "json", toJson(d, list, generatedAt, publicUrl));
      const [prev] = await tx
        .select()
        .from(opendataDatasets)
        .where(eq(opendataDatasets.name, d.name))
        .for("update");
      const values = { generatedAt, rows: list.length, csvFileId: csv.id, jsonFileId: json.id };
      await tx
        .insert(opendataDatasets)
        .values({ name: d.name, ...values })
        .onConflictDoUpdate({ target: opendataDatasets.name, set: values });
      if (!prev) return [];
      return tx
        .delete(files)
        .where(inArray(files.id, [prev.csvFileId, prev.jsonFileId]))
        .returning({ key: files.storageKey });
    });
    for (const f of old) await storage.delete(f.key).catch(() => {});
    counts[d.name] = list.length;
  }
  return counts;
}

/** Whether any data set was ever generated (the first start generates them). */
export async function generated(ex: Executor): Promise<boolean> {
  const [r] = await ex.select({ name: opendataDatasets.name }).from(opendataDatasets).limit(1);
  return Boolean(r);
}

const apiBase = "/api/open";

/** The catalogue: every set's description, schema, licence, last generation and addresses. */
export async function catalogue(ctx: Pick<Ctx, "db">) {
  const manifest = await ctx.db
    .select({
      name: opendataDatasets.name,
      generatedAt: opendataDatasets.generatedAt,
      rows: opendataDatasets.rows,
      csvFileId: opendataDatasets.csvFileId,
      jsonFileId: opendataDatasets.jsonFileId,
    })
    .from(opendataDatasets);
  const fileIds = manifest.flatMap((m) => [m.csvFileId, m.jsonFileId]);
  const stored = fileIds.length
    ? await ctx.db
        .select({ id: files.id, size: files.size, sha256: files.sha256 })
        .from(files)
        .where(inArray(files.id, fileIds))
    : [];
  const fileOf = (id: string | undefined) => {
    const f = stored.find((s) => s.id === id);
    return f ? { size: Number(f.size), sha256: f.sha256 } : null;
  };
  return {
    licence: OPENDATA_LICENCE,
    datasets: OPEN_DATASETS.map((d) => {
      const m = manifest.find((x) => x.name === d.name);
      const csv = fileOf(m?.csvFileId);
      const json = fileOf(m?.jsonFileId);
      return {
        name: d.name,
        title: d.title,
        description: d.description,
        columns: d.columns.map((col) => ({ ...col })),
        generatedAt: m?.generatedAt.toISOString() ?? null,
        rows: m?.rows ?? null,
        api: `${apiBase}/${d.name}`,
        schema: `${apiBase}/datasets/${d.name}/schema.json`,
        csv: csv && { url: `${apiBase}/datasets/${d.name}.csv`, ...csv },
        json: json && { url: `${apiBase}/datasets/${d.name}.json`, ...json },
      };
    }),
  };
}

/** The Frictionless Data Table Schema of a set (with its licence, as a data resource's descriptor would). */
export function tableSchema(name: string) {
  const d = datasetOf(name);
  return {
    name: d.name,
    title: d.title.en,
    description: d.description.en,
    licenses: [{ name: OPENDATA_LICENCE.name, path: OPENDATA_LICENCE.path, title: OPENDATA_LICENCE.title }],
    fields: d.columns.map((col) => ({
      name: col.key,
      type: col.type,
      ...(col.type === "array" ? { format: "default" } : {}),
      title: col.description.ru,
      description: col.description.en,
    })),
    primaryKey: "id",
  };
}

/** A set's last generated file, or 404 before the first generation. */
export async function datasetFile(
  ctx: Pick<Ctx, "db">,
  name: string,
  format: "csv" | "json",
): Promise<StoredFile> {
  const d = datasetOf(name);
  const [r] = await ctx.db
    .select({ file: files })
    .from(opendataDatasets)
    .innerJoin(
      files,
      eq(files.id, format === "csv" ? opendataDatasets.csvFileId : opendataDatasets.jsonFileId),
    )
    .where(eq(opendataDatasets.name, d.name));
  if (!r) throw notFound();
  return r.file;
}

/** The live API: a page of a set's current rows. */
export async function livePage(
  ctx: Pick<Ctx, "db" | "config">,
  name: string,
  page: number,
  pageSize: number,
) {
  const { rows: items, total } = await readRows(ctx.db, ctx.config.publicUrl, name, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items, total, page, pageSize };
}

/** An operator regenerates the files now (audited); answers the catalogue. */
export async function regenerate(ctx: Ctx) {
  const counts = await generateOpenData({
    db: ctx.db,
    storage: ctx.storage,
    publicUrl: ctx.config.publicUrl,
  });
  await writeAudit(ctx.db, auditCtx(ctx), {
    action: "opendata.regenerate",
    entity: "opendata",
    after: counts,
  });
  return catalogue(ctx);
}
