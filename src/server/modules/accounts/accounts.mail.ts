import type { Locale } from "../../../shared/constants.js";
import { layout, type MailTemplate, type Rendered, type TemplateData } from "../../core/mail.js";

/** The accounts module's mail templates, ru and en; every value is escaped in the HTML part. */
export const ACCOUNT_MAIL = {
  "confirm-email": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          "Подтвердите адрес электронной почты",
          [
            `Здравствуйте, ${d.name}!`,
            "Вы зарегистрировались на платформе Иннокластер. Откройте ссылку и введите пароль, указанный при регистрации, чтобы подтвердить адрес и войти. Ссылка действует 48 часов.",
            "Если вы не регистрировались, не обращайте внимания на это письмо: без пароля, указанного при регистрации, ссылкой никто не сможет воспользоваться.",
          ],
          { url: d.url!, label: "Подтвердить адрес" },
        )
      : layout(
          l,
          "Confirm your e-mail address",
          [
            `Hello ${d.name},`,
            "You signed up on Innocluster. Open the link and type the password you chose at sign-up to confirm your address and sign in. The link is valid for 48 hours.",
            "If you did not sign up, ignore this mail: nobody can use the link without the password chosen at sign-up.",
          ],
          { url: d.url!, label: "Confirm address" },
        ),
  "signup-existing": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          "Попытка регистрации с вашим адресом",
          [
            "Кто-то (возможно, вы) попытался зарегистрироваться на платформе Иннокластер с этим адресом, но он уже зарегистрирован.",
            "Если вы забыли пароль, восстановите его по ссылке.",
          ],
          { url: d.url!, label: "Восстановить пароль" },
        )
      : layout(
          l,
          "Sign-up attempt with your address",
          [
            "Someone (perhaps you) tried to sign up on Innocluster with this address, which is already registered.",
            "If you forgot your password, reset it with the link.",
          ],
          { url: d.url!, label: "Reset password" },
        ),
  "reset-password": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          "Смена пароля",
          [
            `Здравствуйте, ${d.name}!`,
            "Мы получили запрос на смену пароля. Ссылка действует 60 минут и срабатывает один раз.",
            "Если вы не запрашивали смену пароля, ничего не делайте: пароль останется прежним.",
          ],
          { url: d.url!, label: "Задать новый пароль" },
        )
      : layout(
          l,
          "Reset your password",
          [
            `Hello ${d.name},`,
            "We received a request to reset your password. The link is valid for 60 minutes and works once.",
            "If you did not ask for it, do nothing: your password stays the same.",
          ],
          { url: d.url!, label: "Set a new password" },
        ),
  "password-changed": (l: Locale, d: TemplateData): Rendered =>
    l === "ru"
      ? layout(
          l,
          "Пароль изменён",
          [
            `Здравствуйте, ${d.name}!`,
            "Пароль вашей учётной записи только что изменён, остальные сеансы завершены.",
            "Если это были не вы, срочно восстановите пароль по ссылке.",
          ],
          { url: d.url!, label: "Восстановить пароль" },
        )
      : layout(
          l,
          "Your password was changed",
          [
            `Hello ${d.name},`,
            "The password of your account has just been changed and your other sessions have ended.",
            "If it was not you, reset your password at once.",
          ],
          { url: d.url!, label: "Reset password" },
        ),
} satisfies Record<string, MailTemplate>;
