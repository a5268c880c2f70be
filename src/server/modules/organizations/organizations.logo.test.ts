import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../../../shared/identifiers.js";
import { auditLog } from "../../core/audit.schema.js";
import { files } from "../../core/files.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { memberships, organizationLogos, organizations } from "./organizations.schema.js";
import { moveLogosToStorage } from "./organizations.service.js";

const t = testAppForFile();

let seed = 7;
const rng = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF\0 fake jpeg body")]);
const WEBP = Buffer.concat([
  Buffer.from("RIFF"),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from("WEBPVP8 "),
  Buffer.alloc(24, 1),
]);

const upload = (data: Buffer, filename = "logo.png", type = "image/png", field = "file") =>
  multipartFile(data, filename, type, field);

async function ownerWithOrg(locale: "ru" | "en" = "ru") {
  const user = await createUser(t.database, { locale });
  const c = await signedIn(t, user, locale);
  const res = await c.post("/api/organizations", {
    type: "legal_entity",
    inn: makeInn("legal", rng, { region: "77" }),
    ogrn: makeOgrn(rng, { region: "77" }),
    kpp: makeKpp("77", rng),
    regionCode: "77",
    fullName: "Акционерное общество «Логотип»",
    shortName: "АО «Логотип»",
    legalAddress: "г. Москва, ул. Новый Арбат, д. 1",
  });
  expect(res.statusCode, res.body).toBe(201);
  return { user, c, org: res.json().organization as { id: string; logoUrl: string | null } };
}

const put = (c: Client, orgId: string, u: ReturnType<typeof upload>) =>
  c.request("PUT", `/api/organizations/${orgId}/logo`, u.payload, u.headers);

