import { createHmac } from "node:crypto";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../core/db.js";
import { AppError } from "../../core/errors.js";
import { authChallengesUsed } from "./accounts.schema.js";

/**
 * Self-hosted proof of work (ALTCHA, SHA-256): the server signs a challenge whose answer is a counter
 * it chose at random; the client finds it by brute force (≈ 0.2–1 s in a browser), the server checks it
 * with one hash. No third-party service is involved.
 */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const COUNTER_MIN = 5_000;
const COUNTER_MAX = 50_000;

const keys = (secret: string) => ({
  hmacSignatureSecret: createHmac("sha256", secret).update("altcha-challenge").digest("base64url"),
  hmacKeySignatureSecret: createHmac("sha256", secret).update("altcha-key").digest("base64url"),
});

export async function newChallenge(secret: string): Promise<Challenge> {
  return createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    ...keys(secret),
  });
}

/** What the client sends back: base64 of JSON `{ challenge, solution }`. */
const Payload = z.object({
  challenge: z
    .object({
      parameters: z.object({ expiresAt: z.number().int().positive() }).loose(),
      signature: z.string().min(16).max(200),
    })
    .loose(),
  solution: z.object({ counter: z.number().int().min(0), derivedKey: z.string().max(256) }).loose(),
});

/** The answer that asks for (another) proof of work: 428 with a fresh challenge in `challenge`. */
export async function challengeRequired(secret: string): Promise<AppError> {
  return new AppError(428, "challenge-required", {}, [], { challenge: await newChallenge(secret) });
}

/**
 * Accepts a solved challenge once: it must verify (signature, expiry, answer) and must not have been
 * used before — used ones are kept in the database until they expire, so every app server agrees.
 * Anything else asks for a new challenge.
 */
export async function redeemSolution(ex: Executor, secret: string, payload: string): Promise<void> {
  let parsed: z.infer<typeof Payload> | undefined;
  try {
    parsed = Payload.parse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
  } catch {
    throw await challengeRequired(secret);
  }
  const result = await verifySolution({
    challenge: parsed.challenge as unknown as Challenge,
    solution: parsed.solution,
    deriveKey,
    ...keys(secret),
  }).catch(() => ({ verified: false }));
  if (!result.verified) throw await challengeRequired(secret);
  const [fresh] = await ex
    .insert(authChallengesUsed)
    .values({
      id: parsed.challenge.signature,
      expiresAt: new Date(parsed.challenge.parameters.expiresAt * 1000),
    })
    .onConflictDoNothing()
    .returning({ id: authChallengesUsed.id });
  if (!fresh) throw await challengeRequired(secret);
}

/** Forgets used challenges once they expired (they can no longer verify anyway). */
export async function forgetUsedChallenges(ex: Executor, now: Date) {
  await ex.delete(authChallengesUsed).where(sql`${authChallengesUsed.expiresAt} < ${now}`);
}
