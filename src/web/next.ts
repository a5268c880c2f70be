import { isSafeNext } from "../shared/next";

/** Where sign-in lands without a (valid) `?next=`: the member's cabinet. */
export const DEFAULT_NEXT = "/cabinet";
/** Where an operator or an admin (who may open the desk) lands instead. */
export const STAFF_NEXT = "/desk";

/** Only same-site paths are accepted as `?next=` (no open redirects); anything else → the cabinet. */
export function safeNext(next: string | null | undefined): string {
  return isSafeNext(next) ? next : DEFAULT_NEXT;
}

/** Where to go after signing in: a safe `?next=` first, else the desk for staff and the cabinet for others. */
export function landingOf(next: string | null | undefined, staff: boolean): string {
  return isSafeNext(next) ? next : staff ? STAFF_NEXT : DEFAULT_NEXT;
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
