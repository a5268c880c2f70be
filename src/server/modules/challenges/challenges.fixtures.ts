/** Test helpers of the challenges' API tests: a challenge's body, and one moved along its states. */
import { expect } from "vitest";
import { clusterLocal } from "../../../shared/challenges.js";
import { now } from "../../core/clock.js";
import type { Client } from "../../test/helpers.js";

export type ChallengeView = {
  id: string;
  state: string;
  stage: number | null;
  version: number;
  deadline: string;
  deadlineAt: string;
  rejectReason: string | null;
  submissions: number;
  experts: { id: string; email: string; noConflict: boolean }[];
  me: { manage: boolean; expert: boolean; noConflict: boolean; submissions: { id: string }[] };
};

export type SubmissionView = {
  id: string;
  state: string;
  version: number;
  passed: number;
  decision: string | null;
  mine: boolean;
  feedback: {
    decision: string;
    score: number | null;
    averages: { name: string; average: number | null }[];
    comments: string[];
  } | null;
};

const DAY = 24 * 3600 * 1000;

/** A Moscow local time `days` from the server's now, on the minute. */
export const inDays = (days: number) => clusterLocal(new Date(now().getTime() + days * DAY));

export const challengeBody = (organizationId: string, o: Record<string, unknown> = {}) => ({
  organizationId,
  titleRu: "Снижение потерь тепла в жилых домах",
  problemRu:
    "Теплосети теряют до 12% тепла на участках от ЦТП до вводов в дома; нужны средства раннего обнаружения утечек.",
  expectedResultRu: "Пилот на 20 домах с подтверждённым снижением потерь",
  requirementsRu: "Решение должно работать с существующими узлами учёта",
  minTrl: 5,
  rewardType: "paid_pilot",
  rewardAmount: 3_000_000,
  deadline: inDays(2),
  stages: 1,
  criteria: [
    { name: "Экономический эффект", description: "Снижение потерь, руб. в год", weight: 50 },
    { name: "Готовность технологии", weight: 30 },
    { name: "Стоимость внедрения", weight: 20 },
  ],
  ...o,
});

export const submissionBody = (organizationId: string, o: Record<string, unknown> = {}) => ({
  organizationId,
  solution: "Акустические датчики на трубопроводах и модель машинного обучения, находящая утечки за сутки.",
  trl: 7,
  ipStatus: "patented",
  price: 2_500_000,
  pilotPlan: "Три месяца на 20 домах ЮАО, отчёт каждые две недели",
  ...o,
});

export async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** Posts a challenge and, with an operator, takes it to accepting (or stops at `upTo`). */
export async function openChallenge(
  owner: Client,
  op: Client,
  organizationId: string,
  o: Record<string, unknown> = {},
  upTo: "draft" | "moderation" | "accepting" = "accepting",
): Promise<ChallengeView> {
  let c = await ok<ChallengeView>(owner.post("/api/challenges", challengeBody(organizationId, o)), 201);
  if (upTo === "draft") return c;
  c = await ok<ChallengeView>(owner.post(`/api/challenges/${c.id}/submit`, { version: c.version }));
  if (upTo === "moderation") return c;
  return ok<ChallengeView>(
    op.post(`/api/operator/challenges/${c.id}/decision`, { decision: "approve", version: c.version }),
  );
}
