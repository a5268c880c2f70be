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

/**
 * What a rule may know about the request besides the actor: its socket peer (never X-Forwarded-For,
 * which anyone can send). Route-level checks and /api/me pass it; service-level checks have none.
 */
export type RequestFacts = { socketAddress: string | undefined };

export const requestFacts = (req: { socket: { remoteAddress?: string } }): RequestFacts => ({
  socketAddress: req.socket.remoteAddress,
});

export type Rule<R = unknown> = (actor: Actor, resource: R, request?: RequestFacts) => boolean;

/**
 * Every policy action some module declares: `src/server/modules/index.ts` fills this interface from
 * the manifests (declaration merging), so core names no module and an unknown action does not compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in modules/index.ts
export interface PolicyActions {}
export type Action = keyof PolicyActions & string;

const rules = new Map<string, Rule<never>>();

/** Installs the rules of a module manifest (core/module.ts); an action nobody declared is denied. */
export function defineRules(defs: Readonly<Record<string, Rule<never>>>) {
  for (const [action, rule] of Object.entries(defs)) {
    if (rules.has(action)) throw new Error(`policy rule ${action} defined twice`);
    rules.set(action, rule);
  }
}

export function hasRule(action: string) {
  return rules.has(action);
}

export function can<R>(actor: Actor, action: Action, resource?: R, request?: RequestFacts): boolean {
  const rule = rules.get(action) as Rule<R | undefined> | undefined;
  if (!rule) return false; // default deny
  return rule(actor, resource, request);
}

/** Throws 401 for a guest and 403 for a signed-in user when the action is not allowed. */
export function authorize<R>(actor: Actor, action: Action, resource?: R): void {
  if (!can(actor, action, resource)) throw actor ? forbidden() : unauthorized();
}

/** What the actor may do, for the UI to hide what the server would refuse (resource-free rules only). */
export function abilities(
  actor: Actor,
  actions: readonly Action[],
  request?: RequestFacts,
): Record<string, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, undefined, request)]));
}

export const anyone: Rule = () => true;
export const signedIn: Rule = (actor) => actor !== null;
export const guestOnly: Rule = (actor) => actor === null;
export const hasRole =
  (...roles: Role[]): Rule =>
  (actor) =>
    actor !== null && roles.includes(actor.role);
