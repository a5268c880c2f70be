import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Locale } from "../../shared/constants.js";
import type { ProblemCode } from "../../shared/problems.js";
import { isDatabaseUnavailable } from "./db-errors.js";
import { requestLocale, t } from "./i18n.js";

export type FieldError = { field: string; key: string; params?: Record<string, string | number> };

/**
 * A failure a user can cause. `code` names both the problem type (/problems/<code>) and its message
 * (problem.<code>); the handler renders it as RFC 9457 problem details in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const badRequest = (fields: FieldError[]) => new AppError(400, "validation", {}, fields);
export const unauthorized = () => new AppError(401, "unauthorized");
export const forbidden = () => new AppError(403, "forbidden");
export const notFound = () => new AppError(404, "not-found");
export const conflict = (extra: Record<string, unknown> = {}) => new AppError(409, "conflict", {}, [], extra);

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: "Problem", description: "RFC 9457 problem details; texts in the request's language" });

type Problem = z.infer<typeof ProblemSchema>;

/**
 * A problem that carries members of its own (an import's bad rows, the organization an INN belongs
 * to): RFC 9457's members plus `extras`, each optional, so every other problem of the same status
 * passes through the same schema. A route names it under the status it answers with —
 * `response: { 201: View, 409: problemAnswer(InnTakenProblem) }` — so the answer passes through it,
 * the OpenAPI document shows it and the web reads it typed (`ProblemOf<path, method, status>`).
 */
export const problemWith = <T extends z.ZodRawShape>(id: string, description: string, extras: T) =>
  ProblemSchema.extend(extras).meta({ id, description });

/** A route's answer for one status: a problem (`problemWith`) as application/problem+json. */
export const problemAnswer = (schema: z.ZodType) => ({
  description: "A problem (RFC 9457) in the request's language",
  content: { "application/problem+json": { schema } },
});

function fieldMessage(locale: Locale, f: FieldError): { field: string; message: string } {
  return { field: f.field, message: t(locale, f.key, f.params) };
}

type Issue = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

function getAt(obj: unknown, pathParts: string[]): unknown {
  let cur = obj;
  for (const p of pathParts) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** Turns one zod issue into a field error with a translatable key. */
export function issueToField(issue: Issue, input: unknown): FieldError {
  const parts = issue.instancePath.split("/").filter(Boolean);
  const field = parts.join(".") || "body";
  const p = issue.params;
  if (issue.message?.startsWith("field.")) return { field, key: issue.message, params: p.params as never };
  switch (issue.keyword) {
    case "invalid_type": {
      const value = getAt(input, parts);
      return {
        field,
        key: value === undefined || value === null || value === "" ? "field.required" : "field.invalid-type",
      };
    }
    case "too_small": {
      const min = Number(p.minimum);
      if (p.origin === "string") {
        const value = getAt(input, parts);
        return value === undefined || value === ""
          ? { field, key: "field.required" }
          : { field, key: "field.too-short", params: { min } };
      }
      return { field, key: p.origin === "array" ? "field.required" : "field.too-small", params: { min } };
    }
    case "too_big":
      return {
        field,
        key: p.origin === "string" ? "field.too-long" : "field.too-big",
        params: { max: Number(p.maximum) },
      };
    case "invalid_format":
      if (p.format === "email") return { field, key: "field.email" };
      if (p.format === "uuid") return { field, key: "field.uuid" };
      if (p.format === "date" || p.format === "datetime") return { field, key: "field.date" };
      return { field, key: "field.invalid" };
    case "invalid_value":
      return { field, key: "field.enum", params: { options: ((p.values as unknown[]) ?? []).join(", ") } };
    case "unrecognized_keys":
      return {
        field: [...parts, ...((p.keys as string[]) ?? [])].join(".") || field,
        key: "field.unknown-key",
      };
    default:
      return { field, key: "field.invalid" };
  }
}

export function problem(
  req: FastifyRequest,
  status: number,
  code: ProblemCode,
  params = {},
  fields: FieldError[] = [],
): Problem {
  const locale = requestLocale(req);
  const body: Problem = {
    type: `/problems/${code}`,
    title: t(locale, `problem.${code}`, params),
    status,
    instance: req.url.split("?")[0],
  };
  if (fields.length) body.errors = fields.map((f) => fieldMessage(locale, f));
  return body;
}

export function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  return reply.code(body.status).headers(headers).type("application/problem+json").send(body);
}

function retryText(req: FastifyRequest, ms: number) {
  const s = Math.max(1, Math.ceil(ms / 1000));
  const locale = requestLocale(req);
  return s < 120 ? t(locale, "time.seconds", { n: s }) : t(locale, "time.minutes", { n: Math.ceil(s / 60) });
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterMs: number) {
    super(429, "too-many-requests");
  }
}

/**
 * Errors Fastify's router meets before a route is chosen (a path parameter over 100 characters: 414,
 * a malformed percent-encoding: 400): problem+json like every other error, not Fastify's own JSON.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode ?? 400;
  const code = status === 414 ? "uri-too-long" : status >= 500 ? "internal" : "bad-request";
  if (status >= 500) req.log.error({ err }, "router error");
  return sendProblem(reply, problem(req, status, code));
}

/** While the database is away, clients are asked to come back in a few seconds. */
const DB_RETRY_AFTER_S = "5";

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof RateLimitedError) {
      const body = problem(req, 429, "too-many-requests", { retry: retryText(req, err.retryAfterMs) });
      return sendProblem(reply, body, { "retry-after": String(Math.ceil(err.retryAfterMs / 1000)) });
    }
    if (err instanceof AppError) {
      const body = { ...problem(req, err.status, err.code, err.params, err.fields), ...err.extra };
      if (err.code === "account-blocked" && err.params.reason) {
        body.title = t(requestLocale(req), "problem.account-blocked.reason", err.params);
      }
      return sendProblem(reply, body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as { validationContext?: string }).validationContext ?? "body";
      const input =
        part === "querystring"
          ? req.query
          : part === "params"
            ? req.params
            : part === "headers"
              ? req.headers
              : req.body;
      const fields = err.validation.map((i) => issueToField(i as unknown as Issue, input));
      return sendProblem(reply, problem(req, 400, "validation", {}, fields));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, "response did not match its schema");
      return sendProblem(reply, problem(req, 500, "internal"));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      const ms = Number((err as { ttl?: number }).ttl ?? 60_000);
      const body = problem(req, 429, "too-many-requests", { retry: retryText(req, ms) });
      return sendProblem(reply, body);
    }
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? "payload-too-large"
          : status === 415
            ? "unsupported-media-type"
            : status === 404
              ? "not-found"
              : "bad-request";
      return sendProblem(reply, problem(req, status, code));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, "database unavailable");
      return sendProblem(reply, problem(req, 503, "unavailable"), { "retry-after": DB_RETRY_AFTER_S });
    }
    req.log.error({ err }, "unhandled error");
    return sendProblem(
      reply,
      problem(req, Math.max(status, 500), status === 503 ? "unavailable" : "internal"),
    );
  });
}
