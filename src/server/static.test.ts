import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import type { Database } from "./core/db.js";
import { testConfig, testDatabase } from "./test/helpers.js";

// The built web app as scripts/build-web.mjs leaves it: hashed assets with .br and .gz beside them.
const SCRIPT = `console.log(${JSON.stringify("Иннокластер ".repeat(200))});`;
const INDEX = `<!doctype html><html lang="ru"><head><title>Иннокластер</title></head><body><div id="root"></div></body></html>`;

let dir: string;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  const js = path.join(dir, "assets/index-AbC123.js");
  fs.writeFileSync(js, SCRIPT);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, "index.html"), INDEX);
  database = await testDatabase();
  app = await buildApp({
    services: { database, config: testConfig(), mailQueued: () => {} },
    logger: false,
    webRoot: dir,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("the web app's static files", () => {
  it("sends a browser that takes brotli the build's .br file, cached for a year and varying by encoding", async () => {
    const res = await get("/assets/index-AbC123.js", "gzip, deflate, br, zstd");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
  });

  it("sends gzip to a browser that takes only gzip", async () => {
    const res = await get("/assets/index-AbC123.js", "gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("sends the file as it is to a client that takes no compression", async () => {
    const res = await get("/assets/index-AbC123.js");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(SCRIPT);
  });

  it("answers a missing asset with 404, not with the app's page", async () => {
    const res = await get("/assets/index-Gone99.js", "br");
    expect(res.statusCode).toBe(404);
  });

  it("sends index.html for every client route, never cached", async () => {
    for (const url of ["/", "/directory", "/measures/123?x=1"]) {
      const res = await get(url, "gzip, br");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body).toContain('<div id="root">');
    }
  });
});
