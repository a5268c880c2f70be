/** Test helpers of the pilots' API tests: a site's and an application's bodies, a pilot moved along its states. */
import { expect } from "vitest";
import type { PilotState } from "../../../shared/pilots.js";
import type { Client } from "../../test/helpers.js";

export type SiteView = {
  id: string;
  name: string;
  capacity: number;
  busy: number;
  manage: boolean;
  version: number;
  completed: { id: string; success: boolean; measuredEffect: string; letterUrl: string | null }[];
};

export type PilotView = {
  id: string;
  state: PilotState;
  version: number;
  operatorAssisted: boolean;
  expert: { id: string } | null;
  innovation: { score: number; comment: string } | null;
  agreed: { dateFrom: string; dateTo: string; conditions: string } | null;
  rejectReason: string | null;
  rejectedAt: string | null;
  result: { success: boolean; measuredEffect: string } | null;
  milestones: { id: string; title: string; done: boolean }[];
  files: { id: string; kind: string; url: string; name: string }[];
  challengeSubmissionId: string | null;
  me: { sides: string[]; moves: string[] };
};

export async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

export const siteBody = (organizationId: string, o: Record<string, unknown> = {}) => ({
  organizationId,
  name: "ГКБ № 52: приёмное отделение",
  type: "hospital",
  okrug: "szao",
  district: "shchukino",
  address: "ул. Пехотная, д. 3",
  testable: "Системы сортировки пациентов, мониторинга очередей и навигации в приёмном отделении",
  conditions: "Работы в ночную смену, допуск по согласованию с главным врачом",
  capacity: 2,
  periodFrom: "2026-01-01",
  periodTo: "2027-12-31",
  paid: false,
  ...o,
});

export const applyBody = (organizationId: string, o: Record<string, unknown> = {}) => ({
  organizationId,
  solution:
    "Компьютерное зрение для подсчёта очереди и прогноза нагрузки приёмного отделения на 4 часа вперёд.",
  trl: 7,
  expectedEffect: "Время ожидания сортировки снизится на 20%",
  team: "Пять инженеров, врач-консультант",
  needs: "Две камеры в зоне ожидания, доступ к МИС на чтение",
  dateFrom: "2026-03-01",
  dateTo: "2026-08-31",
  operatorAssisted: false,
  publishResult: true,
  ...o,
});

export type Sides = { company: Client; owner: Client; op: Client; expert: Client; expertEmail: string };

/** Moves a pilot by the proper sides along the plain path (or the assisted one) up to `to`. */
export async function moveTo(s: Sides, p: PilotView, to: PilotState): Promise<PilotView> {
  const post = (c: Client, path: string, body: Record<string, unknown> = {}) =>
    ok<PilotView>(c.post(`/api/pilots/${p.id}/${path}`, { version: p.version, ...body }));
  const path: [PilotState, () => Promise<PilotView>][] = [
    ["operator_review", () => post(s.op, "triage")],
    ["innovation_review", () => post(s.op, "assign", { expertEmail: s.expertEmail })],
    [
      "site_review",
      () =>
        post(s.expert, "score", {
          novelty: 8,
          readiness: 7,
          effect: 6,
          feasibility: 9,
          comment: "Решение новое для городских больниц, готово к пилоту",
        }),
    ],
    [
      "agreed",
      () =>
        post(s.owner, "agree", { dateFrom: "2026-04-01", dateTo: "2026-09-30", conditions: "Ночные смены" }),
    ],
    ["running", () => post(s.owner, "start")],
    [
      "completed",
      () => post(s.owner, "complete", { success: true, measuredEffect: "Ожидание сократилось на 23%" }),
    ],
  ];
  if (to === "rejected") {
    p = await moveTo(s, p, "site_review");
    return post(s.owner, "reject", { reason: "Нет свободных помещений" });
  }
  if (to === "withdrawn") return post(s.company, "withdraw");
  const order: PilotState[] = ["submitted", ...path.map(([state]) => state)];
  for (const [state, step] of path) {
    if (p.state === to) return p;
    if (order.indexOf(state) <= order.indexOf(p.state)) continue;
    if (state === "operator_review" && !p.operatorAssisted) continue;
    p = await step();
  }
  expect(p.state).toBe(to);
  return p;
}
