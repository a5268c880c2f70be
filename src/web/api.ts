import { type ProblemCode, problemType } from "../shared/problems";
import type { ResponseOf, Schemas } from "./api/types";
import i18n, { currentLocale } from "./i18n";

/** RFC 9457 problem details, as sent by the server (texts already localized). */
export type Problem = Pick<Schemas["Problem"], "type" | "title" | "status" | "detail" | "errors">;
export type FieldError = NonNullable<Problem["errors"]>[number];

/**
 * Every failed request ends in an ApiError; `status` 0 means the network failed. `body` keeps the
 * whole problem, since some problems carry data for the page (inn-taken → organizationId;
 * application-changed → current).
 */
export class ApiError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly body: Record<string, unknown>;

  constructor(problem: Problem, body: Record<string, unknown> = {}) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.body = body;
  }

  /** True when the problem is the given one, e.g. "email-not-confirmed" (its type is /problems/<code>). */
  is(code: ProblemCode): boolean {
    return this.type === problemType(code);
  }
}

/** A message for the user from any error thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title;
  return i18n.t("common.errors.unexpected");
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).title === "string" &&
    typeof (value as Problem).status === "number"
  );
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** JSON, or FormData for a multipart upload. */
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": currentLocale(),
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ type: "about:network-error", title: i18n.t("common.errors.network"), status: 0 });
  }

  if (response.status === 204) return undefined as T;

  const contentType = response.headers.get("content-type") ?? "";
  let data: unknown = null;
  if (contentType.includes("json")) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }

  if (!response.ok) {
    if (isProblem(data)) {
      throw new ApiError(
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
    throw new ApiError({ type: "about:blank", title, status: response.status });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiFetch<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: "POST", body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PATCH", body }),
  put: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PUT", body }),
  delete: <T = void>(path: string) => apiFetch<T>(path, { method: "DELETE" }),
};

// ---- Types of the API contract (generated from the server's OpenAPI document) ----

export type User = Schemas["User"];
export type Me = Schemas["Me"];
/** An ability the server reports in /api/me (generated from the modules' manifests): an unknown one does not compile. */
export type Ability = keyof Me["abilities"];
export type MessageResponse = Schemas["Message"];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type SessionInfo = Schemas["Session"];
export type AdminUser = Schemas["AdminUser"];
export type AdminUserList = ResponseOf<"/api/admin/users", "get">;
export type AuditEntry = Schemas["AuditEntry"];
export type MailSummary = ResponseOf<"/api/dev/mail", "get">["items"][number];
export type MailMessage = ResponseOf<"/api/dev/mail/{id}", "get">;
export type PublicStats = ResponseOf<"/api/public/stats", "get">;
