import { isSafeNext } from "../shared/next";

/** Where sign-in lands without a (valid) `?next=`. */
export const DEFAULT_NEXT = "/account";

/** Only same-site paths are accepted as `?next=` (no open redirects); anything else → the account page. */
export function safeNext(next: string | null | undefined): string {
  return isSafeNext(next) ? next : DEFAULT_NEXT;
}

/** The `next` worth passing on (to a link or the API), or undefined when it is missing or not safe. */
export function passableNext(next: string | null | undefined): string | undefined {
  return isSafeNext(next) && next !== DEFAULT_NEXT ? next : undefined;
}

/** `path` with `?next=…` appended when `next` is safe to pass on; `path` alone otherwise. */
export function withNext(path: string, next: string | null | undefined): string {
  const pass = passableNext(next);
  return pass ? `${path}?next=${encodeURIComponent(pass)}` : path;
}
