import type { Locale } from "../../../shared/constants.js";
import { layout, type MailTemplate, type Rendered, type TemplateData } from "../../core/mail.js";

/** The organizations module's mail templates, ru and en. */
export const ORGANIZATION_MAIL = {
  /** An invitation to join an organization: data.org, data.inviter, data.url, data.expires (formatted). */
  "org-invitation": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          `Приглашение в организацию «${d.org}»`,
          [
            "Здравствуйте!",
            `${d.inviter} приглашает вас присоединиться к организации «${d.org}» на платформе Иннокластер.`,
            `Ссылка действует до ${d.expires} и срабатывает один раз. Если у вас ещё нет учётной записи, зарегистрируйтесь с этим адресом электронной почты.`,
            "Если вы не ждали приглашения, просто удалите это письмо.",
          ],
          { url: d.url!, label: "Принять приглашение" },
        )
      : layout(
          l,
          `Invitation to join ${d.org}`,
          [
            "Hello,",
            `${d.inviter} invites you to join ${d.org} on Innocluster.`,
            `The link is valid until ${d.expires} and works once. If you have no account yet, sign up with this e-mail address.`,
            "If you did not expect this invitation, just delete this mail.",
          ],
          { url: d.url!, label: "Accept the invitation" },
        ),
} satisfies Record<string, MailTemplate>;
