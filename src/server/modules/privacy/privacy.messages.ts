import type { Messages } from "../../core/module.js";

/** Problems and answers of the privacy module (export and erasure of personal data). */
export const PRIVACY_MESSAGES: Messages = {
  ru: {
    "problem.deletion-pending":
      "Учётная запись будет удалена {date} по вашему запросу. Чтобы сохранить её, отмените удаление.",
    "problem.erasure-owner":
      "Вы владелец организаций: {organizations}. Передайте права владельца другому участнику, затем удалите учётную запись.",
    "problem.erasure-not-pending": "Запроса на удаление этой учётной записи нет",
    "problem.export-expired":
      "Ссылка на выгрузку больше не действует (она работает {days} дней). Запросите новую выгрузку.",
    "msg.erasure-requested":
      "Учётная запись заблокирована и будет удалена {date}. До этого дня удаление можно отменить, войдя с вашим паролем.",
  },
  en: {
    "problem.deletion-pending":
      "This account will be deleted on {date}, as you asked. To keep it, cancel the deletion.",
    "problem.erasure-owner":
      "You own these organizations: {organizations}. Pass ownership on to another member, then delete your account.",
    "problem.erasure-not-pending": "There is no deletion request for this account",
    "problem.export-expired":
      "The export link no longer works (it works for {days} days). Request a new export.",
    "msg.erasure-requested":
      "Your account is blocked and will be deleted on {date}. Until then you can cancel by signing in with your password.",
  },
};
