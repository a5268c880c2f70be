import type { Locale } from "../../../shared/constants.js";
import { layout, type Rendered, type TemplateData } from "../../core/mail.js";

/** The mail confirming a deletion request: when the account goes and how to cancel. */
export const PRIVACY_MAIL = {
  "erasure-requested": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          "Ваша учётная запись будет удалена",
          [
            `Здравствуйте, ${d.name}!`,
            `Вы запросили удаление учётной записи на платформе Иннокластер (или отозвали согласие на обработку персональных данных). Учётная запись заблокирована, все сеансы завершены. ${d.date} ваши имя и адрес будут удалены, членство в организациях прекращено; ваши сообщения останутся от имени «удалённый пользователь».`,
            "Передумали? До этого дня войдите с вашим адресом и паролем и нажмите «Отменить удаление».",
          ],
          { url: d.url!, label: "Войти и отменить удаление" },
        )
      : layout(
          l,
          "Your account will be deleted",
          [
            `Hello ${d.name},`,
            `You asked to delete your Innocluster account (or withdrew your consent to the processing of personal data). The account is blocked and every session has ended. On ${d.date} your name and address will be removed and your memberships ended; your messages will stay, shown as from "deleted user".`,
            'Changed your mind? Until then, sign in with your address and password and choose "Cancel deletion".',
          ],
          { url: d.url!, label: "Sign in and cancel" },
        ),
};
