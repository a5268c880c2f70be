/**
 * The one HTTP client of the web app, typed by openapi-fetch's types over the paths generated from the
 * server's OpenAPI document, so a path, parameter or body that does not match the contract is a type
 * error.
 *
 * Every request follows the same rules: the session cookie (same origin), the
 * user's language in Accept-Language, and every failure — a problem+json answer, another HTTP error,
 * a network failure — thrown as an ApiError. A call therefore resolves only on success; `unwrap`
 * takes its data (undefined for 204 No Content).
 */
import type { Client } from "openapi-fetch";
import { ApiError, type Problem } from "../api";
import i18n, { currentLocale } from "../i18n";
import type { paths } from "./schema";

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).title === "string" &&
    typeof (value as Problem).status === "number"
  );
}

/** The error of a failed answer: its problem+json, or a text for its status. */
export async function problemOf(response: Response): Promise<ApiError> {
  let data: unknown = null;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (isProblem(data)) {
    return new ApiError(
      { ...data, type: data.type || "about:blank" },
      data as unknown as Record<string, unknown>,
    );
  }
  const title =
    response.status === 413
      ? i18n.t("common.errors.tooLarge")
      : response.status === 429
        ? i18n.t("common.errors.tooManyRequests")
        : i18n.t("common.errors.http", { status: response.status });
  return new ApiError({ type: "about:blank", title, status: response.status });
}

type Transport = (request: Request) => Promise<Response>;
// read at call time, so tests can stub the global fetch
let transport: Transport = (request) => globalThis.fetch(request);

/**
 * Where requests go instead of the network: the server's renderer (entry.server.tsx) answers the
 * pages' requests from the app itself, for the request being rendered.
 */
export function setTransport(fn: Transport): void {
  transport = fn;
}

/** The query string: empty values are left out (as the hand-written helper did); lists go as repeated keys. */
function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** What a call may say, of openapi-fetch's options: the ones the app uses. */
type CallOptions = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  bodySerializer?: (body: unknown) => BodyInit;
  headers?: HeadersInit;
  signal?: AbortSignal;
};

/**
 * One call, as openapi-fetch makes it (its types describe `client` below), in the few lines the app
 * needs — the library was 3 kB of every page's first JavaScript: JSON in and out, FormData as it is,
 * `{ data }` on success (undefined for 204 or an empty body), every failure thrown as an ApiError.
 */
async function call(method: string, schemaPath: string, options: CallOptions = {}) {
  const { params, body, bodySerializer, signal } = options;
  const path = schemaPath.replace(/\{([^{}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params?.path?.[name])),
  );
  // the page's own origin (a Request needs an absolute URL outside the browser too: the server's
  // renderer reads only its path and query)
  const url = `${globalThis.location?.origin ?? "http://localhost"}${path}${queryString(params?.query)}`;
  const headers = new Headers(options.headers);
  headers.set("Accept", "application/json, application/problem+json");
  headers.set("Accept-Language", currentLocale());
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    payload = bodySerializer ? bodySerializer(body) : body instanceof FormData ? body : JSON.stringify(body);
    // the browser sets a FormData's type with its boundary
    if (!(payload instanceof FormData) && !headers.has("Content-Type"))
      headers.set("Content-Type", "application/json");
  }
  const request = new Request(url, { method, headers, body: payload, credentials: "same-origin", signal });
  let response: Response;
  try {
    response = await transport(request);
  } catch (error) {
    // an abort (a query no longer needed) stays an abort: TanStack Query ignores it
    if ((error as { name?: unknown } | null)?.name === "AbortError") throw error;
    throw new ApiError({ type: "about:network-error", title: i18n.t("common.errors.network"), status: 0 });
  }
  if (!response.ok) throw await problemOf(response);
  const text = response.status === 204 || method === "HEAD" ? "" : await response.text();
  return { data: text ? JSON.parse(text) : undefined, response };
}

const method =
  (name: string) =>
  (path: string, options?: CallOptions): ReturnType<typeof call> =>
    call(name, path, options);

export const client = {
  GET: method("GET"),
  POST: method("POST"),
  PUT: method("PUT"),
  PATCH: method("PATCH"),
  DELETE: method("DELETE"),
  HEAD: method("HEAD"),
} as unknown as Pick<Client<paths>, "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD">;

/** The data of a call that succeeded (failures were thrown). */
export async function unwrap<R extends { data?: unknown }>(
  call: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  const { data } = await call;
  return data as Exclude<R["data"], undefined>;
}

/**
 * A multipart/form-data body for an upload. The contract does not describe multipart bodies (the
 * server reads the parts as a stream), so this is the one body passed untyped; the client sends
 * FormData as it is and the browser sets the boundary.
 */
export function multipart(form: FormData | Record<string, string | File>): never {
  if (form instanceof FormData) return form as never;
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) {
    if (value instanceof File) data.append(key, value, value.name);
    else data.append(key, value);
  }
  return data as never;
}
