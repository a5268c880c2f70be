/**
 * `?next=`: where to go after signing in (carried through sign-up and the confirmation mail).
 * Only a path on this site is accepted, so no link can send a user elsewhere (no open redirects).
 * Shared by the server (sign-up contract) and the web app (`safeNext`).
 */

export const NEXT_MAX = 500;

const BASE = "http://innocluster.invalid";

/**
 * A path on this site: one leading "/" (not "//" or "/\", which browsers read as another host), no
 * control characters or spaces (browsers drop tabs and newlines, turning "/\t/x" into "//x"), no
 * backslash, and it resolves to this site's origin.
 */
export function isSameSitePath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return false;
  // Nothing a proxy or a later redirect could normalise into another host: no "//" after the start
  // ("/..//evil.com" becomes "//evil.com" once "/.." is resolved), no "." or ".." segments.
  const path = value.split(/[?#]/, 1)[0]!;
  if (path.includes("//") || /(^|\/)\.{1,2}(\/|$)/.test(path)) return false;
  try {
    return new URL(value, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** A `next` the platform accepts: a same-site path of at most NEXT_MAX characters. */
export function isSafeNext(value: string | null | undefined): value is string {
  return typeof value === "string" && value.length <= NEXT_MAX && isSameSitePath(value);
}
