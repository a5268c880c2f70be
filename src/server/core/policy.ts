import type { Role } from "../../shared/constants.js";
import { forbidden, unauthorized } from "./errors.js";

/** Who is acting: the signed-in user with their session, or null for a guest. */
export type Actor = {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  locale: "ru" | "en";
  sessionId: string;
} | null;

export type Rule<R = unknown> = (actor: Actor, resource: R) => boolean;

const rules = new Map<string, Rule<never>>();

/** Each module declares its rules once (in <module>.policy.ts); an action nobody declared is denied. */
export function defineRules(defs: Record<string, Rule<never>>) {
  for (const [action, rule] of Object.entries(defs)) {
    if (rules.has(action)) throw new Error(`policy rule ${action} defined twice`);
    rules.set(action, rule);
  }
}

export function hasRule(action: string) {
  return rules.has(action);
}

export function can<R>(actor: Actor, action: string, resource?: R): boolean {
  const rule = rules.get(action) as Rule<R | undefined> | undefined;
  if (!rule) return false; // default deny
  return rule(actor, resource);
}

/** Throws 401 for a guest and 403 for a signed-in user when the action is not allowed. */
export function authorize<R>(actor: Actor, action: string, resource?: R): void {
  if (!can(actor, action, resource)) throw actor ? forbidden() : unauthorized();
}

/** What the actor may do, for the UI to hide what the server would refuse (resource-free rules only). */
export function abilities(actor: Actor, actions: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a)]));
}

export const anyone: Rule = () => true;
export const signedIn: Rule = (actor) => actor !== null;
export const guestOnly: Rule = (actor) => actor === null;
export const hasRole =
  (...roles: Role[]): Rule =>
  (actor) =>
    actor !== null && roles.includes(actor.role);
