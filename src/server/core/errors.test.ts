import { describe, expect, it } from "vitest";
import { counts, expectProblem, fieldErrors, randomEmail, signupBody } from "../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../test/helpers.js";

const t = testAppForFile();

const raw = (c: Client, payload: string, contentType: string, url = "/api/auth/signup") =>
  c.request("POST", url, payload, { "content-type": contentType });

describe("unknown routes", () => {
  it("answer 404 problem+json naming the path, without the query string", async () => {
    const res = await new Client(t.app).get("/api/no-such-thing?x=1");
    const p = expectProblem(res, 404, "route-not-found");
    expect(p.title).toBe("Такого адреса API нет: /api/no-such-thing");
    expect(p.instance).toBe("/api/no-such-thing");
  });

  it("answer in English when asked", async () => {
    const p = expectProblem(
      await new Client(t.app, "en-US,en;q=0.9").post("/api/nope", { a: 1 }),
      404,
      "route-not-found",
    );
    expect(p.title).toBe("There is no such API address: /api/nope");
  });

  it("a known path with the wrong method is a 404 problem too", async () => {
    expectProblem(await new Client(t.app).delete("/api/health"), 404, "route-not-found");
  });
});

describe("malformed requests", () => {
  it("malformed JSON gives 400 problem and changes nothing", async () => {
    const before = await counts(t.database);
    const res = await raw(new Client(t.app), '{"email": "a@example.ru", ', "application/json");
    const p = expectProblem(res, 400, "bad-request");
    expect(p.title).toBe("Некорректный запрос");
    expect(await counts(t.database)).toEqual(before);
  });

  it("an empty JSON body gives 400", async () => {
    expectProblem(await raw(new Client(t.app), "", "application/json"), 400);
  });

  it("a JSON value that is not an object gives 400 validation", async () => {
    const p = expectProblem(await raw(new Client(t.app), '"hello"', "application/json"), 400, "validation");
    expect(Object.keys(fieldErrors(p))).toEqual(["body"]);
  });

  it("text/plain on a JSON route gives 415 and changes nothing", async () => {
    const before = await counts(t.database);
    const res = await raw(new Client(t.app, "en"), JSON.stringify(signupBody(randomEmail())), "text/plain");
    const p = expectProblem(res, 415, "unsupported-media-type");
    expect(p.title).toBe("Unsupported request format");
    expect(await counts(t.database)).toEqual(before);
  });

  it("an XML body gives 415", async () => {
    expectProblem(
      await raw(new Client(t.app), "<signup/>", "application/xml"),
      415,
      "unsupported-media-type",
    );
  });

  it("a body over 1 MiB gives 413", async () => {
    const big = JSON.stringify(signupBody(randomEmail(), { fullName: "Я".repeat(700_000) }));
    expectProblem(await raw(new Client(t.app), big, "application/json"), 413, "payload-too-large");
  });

  it("validation errors come before the handler and carry every bad field", async () => {
    const p = expectProblem(await new Client(t.app).post("/api/auth/signin", {}), 400, "validation");
    expect(fieldErrors(p)).toEqual({ email: "Обязательное поле", password: "Обязательное поле" });
  });
});

describe("problem details for the signed-in", () => {
  it("come in the user's language", async () => {
    const c = await signedIn(t, await createUser(t.database, { locale: "en" }), "ru");
    expect(expectProblem(await c.get("/api/admin/users"), 403, "forbidden").title).toBe(
      "You are not allowed to do this",
    );
  });
});

describe("request ids", () => {
  it("every response carries x-request-id, also errors", async () => {
    const c = new Client(t.app);
    for (const res of [
      await c.get("/api/health"),
      await c.get("/api/nope"),
      await c.post("/api/auth/signin", {}),
    ]) {
      expect(String(res.headers["x-request-id"])).toMatch(/^[\w.-]{1,64}$/);
    }
    const a = await c.get("/api/health");
    const b = await c.get("/api/health");
    expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
  });

  it("keeps a well-formed id from the proxy and replaces a bad one", async () => {
    const c = new Client(t.app);
    expect((await c.get("/api/health", { "x-request-id": "edge-42.abc" })).headers["x-request-id"]).toBe(
      "edge-42.abc",
    );
    const bad = (await c.get("/api/health", { "x-request-id": "<script>" })).headers["x-request-id"];
    expect(bad).not.toBe("<script>");
    expect(String(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
