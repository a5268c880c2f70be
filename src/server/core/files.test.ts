import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../test/helpers.js";
import type { Database } from "./db.js";
import { registerErrorHandling } from "./errors.js";
import {
  attachFile,
  defineFilePurpose,
  findFile,
  registerFilePurposes,
  removeUnattachedFiles,
  sendFile,
  storeUpload,
} from "./files.js";
import { files } from "./files.schema.js";
import { openStorage, type Storage } from "./storage.js";

const documents = defineFilePurpose({
  name: "test-document",
  maxBytes: 64 * 1024,
  types: ["application/pdf", "image/png", "image/jpeg"],
});
const large = defineFilePurpose({
  name: "test-large",
  maxBytes: 12 * 1024 * 1024,
  types: ["application/pdf"],
});
const pictures = defineFilePurpose({
  name: "test-picture",
  maxBytes: 1024 * 1024,
  types: ["image/png", "image/jpeg", "image/webp"],
  maxPixels: 40_000_000,
});

registerFilePurposes([documents, large, pictures]);

const pdf = (size: number) => {
  const head = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n");
  const body = Buffer.alloc(Math.max(0, size - head.length), "x");
  return Buffer.concat([head, body]);
};
/** A PNG whose header claims width × height: a few dozen bytes that would decode to gigabytes. */
function pngClaiming(width: number, height: number) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const chunk = Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from("IHDR"), ihdr, Buffer.alloc(4)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk]);
}
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.alloc(100)]);

