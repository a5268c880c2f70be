/**
 * The one HTTP client of the web app: openapi-fetch typed by the paths generated from the server's
 * OpenAPI document, so a path, parameter or body that does not match the contract is a type error.
 *
 * Its middleware keeps the rules every request follows: the session cookie (same origin), the
 * user's language in Accept-Language, and every failure — a problem+json answer, another HTTP error,
 * a network failure — thrown as an ApiError. A call therefore resolves only on success; `unwrap`
 * takes its data (undefined for 204 No Content).
 */
import createClient, { type Middleware } from "openapi-fetch";
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

const rules: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept", "application/json, application/problem+json");
    request.headers.set("Accept-Language", currentLocale());
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response);
    return undefined;
  },
  onError({ error }) {
    // an abort (a query no longer needed) stays an abort: TanStack Query ignores it
    if ((error as { name?: unknown } | null)?.name === "AbortError") return undefined;
    if (error instanceof ApiError) return error;
    return new ApiError({ type: "about:network-error", title: i18n.t("common.errors.network"), status: 0 });
  },
};

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

export const client = createClient<paths>({
  // the page's own origin (a Request needs an absolute URL outside the browser too: the server's
  // renderer reads only its path and query)
  baseUrl: globalThis.location?.origin ?? "http://localhost",
  credentials: "same-origin",
  fetch: (request) => transport(request),
  // empty values are left out (as the hand-written helper did); lists go as repeated keys
  querySerializer: (query) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === "") continue;
      if (Array.isArray(value)) {
        for (const item of value) params.append(key, String(item));
      } else params.set(key, String(value));
    }
    return params.toString();
  },
});
client.use(rules);

/** The data of a call that succeeded (failures were thrown by the middleware). */
export async function unwrap<R extends { data?: unknown }>(
  call: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  const { data } = await call;
  return data as Exclude<R["data"], undefined>;
}

/**
 * A multipart/form-data body for an upload. The contract does not describe multipart bodies (the
 * server reads the parts as a stream), so this is the one body passed untyped; openapi-fetch sends
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
