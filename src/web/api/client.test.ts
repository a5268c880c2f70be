// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api";
import i18n from "../i18n";
import { client, multipart, unwrap } from "./client";

function stubFetch(respond: (request: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  vi.stubGlobal("fetch", async (request: Request) => {
    calls.push(request);
    return respond(request);
  });
  return calls;
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

afterEach(() => {
  vi.unstubAllGlobals();
  void i18n.changeLanguage("ru");
});

describe("the typed API client", () => {
  it("sends the language, asks for JSON or a problem and returns the data", async () => {
    await i18n.changeLanguage("en");
    const calls = stubFetch(() => json({ user: null, abilities: {} }));
    const me = await unwrap(client.GET("/api/me"));
    expect(me).toEqual({ user: null, abilities: {} });
    expect(calls[0]?.headers.get("accept-language")).toBe("en");
    expect(calls[0]?.headers.get("accept")).toContain("application/problem+json");
    expect(calls[0]?.credentials).toBe("same-origin");
  });

  it("puts path and query parameters in the URL, leaving empty values out and repeating lists", async () => {
    const calls = stubFetch(() => json({ items: [], total: 0, page: 1, pageSize: 20, facets: {} }));
    await client.GET("/api/directory", {
      params: { query: { q: "", region: ["77", "50"], page: 2 } },
    });
    await client.GET("/api/directory/{id}", { params: { path: { id: "a b" } } });
    expect(new URL(calls[0]?.url ?? "").search).toBe("?region=77&region=50&page=2");
    expect(new URL(calls[1]?.url ?? "").pathname).toBe("/api/directory/a%20b");
  });

  it("throws a problem+json answer as the ApiError the pages read", async () => {
    stubFetch(() =>
      json(
        {
          type: "/problems/inn-taken",
          title: "Taken",
          status: 409,
          detail: "The INN is registered",
          organizationId: "x",
          errors: [{ field: "inn", message: "taken" }],
        },
        409,
        "application/problem+json",
      ),
    );
    const error = await client.POST("/api/auth/signout").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const problem = error as ApiError;
    expect(problem.status).toBe(409);
    expect(problem.is("inn-taken")).toBe(true);
    expect(problem.errors).toEqual([{ field: "inn", message: "taken" }]);
    expect(problem.body.organizationId).toBe("x");
  });

  it("names other HTTP failures and network failures in the user's language", async () => {
    stubFetch(() => new Response("busy", { status: 429 }));
    const busy = (await client.GET("/api/me").catch((e: unknown) => e)) as ApiError;
    expect(busy.status).toBe(429);
    expect(busy.title).toBe(i18n.t("common.errors.tooManyRequests"));

    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const offline = (await client.GET("/api/me").catch((e: unknown) => e)) as ApiError;
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline.status).toBe(0);
  });

  it("lets an aborted request end as an abort, not as an error message", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new DOMException("aborted", "AbortError")));
    const error = await client.GET("/api/me").catch((e: unknown) => e);
    expect((error as DOMException).name).toBe("AbortError");
  });

  it("resolves a 204 to undefined and sends an upload as multipart", async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    const file = new File(["png"], "logo.png", { type: "image/png" });
    const result = await unwrap(
      client.PUT("/api/organizations/{id}/logo", {
        params: { path: { id: "o1" } },
        body: multipart({ file }),
      }),
    );
    expect(result).toBeUndefined();
    expect(calls[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });
});
