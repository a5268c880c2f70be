import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { create as contentDisposition } from "content-disposition";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { combineRanges, parse as parseRange } from "range-parser";
import { LOCALES, type Locale } from "../../shared/constants.js";
import type { Executor } from "./db.js";
import { AppError, badRequest } from "./errors.js";
import { files } from "./files.schema.js";
import { addMessages, t } from "./i18n.js";
import type { Storage } from "./storage.js";

/**
 * What a kind of file may be: the types detected from its bytes (never the name or the declared type),
 * its size, and for images the number of pixels (a small file that decodes to gigabytes is refused).
 */
export interface FilePurpose {
  name: string;
  maxBytes: number;
  /** MIME types as file-type detects them; refusals name them by their formats ("PDF, PNG или JPEG"). */
  types: readonly string[];
  maxPixels?: number;
  /** Formats file-type does not know (text formats), recognized by their signature and extension. */
  signatures?: readonly FileSignature[];
}

/**
 * A format recognized by a well-known signature at its start, for files file-type cannot tell (text
 * formats of CAD drawings); the name must have one of its extensions too, since a text signature is weak.
 */
export interface FileSignature {
  mime: string;
  extensions: readonly string[];
  test: (head: string) => boolean;
}

/** STEP (ISO 10303-21) exchange files: text starting with "ISO-10303-21;". */
export const STEP_FILE: FileSignature = {
  mime: "model/step",
  extensions: [".step", ".stp"],
  test: (head) => /^(?:\xEF\xBB\xBF)?\s*ISO-10303-21;/.test(head),
};

/**
 * AutoCAD DXF: the binary form's sentinel, or ASCII group code/value pairs opening a section
 * ("0 / SECTION / 2 / HEADER", after optional 999 comments).
 */
export const DXF_FILE: FileSignature = {
  mime: "image/vnd.dxf",
  extensions: [".dxf"],
  test: (head) =>
    head.startsWith("AutoCAD Binary DXF\r\n\x1a\0") ||
    /^(?:\xEF\xBB\xBF)?(?:\s*999\r?\n[^\n]*\n)*\s*0\r?\n\s*SECTION\r?\n\s*2\r?\n\s*(?:HEADER|CLASSES|TABLES|BLOCKS|ENTITIES|OBJECTS)\s*\r?\n/.test(
      head,
    ),
};

/** The type of a file by a purpose's signatures, when its name has the format's extension. */
function signatureType(p: FilePurpose, head: Buffer, fileName: string | undefined) {
  const name = (fileName ?? "").toLowerCase();
  const text = head.subarray(0, 4096).toString("latin1");
  const found = p.signatures?.find((s) => s.extensions.some((e) => name.endsWith(e)) && s.test(text));
  return found && { mime: found.mime };
}

const purposes = new Map<string, FilePurpose>();

/** A purpose of files, declared once by its module and listed in the module's manifest (`filePurposes`). */
export function defineFilePurpose(p: FilePurpose): FilePurpose {
  return p;
}

/** Installs purposes (their ru/en refusal texts); installModules does it for every manifest's `filePurposes`. */
export function registerFilePurposes(list: readonly FilePurpose[]): void {
  for (const p of list) {
    const known = purposes.get(p.name);
    if (known === p) continue;
    if (known) throw new Error(`file purpose ${p.name} defined twice`);
    purposes.set(p.name, p);
    const texts = (l: Locale) => ({
      [`field.file.type.${p.name}`]: t(l, "field.file.type", { formats: formatsText(p.types, l) }),
      [`field.file.too-large.${p.name}`]: t(l, "field.file.too-large", { size: sizeText(p.maxBytes, l) }),
      [`field.file.dimensions.${p.name}`]: t(l, "field.file.dimensions", { n: (p.maxPixels ?? 0) / 1e6 }),
    });
    addMessages(
      Object.fromEntries(LOCALES.map((l) => [l, texts(l)])) as Record<Locale, Record<string, string>>,
    );
  }
}

