import { Progress, Stack, Text } from "@mantine/core";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

/** The server asked for a proof of work (after many attempts on an account): 428 challenge-required. */
const challengeOf = (error: unknown): Challenge | null =>
  error instanceof ApiError && error.is("challenge-required")
    ? ((error.body.challenge as Challenge | undefined) ?? null)
    : null;

/**
 * Sends a request; when the server answers challenge-required, solves its self-hosted ALTCHA challenge
 * in the browser (Web Crypto, no third-party service) and sends the request again with the solution.
 * `solving` drives <ChallengeProgress>; nothing asks the user for a click, so it works by keyboard.
 */
export function useChallenge() {
  const [solving, setSolving] = useState(false);
  const run = useCallback(async <T,>(send: (altcha?: string) => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      const challenge = challengeOf(error);
      if (!challenge) throw error;
      setSolving(true);
      try {
        const solution = await solveChallenge({ challenge, deriveKey });
        if (!solution) throw error;
        return await send(btoa(JSON.stringify({ challenge, solution })));
      } finally {
        setSolving(false);
      }
    }
  }, []);
  return { solving, run };
}

/** A visible, announced progress line while the browser solves the challenge. */
export function ChallengeProgress({ solving }: { solving: boolean }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!solving) return;
    setSeconds(0);
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [solving]);
  if (!solving) return null;
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="challenge-progress">
      <Text size="sm">{t("auth.challenge.solving", { seconds })}</Text>
      <Progress value={100} striped animated aria-label={t("auth.challenge.label")} />
    </Stack>
  );
}
