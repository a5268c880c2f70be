import { type ProblemCode, problemType } from "../shared/problems";
import type { Schemas } from "./api/types";
import i18n from "./i18n";

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

// ---- Types of the API contract (generated from the server's OpenAPI document) ----

export type User = Schemas["User"];
export type Me = Schemas["Me"];
/** An ability the server reports in /api/me (generated from the modules' manifests): an unknown one does not compile. */
export type Ability = keyof Me["abilities"];
export type MessageResponse = Schemas["Message"];

export type SessionInfo = Schemas["Session"];
export type AdminUser = Schemas["AdminUser"];
export type AuditEntry = Schemas["AuditEntry"];
