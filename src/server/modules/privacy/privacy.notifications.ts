import type { NotificationKind } from "../../core/module.js";

/** The export of one's data is ready (data: `expires`, the last day the link works). */
export const EXPORT_READY = "privacy.export-ready";

export const PRIVACY_NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  [EXPORT_READY]: {
    label: { ru: "Готова выгрузка моих данных", en: "My data export is ready" },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: "Выгрузка ваших данных готова",
            body: `Скачайте архив в настройках учётной записи, раздел «Мои данные». Ссылка действует до ${d.expires} и только для вас.`,
          }
        : {
            title: "Your data export is ready",
            body: `Download the archive in your account settings, section "My data". The link works until ${d.expires}, and only for you.`,
          },
  },
};
