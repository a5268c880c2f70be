// Node's socket errors and PostgreSQL's connection-exception (08…) and operator-intervention (57P0…)
// classes, and "too many connections": the database is away, not the request at fault.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Client was closed/i;

/** The database could not be reached (through drizzle's wrapping): answered 503 with Retry-After. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: string; message?: string };
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (message && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