describe("organization logo", () => {
  it("accepts a PNG and serves it with its detected type, nosniff, a sandbox CSP and an ETag", async () => {
    const { c, org } = await ownerWithOrg();
    const res = await put(c, org.id, upload(PNG));
    expect(res.statusCode, res.body).toBe(200);
    const logoUrl = res.json().organization.logoUrl as string;
    expect(logoUrl).toMatch(new RegExp(`^/api/organizations/${org.id}/logo\\?v=\\d+$`));

    const guest = new Client(t.app);
    const img = await guest.get(logoUrl);
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.headers["x-content-type-options"]).toBe("nosniff");
    expect(img.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(img.headers["cache-control"]).toMatch(/public/);
    expect(img.rawPayload.equals(PNG)).toBe(true);
    const etag = String(img.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await guest.get(`/api/organizations/${org.id}/logo`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, "organization.logo_set")));
    expect(audit?.after).toEqual({ hasLogo: true, contentType: "image/png", size: PNG.length });
  });

  it("serves JPEG and WebP with their own types, whatever type the upload declared", async () => {
    const { c, org } = await ownerWithOrg();
    expect((await put(c, org.id, upload(JPEG, "photo.png", "image/png"))).statusCode).toBe(200);
    expect((await c.get(`/api/organizations/${org.id}/logo`)).headers["content-type"]).toBe("image/jpeg");
    expect((await put(c, org.id, upload(WEBP, "x.gif", "image/gif"))).statusCode).toBe(200);
    expect((await c.get(`/api/organizations/${org.id}/logo`)).headers["content-type"]).toBe("image/webp");
  });

  it("refuses a text file renamed .png with a ru/en field error, storing nothing", async () => {
    for (const locale of ["ru", "en"] as const) {
      const { user, c, org } = await ownerWithOrg(locale);
      const p = expectProblem(
        await put(c, org.id, upload(Buffer.from("<script>alert(1)</script>"), "logo.png", "image/png")),
        400,
        "validation",
      );
      expect(fieldErrors(p).file).toBe(
        locale === "ru"
          ? "Файл должен быть в формате PNG, JPEG или WebP"
          : "The file must be PNG, JPEG, or WebP",
      );
      expect(await t.database.db.select().from(files).where(eq(files.uploadedBy, user.id))).toHaveLength(0);
      expect((await c.get(`/api/organizations/${org.id}`)).json().organization.logoUrl).toBeNull();
    }
  });

  it("refuses a file over 2 MB with 413 and accepts one of exactly 2 MB", async () => {
    const { c, org } = await ownerWithOrg();
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length, 7)]);
    const p = expectProblem(await put(c, org.id, upload(big)), 413, "payload-too-large");
    expect(fieldErrors(p).file).toBe("Файл должен быть не больше 2 МБ");
    expect((await c.get(`/api/organizations/${org.id}/logo`)).statusCode).toBe(404);
    const max = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 - PNG.length, 7)]);
    expect((await put(c, org.id, upload(max))).statusCode).toBe(200);
  });

  it("keeps the logo in the file storage, and a new one replaces the old there too", async () => {
    const { c, org } = await ownerWithOrg();
    await put(c, org.id, upload(PNG));
    const [first] = await t.database.db
      .select({ file: files })
      .from(organizations)
      .innerJoin(files, eq(files.id, organizations.logoFileId))
      .where(eq(organizations.id, org.id));
    expect(first?.file).toMatchObject({ purpose: "logo", contentType: "image/png", size: PNG.length });
    const storage = t.app.services.storage;
    expect(await storage.exists(first?.file.storageKey ?? "")).toBe(true);
    await put(c, org.id, upload(JPEG, "new.jpg", "image/jpeg"));
    expect(await storage.exists(first?.file.storageKey ?? "")).toBe(false);
    expect((await c.get(`/api/organizations/${org.id}/logo`)).rawPayload.equals(JPEG)).toBe(true);
  });

  it("moves a logo kept in the database before the file storage into it, once", async () => {
    const { org } = await ownerWithOrg();
    await t.database.db
      .insert(organizationLogos)
      .values({ organizationId: org.id, contentType: "image/png", bytes: PNG });
    await t.database.db.update(organizations).set({ hasLogo: true }).where(eq(organizations.id, org.id));
    const services = { db: t.database.db, storage: t.app.services.storage };
    expect(await moveLogosToStorage(services)).toBe(1);
    expect(await moveLogosToStorage(services)).toBe(0);
    const img = await new Client(t.app).get(`/api/organizations/${org.id}/logo`);
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(PNG)).toBe(true);
  });

  it("asks for the file when the form has none, and refuses a JSON body", async () => {
    const { c, org } = await ownerWithOrg();
    const p = expectProblem(
      await put(c, org.id, upload(PNG, "logo.png", "image/png", "image")),
      400,
      "validation",
    );
    expect(fieldErrors(p).file).toMatch(/Выберите файл логотипа/);
    expectProblem(await c.request("PUT", `/api/organizations/${org.id}/logo`, { file: "x" }), 415);
  });

  it("lets only the owner and admins change it: a member gets 403, a stranger 404, a guest 401", async () => {
    const { org } = await ownerWithOrg();
    const member = await createUser(t.database);
    await t.database.db
      .insert(memberships)
      .values({ organizationId: org.id, userId: member.id, role: "member" });
    expectProblem(await put(await signedIn(t, member), org.id, upload(PNG)), 403);
    expectProblem(await put(await signedIn(t, await createUser(t.database)), org.id, upload(PNG)), 404);
    expectProblem(await put(new Client(t.app), org.id, upload(PNG)), 401);
    expect((await new Client(t.app).get(`/api/organizations/${org.id}/logo`)).statusCode).toBe(404);
  });

  it("removes the logo", async () => {
    const { c, org } = await ownerWithOrg();
    await put(c, org.id, upload(PNG));
    const res = await c.delete(`/api/organizations/${org.id}/logo`);
    expect(res.statusCode).toBe(200);
    expect(res.json().organization.logoUrl).toBeNull();
    expectProblem(await c.get(`/api/organizations/${org.id}/logo`), 404, "not-found");
  });
});