export type StoredFile = typeof files.$inferSelect;

/** Enough of the head of a file for file-type and for an image's dimensions (JPEG's may sit past EXIF). */
const HEAD_BYTES = 64 * 1024;

const tooLarge = (p: FilePurpose, field: string) =>
  new AppError(413, "payload-too-large", {}, [{ field, key: `field.file.too-large.${p.name}` }]);

/** "2 МБ" / "2 MB", "500 кБ" / "500 kB", by the locale's own rules (Intl). */
function sizeText(bytes: number, locale: Locale) {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mb ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(mb ? bytes / 1024 / 1024 : Math.ceil(bytes / 1024));
}

/** Formats by name, as people know them. */
const FORMAT_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "application/pdf": "PDF",
  "application/zip": "ZIP",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
  "application/msword": "DOC",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/vnd.oasis.opendocument.presentation": "ODP",
  "text/plain": "TXT",
  "text/csv": "CSV",
  "image/vnd.dwg": "DWG",
};

/** "PDF, PNG или JPEG" / "PDF, PNG, or JPEG". */
function formatsText(types: readonly string[], locale: Locale) {
  const names = types.map((m) => FORMAT_NAMES[m] ?? (m.split(/[/.+]/).pop() ?? m).toUpperCase());
  return new Intl.ListFormat(locale, { type: "disjunction" }).format([...new Set(names)]);
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}

/**
 * Streams an upload into the storage and records it (unattached until its record takes it): reads the
 * head to detect the type from the bytes and check it against the purpose, hashes and counts the rest
 * on the way, and stops at the purpose's size limit. A refused upload leaves nothing behind.
 */