function multipartBody(name: string, bytes: Buffer, type = "application/octet-stream") {
  const boundary = "----innocluster-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A bare app with the two routes a module would have: upload (purpose in the path) and download. */
async function fileApp(database: Database, storage: Storage) {
  const app = Fastify();
  registerErrorHandling(app);
  await app.register(multipart, { limits: { fileSize: 16 * 1024 * 1024, files: 1 } });
  app.post<{ Params: { purpose: string } }>("/upload/:purpose", async (req) => {
    const part = await req.file();
    if (!part) throw new Error("no file");
    const purpose = { picture: pictures, large }[req.params.purpose] ?? documents;
    const f = await storeUpload(database.db, storage, {
      purpose,
      stream: part.file,
      fileName: part.filename,
      uploadedBy: null,
    });
    return { id: f.id };
  });
  app.get<{ Params: { id: string } }>("/files/:id", async (req, reply) => {
    const f = await findFile(database.db, req.params.id);
    if (!f) return reply.code(404).send();
    return sendFile(req, reply, storage, f);
  });
  await app.ready();
  return app;
}

const ru = { "accept-language": "ru" };

for (const kind of ["disk", "s3"] as const) {
  describe(`files on ${kind === "disk" ? "the disk" : "an S3-compatible store (s3rver)"}`, () => {
    let database: Database;
    let storage: Storage;
    let app: FastifyInstance;
    let s3: S3rver | undefined;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `innocluster-files-${kind}-`));
    const stored = async () => (await database.db.select().from(files)).length;

    beforeAll(async () => {
      database = await testDatabase();
      if (kind === "s3") {
        s3 = new S3rver({
          port: 0,
          address: "127.0.0.1",
          silent: true,
          directory: dir,
          configureBuckets: [{ name: "innocluster" }],
        });
        const { port } = await s3.run();
        storage = openStorage({
          kind: "s3",
          endpoint: `http://127.0.0.1:${port}`,
          region: "us-east-1",
          bucket: "innocluster",
          accessKeyId: "S3RVER",
          secretAccessKey: "S3RVER",
          forcePathStyle: true,
        });
      } else {
        storage = openStorage({ kind: "disk", location: dir });
      }
      app = await fileApp(database, storage);
    });
    afterAll(async () => {
      await app.close();
      await s3?.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("stores a PDF under a generated name and sends it back with its Cyrillic name, whole and by range", async () => {
      const bytes = pdf(20_000);
      const up = await app.inject({
        method: "POST",
        url: "/upload/document",
        ...multipartBody("Договор №5.pdf", bytes, "text/plain"),
      });
      expect(up.statusCode).toBe(200);
      const row = await findFile(database.db, up.json().id);
      expect(row).toMatchObject({
        originalName: "Договор №5.pdf",
        contentType: "application/pdf",
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
      expect(row?.storageKey).toMatch(/^test-document\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(await storage.exists(row?.storageKey ?? "")).toBe(true);

      const whole = await app.inject({ method: "GET", url: `/files/${row?.id}` });
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload.equals(bytes)).toBe(true);
      expect(whole.headers["content-type"]).toBe("application/pdf");
      expect(whole.headers["x-content-type-options"]).toBe("nosniff");
      expect(whole.headers["accept-ranges"]).toBe("bytes");
      expect(whole.headers["content-disposition"]).toBe(
        `attachment; filename="??????? ?5.pdf"; filename*=UTF-8''${encodeURIComponent("Договор №5.pdf").replace(/'/g, "%27")}`,
      );

      const part = await app.inject({
        method: "GET",
        url: `/files/${row?.id}`,
        headers: { range: "bytes=100-199" },
      });
      expect(part.statusCode).toBe(206);
      expect(part.headers["content-range"]).toBe(`bytes 100-199/${bytes.length}`);
      expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);
      const tail = await app.inject({
        method: "GET",
        url: `/files/${row?.id}`,
        headers: { range: "bytes=-10" },
      });
      expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
      const beyond = await app.inject({
        method: "GET",
        url: `/files/${row?.id}`,
        headers: { range: "bytes=999999-" },
      });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers["content-range"]).toBe(`bytes */${bytes.length}`);
      const malformed = await app.inject({
        method: "GET",
        url: `/files/${row?.id}`,
        headers: { range: "bytes=z-1" },
      });
      expect(malformed.statusCode).toBe(200);
      expect(malformed.rawPayload.length).toBe(bytes.length);
    });

    it("streams a 6 MB file through (in parts on S3) and reads a range near its end", async () => {
      const bytes = pdf(6 * 1024 * 1024 + 123);
      const up = await app.inject({
        method: "POST",
        url: "/upload/large",
        ...multipartBody("scan.pdf", bytes),
      });
      expect(up.statusCode).toBe(200);
      const row = await findFile(database.db, up.json().id);
      expect(row?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      const end = bytes.length - 1;
      const part = await app.inject({
        method: "GET",
        url: `/files/${row?.id}`,
        headers: { range: `bytes=${end - 99}-${end}` },
      });
      expect(part.statusCode).toBe(206);
      expect(part.rawPayload.equals(bytes.subarray(end - 99))).toBe(true);
    });

    it("refuses a renamed executable, an SVG with a script and a zip named as a picture, leaving nothing behind", async () => {
      const before = await stored();
      const cases = [
        {
          url: "/upload/document",
          name: "отчёт.pdf",
          bytes: ELF,
          message: "Файл должен быть в формате PDF, PNG или JPEG",
        },
        {
          url: "/upload/picture",
          name: "logo.svg",
          bytes: SVG,
          message: "Файл должен быть в формате PNG, JPEG или WebP",
        },
        {
          url: "/upload/picture",
          name: "photo.png",
          bytes: ZIP,
          message: "Файл должен быть в формате PNG, JPEG или WebP",
        },
      ];
      for (const c of cases) {
        const res = await app.inject({
          method: "POST",
          url: c.url,
          ...multipartBody(c.name, c.bytes, "image/png"),
          headers: { ...multipartBody(c.name, c.bytes).headers, ...ru },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual([{ field: "file", message: c.message }]);
      }
      const en = await app.inject({
        method: "POST",
        url: "/upload/document",
        ...multipartBody("a.pdf", ELF),
        headers: { ...multipartBody("a.pdf", ELF).headers, "accept-language": "en" },
      });
      expect(en.json().errors).toEqual([{ field: "file", message: "The file must be PDF, PNG, or JPEG" }]);
      expect(await stored()).toBe(before);
    });

    it("refuses a small picture that claims 100,000 × 100,000 pixels, and a file over the purpose's limit", async () => {
      const before = await stored();
      const bomb = pngClaiming(100_000, 100_000);
      const res = await app.inject({
        method: "POST",
        url: "/upload/picture",
        ...multipartBody("logo.png", bomb),
        headers: { ...multipartBody("logo.png", bomb).headers, ...ru },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: "file", message: "Изображение должно быть не больше 40 мегапикселей" },
      ]);
      const big = pdf(64 * 1024 + 1);
      const over = await app.inject({
        method: "POST",
        url: "/upload/document",
        ...multipartBody("big.pdf", big),
        headers: { ...multipartBody("big.pdf", big).headers, ...ru },
      });
      expect(over.statusCode).toBe(413);
      expect(over.json().errors).toEqual([{ field: "file", message: "Файл должен быть не больше 64 кБ" }]);
      expect(await stored()).toBe(before);
      const listed =
        kind === "disk"
          ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes("test-picture"))
          : [];
      expect(listed.filter((f) => !fs.statSync(path.join(dir, String(f))).isDirectory())).toEqual([]);
    });

    it("removes files no record took within a day, and keeps attached ones", async () => {
      const upload = async () => {
        const res = await app.inject({
          method: "POST",
          url: "/upload/document",
          ...multipartBody("a.pdf", pdf(1000)),
        });
        return (await findFile(database.db, res.json().id))!;
      };
      const orphan = await upload();
      const kept = await upload();
      await attachFile(database.db, { id: kept.id, purpose: documents, uploadedBy: null });
      await expect(
        attachFile(database.db, { id: kept.id, purpose: documents, uploadedBy: null }),
      ).rejects.toThrow();
      await database.rawQuery("update files set created_at = now() - interval '25 hours'");
      expect(await removeUnattachedFiles(database.db, storage)).toBeGreaterThanOrEqual(1);
      expect(await findFile(database.db, orphan.id)).toBeUndefined();
      expect(await storage.exists(orphan.storageKey)).toBe(false);
      expect(await findFile(database.db, kept.id)).toBeDefined();
      expect(await storage.exists(kept.storageKey)).toBe(true);
    });
  });
}
