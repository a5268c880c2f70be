import type { Locale } from "../../../shared/constants.js";
import type { NotificationKind } from "../../core/module.js";

/**
 * Notifications of the organization status: the applicant side (in-app), the operator's decisions and
 * later changes (in-app and e-mail at once by default). Texts are rendered when read, in the reader's
 * language, from the data stored with each notification: org (short name), status (requested or held),
 * reason (the operator's comment), event.
 */

type Data = Record<string, string | number | null>;

/** The status as it follows "status of …": «статус участника кластера». */
const STATUS_OF: Record<string, Record<Locale, string>> = {
  participant: { ru: "участника кластера", en: "cluster participant" },
  partner: { ru: "партнёра кластера", en: "cluster partner" },
  registered: { ru: "зарегистрированной организации", en: "registered organization" },
};
const statusOf = (l: Locale, s: unknown) => STATUS_OF[String(s)]?.[l] ?? String(s);

/** A reason in a title is cut to a readable length; the body carries it whole. */
const short = (s: unknown, max = 140) => {
  const v = String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};

const ru = (l: Locale) => l === "ru";

export const STATUS_NOTIFICATION_KINDS = {
  application: "org.status.application",
  decided: "org.status.decided",
  changed: "org.status.changed",
} as const;

export const STATUS_NOTIFICATION_DEFS: Record<string, NotificationKind> = {
  [STATUS_NOTIFICATION_KINDS.application]: {
    label: { ru: "Заявки организации на статус", en: "Your organization's status applications" },
    defaultChannel: "in_app",
    render(l, d: Data) {
      const s = statusOf(l, d.status);
      switch (d.event) {
        case "resubmitted":
          return ru(l)
            ? { title: `Заявка на статус ${s} отправлена повторно (организация «${d.org}»)` }
            : { title: `The application for ${s} status has been resubmitted (${d.org})` };
        case "withdrawn":
          return ru(l)
            ? { title: `Заявка на статус ${s} отозвана (организация «${d.org}»)` }
            : { title: `The application for ${s} status has been withdrawn (${d.org})` };
        default:
          return ru(l)
            ? { title: `Заявка на статус ${s} подана (организация «${d.org}»)` }
            : { title: `The application for ${s} status has been submitted (${d.org})` };
      }
    },
  },
  [STATUS_NOTIFICATION_KINDS.decided]: {
    label: { ru: "Решения по заявкам на статус", en: "Decisions on status applications" },
    defaultChannel: "email",
    render(l, d: Data) {
      const s = statusOf(l, d.status);
      switch (d.decision) {
        case "approve":
          return ru(l)
            ? {
                title: `Организации «${d.org}» присвоен статус ${s}`,
                body: `Оператор кластера одобрил заявку организации «${d.org}» на статус ${s}.`,
              }
            : {
                title: `${d.org} has been granted ${s} status`,
                body: `The cluster operator approved the application of ${d.org} for ${s} status.`,
              };
        case "reject":
          return ru(l)
            ? {
                title: `Заявка отклонена: ${short(d.reason)}`,
                body: `Заявка организации «${d.org}» на статус ${s} отклонена. Причина: ${d.reason}`,
              }
            : {
                title: `Application rejected: ${short(d.reason)}`,
                body: `The application of ${d.org} for ${s} status has been rejected. Reason: ${d.reason}`,
              };
        default:
          return ru(l)
            ? {
                title: `Заявка возвращена на доработку: ${short(d.reason)}`,
                body: `Заявка организации «${d.org}» на статус ${s} возвращена на доработку. Что исправить: ${d.reason}. Исправьте и отправьте заявку повторно.`,
              }
            : {
                title: `Application returned for changes: ${short(d.reason)}`,
                body: `The application of ${d.org} for ${s} status has been returned for changes. What to fix: ${d.reason}. Fix it and resubmit the application.`,
              };
      }
    },
  },
  [STATUS_NOTIFICATION_KINDS.changed]: {
    label: { ru: "Изменения статуса организации", en: "Changes of your organization's status" },
    defaultChannel: "email",
    render(l, d: Data) {
      const s = statusOf(l, d.status);
      switch (d.event) {
        case "resumed":
          return ru(l)
            ? { title: `Статус ${s} организации «${d.org}» возобновлён` }
            : { title: `The ${s} status of ${d.org} has been resumed` };
        case "revoked":
          return ru(l)
            ? {
                title: `Статус ${s} организации «${d.org}» отозван: ${short(d.reason)}`,
                body: `Причина: ${d.reason}`,
              }
            : {
                title: `The ${s} status of ${d.org} has been revoked: ${short(d.reason)}`,
                body: `Reason: ${d.reason}`,
              };
        default:
          return ru(l)
            ? {
                title: `Статус ${s} организации «${d.org}» приостановлен: ${short(d.reason)}`,
                body: `Причина: ${d.reason}`,
              }
            : {
                title: `The ${s} status of ${d.org} has been suspended: ${short(d.reason)}`,
                body: `Reason: ${d.reason}`,
              };
      }
    },
  },
};