export async function storeUpload(
  ex: Executor,
  storage: Storage,
  input: {
    purpose: FilePurpose;
    stream: Readable;
    fileName: string | undefined;
    uploadedBy: string | null;
    /** The form field, for the error's `field`. */
    field?: string;
  },
): Promise<StoredFile> {
  const { purpose: p, field = "file" } = input;
  const iterator = input.stream[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value as Uint8Array);
    headChunks.push(chunk);
    headSize += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  const drain = async () => {
    if (!ended) input.stream.resume();
  };
  if (head.length === 0) {
    await drain();
    throw badRequest([{ field, key: "field.file.empty" }]);
  }
  if (head.length > p.maxBytes) {
    await drain();
    throw tooLarge(p, field);
  }
  const type = (await fileTypeFromBuffer(head)) ?? signatureType(p, head, input.fileName);
  if (!type || !p.types.includes(type.mime)) {
    await drain();
    throw badRequest([{ field, key: `field.file.type.${p.name}` }]);
  }
  if (p.maxPixels && type.mime.startsWith("image/")) {
    let pixels = Number.POSITIVE_INFINITY;
    try {
      const d = imageSize(head);
      if (d.width && d.height) pixels = d.width * d.height;
    } catch {
      // dimensions not in the head: refused below
    }
    // Dimensions not found in the head (an unusual JPEG) are not held against the file.
    if (Number.isFinite(pixels) && pixels > p.maxPixels) {
      await drain();
      throw badRequest([{ field, key: `field.file.dimensions.${p.name}` }]);
    }
  }

  const hash = createHash("sha256");
  let size = 0;
  let over = false;
  async function* body() {
    for (const chunk of headChunks) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = Buffer.from(next.value as Uint8Array);
      size += chunk.length;
      if (size > p.maxBytes) {
        over = true;
        throw tooLarge(p, field);
      }
      hash.update(chunk);
      yield chunk;
    }
  }
  const now = new Date();
  const key = `${p.name}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
  try {
    await storage.put(key, Readable.from(body()));
  } catch (err) {
    await storage.delete(key).catch(() => {});
    // The multipart parser stops a file at its own limit (set just above the purpose's) with this code.
    if (over || (err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      input.stream.resume();
      throw tooLarge(p, field);
    }
    throw err;
  }
  try {
    const [row] = await ex
      .insert(files)
      .values({
        storageKey: key,
        purpose: p.name,
        uploadedBy: input.uploadedBy,
        originalName: cleanFileName(input.fileName),
        size,
        sha256: hash.digest("hex"),
        contentType: type.mime,
      })
      .returning();
    if (!row) throw new Error("file row not inserted");
    return row;
  } catch (err) {
    await storage.delete(key).catch(() => {});
    throw err;
  }
}

/**
 * Marks an uploaded file as taken by its record, in the caller's transaction. Only an unattached file of
 * the expected purpose uploaded by this user can be attached; anything else looks like a missing file.
 */
export async function attachFile(
  ex: Executor,
  input: { id: string; purpose: FilePurpose; uploadedBy: string | null; field?: string },
): Promise<StoredFile> {
  const [row] = await ex
    .update(files)
    .set({ attachedAt: new Date() })
    .where(
      and(
        eq(files.id, input.id),
        eq(files.purpose, input.purpose.name),
        isNull(files.attachedAt),
        input.uploadedBy ? eq(files.uploadedBy, input.uploadedBy) : isNull(files.uploadedBy),
      ),
    )
    .returning();
  if (!row) throw badRequest([{ field: input.field ?? "fileId", key: "field.file.missing" }]);
  return row;
}

export async function findFile(ex: Executor, id: string): Promise<StoredFile | undefined> {
  const [row] = await ex.select().from(files).where(eq(files.id, id));
  return row;
}

/** Removes a file's record in the caller's transaction; its contents are removed after the commit. */
export async function forgetFile(ex: Executor, id: string): Promise<StoredFile | undefined> {
  const [row] = await ex.delete(files).where(eq(files.id, id)).returning();
  return row;
}

/**
 * Sends a stored file (the caller has checked who may read it): the detected type, `attachment` with the
 * original name (RFC 6266, with an RFC 8187 `filename*` for Cyrillic), `nosniff`, a sandboxing CSP, and
 * one HTTP byte range when asked (206 / 416).
 */
export async function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  file: StoredFile,
  opts: { inline?: boolean; cacheControl?: string } = {},
) {
  reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      contentDisposition(file.originalName, { type: opts.inline ? "inline" : "attachment" }),
    )
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("accept-ranges", "bytes")
    .header("etag", `"${file.sha256}"`)
    .header("cache-control", opts.cacheControl ?? "private, no-cache");
  const header = req.headers.range;
  const parsed = header && file.size > 0 ? parseRange(file.size, header) : undefined;
  // A malformed Range is ignored (RFC 9110 §14.2): the whole file is sent.
  if (parsed && parsed.type === "bytes" && !(parsed.code & 1)) {
    if (parsed.ranges.length === 0) {
      return reply.code(416).header("content-range", `bytes */${file.size}`).send();
    }
    const ranges = combineRanges(parsed.ranges);
    // One range is served; several (a multipart/byteranges answer) get the whole file.
    const [range] = ranges;
    if (range && ranges.length === 1) {
      return reply
        .code(206)
        .header("content-range", `bytes ${range.start}-${range.end}/${file.size}`)
        .header("content-length", range.end - range.start + 1)
        .send(await storage.read(file.storageKey, { start: range.start, end: range.end }));
    }
  }
  return reply.header("content-length", file.size).send(await storage.read(file.storageKey));
}

/** Deletes files that no record took within `olderThanMs` (24 h); returns how many went. */
export async function removeUnattachedFiles(
  ex: Executor,
  storage: Storage,
  olderThanMs = 24 * 60 * 60 * 1000,
): Promise<number> {
  const gone = await ex
    .delete(files)
    .where(and(isNull(files.attachedAt), lt(files.createdAt, new Date(Date.now() - olderThanMs))))
    .returning({ key: files.storageKey });
  for (const f of gone) await storage.delete(f.key).catch(() => {});
  return gone.length;
}
