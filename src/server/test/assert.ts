import { count } from "drizzle-orm";
import { expect } from "vitest";
import { PRIVACY_POLICY_VERSION } from "../../shared/constants.js";
import { auditLog } from "../core/audit.schema.js";
import type { Database } from "../core/db.js";
import { mailOutbox } from "../core/mail.schema.js";
import { sessions, users } from "../modules/accounts/accounts.schema.js";

type Res = { statusCode: number; headers: Record<string, unknown>; json: () => unknown };
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  instance?: string;
  errors?: { field: string; message: string }[];
  [k: string]: unknown;
};

/** Asserts an RFC 9457 problem response of the given status and type, and returns its body. */
export function expectProblem(res: Res, status: number, type?: string): ProblemBody {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe("string");
  expect(body.title.length).toBeGreaterThan(0);
  if (type) expect(body.type).toBe(`/problems/${type}`);
  return body;
}

/** The field errors of a problem as field → message. */
export function fieldErrors(body: ProblemBody): Record<string, string> {
  return Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
}

export const signupBody = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  fullName: "Смирнова Ольга Андреевна",
  password: "Lunokhod-1970",
  consent: true,
  policyVersion: PRIVACY_POLICY_VERSION,
  locale: "ru",
  ...extra,
});

/** Row counts of the tables a request could write to, to check that a refused request changed nothing. */
export async function counts(db: Database) {
  const [[u], [m], [s], [a]] = await Promise.all([
    db.db.select({ n: count() }).from(users),
    db.db.select({ n: count() }).from(mailOutbox),
    db.db.select({ n: count() }).from(sessions),
    db.db.select({ n: count() }).from(auditLog),
  ]);
  return { users: u!.n, mails: m!.n, sessions: s!.n, audit: a!.n };
}

export const randomEmail = (prefix = "u") =>
  `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.ru`;
