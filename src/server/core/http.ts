import type { Socket } from "node:net";
import type { FastifyRequest } from "fastify";
import type { ProblemCode } from "../../shared/problems.js";
import { AppError, type FieldError } from "./errors.js";
import { fromAcceptLanguage, t } from "./i18n.js";

/** How deep and how large a JSON body may be unless its route says otherwise (`config.jsonLimits`). */
export const JSON_LIMITS = { depth: 32, items: 20_000 };
export type JsonLimits = typeof JSON_LIMITS;

/** A query string with more parameters than this is refused before any route looks at it. */
export const MAX_QUERY_PARAMS = 100;

/**
 * Measures a JSON text before it is parsed, in one pass without recursion: the deepest nesting of
 * arrays and objects and the number of values in them (each `,` and each opening bracket counts).
 * Throws 400 when it nests deeper than the limit, 413 when it holds more items; costs ~1 ms per MB.
 */
export function checkJsonShape(text: string, limits: JsonLimits): void {
  let depth = 0;
  let items = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limits.depth) throw new AppError(400, "json-too-deep", { max: limits.depth });
      if (++items > limits.items) throw new AppError(413, "json-too-many-items", { max: limits.items });
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
    else if (c === 44 /* , */ && ++items > limits.items)
      throw new AppError(413, "json-too-many-items", { max: limits.items });
  }
}

/** Refuses a query string with more than MAX_QUERY_PARAMS parameters (counted, not parsed). */
export function checkQueryString(url: string): void {
  const q = url.indexOf("?");
  if (q < 0) return;
  let n = 1;
  for (let i = q + 1; i < url.length; i++)
    if (url.charCodeAt(i) === 38 /* & */ && ++n > MAX_QUERY_PARAMS) break;
  if (n > MAX_QUERY_PARAMS) throw new AppError(400, "too-many-parameters", { max: MAX_QUERY_PARAMS });
}

function isPlainData(value: unknown): value is object {
  // The query object has its own prototype; uploads (buffers, streams) are skipped.
  return (
    value !== null &&
    typeof value === "object" &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { pipe?: unknown }).pipe !== "function"
  );
}

/**
 * PostgreSQL text cannot hold U+0000: a string with it would fail in the database (500).
 * Finds such strings in the parsed input, to refuse them as field errors. Iterative, and a field's
 * path is built only for a string that has a NUL, so a large input costs one visit per value.
 */
export function nulFields(root: unknown): FieldError[] {
  const out: FieldError[] = [];
  type Frame = { value: unknown; parent: Frame | null; key: string };
  const stack: Frame[] = [{ value: root, parent: null, key: "" }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (typeof value === "string") {
      if (!value.includes("\u0000")) continue;
      const at: string[] = [];
      for (let f: Frame | null = frame; f?.parent; f = f.parent) at.unshift(f.key);
      out.push({ field: at.join(".") || "body", key: "field.invalid" });
    } else if (isPlainData(value)) {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        const child: Frame = { value: (value as Record<string, unknown>)[k], parent: frame, key: k };
        // A key is text too (jsonb refuses \u0000 in keys): refused like a value.
        stack.push(
          k.includes("\u0000") ? { value: k, parent: frame, key: k.replaceAll("\u0000", "\\0") } : child,
        );
      }
    }
  }
  return out.reverse();
}

const TOKEN_KEY = /token|secret|password|code|key|sig/i;
/**
 * A path segment or value that looks like a random credential (our tokens are 43 base64url
 * characters): 20+ URL-safe characters mixing upper and lower case letters. Slugs and UUIDs are lower case.
 */
const TOKEN_LIKE = /^[\w~.%-]{20,}$/;
const looksLikeToken = (s: string) => TOKEN_LIKE.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s);
export const MASK = "***";

/**
 * The URL as it may be logged: token-like path segments and the values of token-like or
 * credential-named query parameters are masked (reset, confirmation and invitation links carry live tokens).
 */
export function maskUrl(url: string): string {
  const q = url.indexOf("?");
  const pathPart = q < 0 ? url : url.slice(0, q);
  const masked = pathPart
    .split("/")
    .map((s) => (looksLikeToken(s) ? MASK : s))
    .join("/");
  if (q < 0) return masked;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return value && (TOKEN_KEY.test(key) || looksLikeToken(value)) ? `${key}=${MASK}` : pair;
    })
    .join("&");
  return `${masked}?${query}`;
}

/** What pino logs of a request: Fastify's default fields, with the URL masked. */
export function requestSerializer(req: FastifyRequest) {
  return {
    method: req.method,
    url: maskUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: ProblemCode }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: "Request Header Fields Too Large", code: "headers-too-large" },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: "Request Timeout", code: "request-timeout" },
};

/**
 * Answers an error Node's HTTP parser found before any route ran (an over-long URL or header, a
 * malformed request line or header) like every other error: problem+json in the client's language
 * (read from the raw bytes when the parser got that far), then closes the connection.
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (!socket.writable) return socket.destroy();
  const known = CLIENT_ERRORS[err.code ?? ""];
  const { status, reason, code }: { status: number; reason: string; code: ProblemCode } = known ?? {
    status: 400,
    reason: "Bad Request",
    code: "bad-request",
  };
  const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.subarray(0, 16 * 1024).toString("latin1") : "";
  const lang = /\r\naccept-language:([^\r\n]*)/i.exec(raw)?.[1];
  const locale = fromAcceptLanguage(lang?.trim()) ?? "ru";
  const body = JSON.stringify({ type: `/problems/${code}`, title: t(locale, `problem.${code}`), status });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Language: ${locale}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
