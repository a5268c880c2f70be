// The open data's request/response schemas: the catalogue, the live API's pages, the Table Schema.
import { z } from "zod";
import { OPENDATA_MAX_PAGE_SIZE, OPENDATA_TYPES } from "../../../shared/opendata.js";
import { Page } from "../../core/contract.js";

const Texts = z.object({ ru: z.string(), en: z.string() });

/** A data set's name (an unknown one is 404, not a validation error). */
export const DatasetParams = z.object({ name: z.string().regex(/^[a-z]{1,40}$/) });
export const DatasetFileParams = z.object({
  file: z.string().regex(/^[a-z]{1,40}\.(csv|json)$/),
});

export const LiveQuery = z
  .object({
    page: Page,
    pageSize: z.coerce.number().int().min(1).max(OPENDATA_MAX_PAGE_SIZE).default(100),
  })
  .strict();

const Licence = z.object({
  name: z.string(),
  title: z.string(),
  path: z.string(),
  attribution: Texts,
});

const StoredFileInfo = z.object({ url: z.string(), size: z.number().int(), sha256: z.string() }).nullable();

export const OpenDataCatalogue = z
  .object({
    licence: Licence,
    datasets: z.array(
      z.object({
        name: z.string(),
        title: Texts,
        description: Texts,
        columns: z.array(z.object({ key: z.string(), type: z.enum(OPENDATA_TYPES), description: Texts })),
        /** The last generation (null: not generated yet). */
        generatedAt: z.string().nullable(),
        rows: z.number().int().nullable(),
        /** The live API, the Table Schema and the files' addresses (paths under the site). */
        api: z.string(),
        schema: z.string(),
        csv: StoredFileInfo,
        json: StoredFileInfo,
      }),
    ),
  })
  .meta({ id: "OpenDataCatalogue" });

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const OpenDataPage = z
  .object({
    items: z.array(z.record(z.string(), Value)),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "OpenDataPage" });

export const TableSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })),
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.enum(OPENDATA_TYPES),
        format: z.string().optional(),
        title: z.string(),
        description: z.string(),
      }),
    ),
    primaryKey: z.string(),
  })
  .meta({ id: "OpenDataTableSchema" });
