import type { Locale } from "../../../shared/constants.js";
import { layout, type MailTemplate, type Rendered, type TemplateData } from "../../core/mail.js";

/** Notifications by mail: one at once, or the daily digest. */
export const NOTIFICATION_MAIL = {
  /** One notification sent at once: data.title, data.body (optional), data.url. */
  notification: (l: Locale, d: TemplateData): Rendered =>
    layout(
      l,
      d.title!,
      [
        d.body ?? "",
        l === "ru"
          ? "Настроить уведомления можно в личном кабинете."
          : "You can change notification settings in your account.",
      ].filter(Boolean),
      {
        url: d.url!,
        label: l === "ru" ? "Открыть" : "Open",
      },
    ),
  /** The daily digest: data.lines is the list, one notification per line; data.url the notification centre. */
  digest: (l: Locale, d: TemplateData): Rendered =>
    layout(
      l,
      l === "ru" ? `Сводка за день: ${d.count}` : `Daily digest: ${d.count}`,
      [
        l === "ru" ? "Что произошло с прошлой сводки:" : "What happened since the last digest:",
        ...(d.lines ?? "").split("\n"),
      ],
      { url: d.url!, label: l === "ru" ? "Все уведомления" : "All notifications" },
    ),
} satisfies Record<string, MailTemplate>;
