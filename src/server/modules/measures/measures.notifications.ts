import type { NotificationKind } from "../../core/module.js";

/** Notification kinds of the support-measure navigator; data carries `title` (the measure's Russian title). */
export const MEASURE_NOTIFICATION = {
  match: "measures.match",
  eligible: "measures.eligible",
  reminder: "measures.reminder",
} as const;

const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export const MEASURE_NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  [MEASURE_NOTIFICATION.match]: {
    label: {
      ru: "Новые меры поддержки по сохранённым поискам",
      en: "New support measures for saved searches",
    },
    defaultChannel: "digest",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `Мера «${s(d.title)}» подходит под поиск «${s(d.search)}»`,
            body: d.changed ? "Мера поддержки изменилась." : "Опубликована новая мера поддержки.",
          }
        : {
            title: `“${s(d.title)}” matches your saved search “${s(d.search)}”`,
            body: d.changed ? "The support measure has changed." : "A new support measure is published.",
          },
  },
  [MEASURE_NOTIFICATION.eligible]: {
    label: {
      ru: "Меры поддержки, доступные моей организации",
      en: "Support measures my organization is eligible for",
    },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `«${s(d.org)}» подходит под меру поддержки «${s(d.title)}»`,
            body: "Организация соответствует всем условиям меры. Посмотрите подробности и подайте заявку.",
          }
        : {
            title: `${s(d.org)} is eligible for “${s(d.title)}”`,
            body: "The organization meets every criterion of the measure. See the details and apply.",
          },
  },
  [MEASURE_NOTIFICATION.reminder]: {
    label: { ru: "Напоминания о сроках избранных мер", en: "Deadlines of saved measures" },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `Приём заявок на меру «${s(d.title)}» заканчивается ${s(d.closesOn)}`,
            body: "Вы сохранили эту меру в избранном. Успейте подать заявку.",
          }
        : {
            title: `Applications for “${s(d.title)}” close on ${s(d.closesOn)}`,
            body: "You saved this measure. Apply before the deadline.",
          },
  },
};
