import type { FastifyRequest } from "fastify";
import { LOCALES, type Locale } from "../../shared/constants.js";

type Dict = Record<string, string>;

/** Server-side messages: problem titles, field errors, mail. Keys must exist in both languages (tested). */
export const messages: Record<Locale, Dict> = {
  ru: {
    "problem.bad-request": "Некорректный запрос",
    "problem.validation": "Проверьте заполнение полей",
    "problem.unauthorized": "Войдите, чтобы продолжить",
    "problem.forbidden": "Недостаточно прав для этого действия",
    "problem.not-found": "Не найдено",
    "problem.route-not-found": "Такого адреса API нет: {path}",
    "problem.conflict": "Запись уже изменена кем-то другим",
    "problem.too-many-requests": "Слишком много попыток. Повторите через {retry}.",
    "problem.cross-origin": "Запрос с другого сайта отклонён",
    "problem.payload-too-large": "Слишком большой запрос",
    "problem.unsupported-media-type": "Неподдерживаемый формат запроса",
    "problem.json-too-deep": "Слишком глубокая вложенность данных запроса: не более {max} уровней",
    "problem.json-too-many-items": "Слишком много элементов в запросе: не более {max}",
    "problem.too-many-parameters": "Слишком много параметров в адресе: не более {max}",
    "problem.headers-too-large": "Слишком длинный адрес или заголовки запроса",
    "problem.uri-too-long": "Слишком длинный адрес запроса",
    "problem.request-timeout": "Запрос не был получен полностью за отведённое время",
    "problem.internal": "Внутренняя ошибка сервера. Мы уже знаем о ней; повторите позже.",
    "problem.unavailable": "Сервис временно недоступен",
    "problem.invalid-credentials": "Неверная электронная почта или пароль",
    "problem.email-not-confirmed": "Подтвердите электронную почту: мы отправили письмо со ссылкой",
    "problem.challenge-required":
      "С этой учётной записью было много попыток. Подтвердите, что вы не робот: браузер решит короткую задачу",
    "problem.account-blocked": "Учётная запись заблокирована",
    "problem.account-blocked.reason": "Учётная запись заблокирована: {reason}",
    "problem.invalid-token":
      "Ссылка недействительна: она уже использована, устарела или скопирована не полностью",
    "problem.policy-outdated":
      "Текст политики обработки персональных данных обновился. Перезагрузите страницу и ознакомьтесь с ним.",
    "problem.wrong-password": "Текущий пароль указан неверно",
    "problem.wrong-signup-password":
      "Это не тот пароль, который был указан при регистрации по этой ссылке. Если вы его не помните или регистрировались не вы, зарегистрируйтесь заново: придёт новое письмо",
    "problem.self-role": "Нельзя изменить собственную роль или заблокировать себя",
    "field.required": "Обязательное поле",
    "field.invalid": "Неверное значение",
    "field.invalid-type": "Неверный тип значения",
    "field.email": "Укажите адрес электронной почты, например name@example.ru",
    "field.too-short": "Не короче {min} символов",
    "field.too-long": "Не длиннее {max} символов",
    "field.unsafe-text":
      "Уберите управляющие и невидимые символы (символы направления текста, нулевой ширины, переводы строк)",
    "field.too-small": "Не меньше {min}",
    "field.too-big": "Не больше {max}",
    "field.enum": "Выберите одно из значений: {options}",
    "field.uuid": "Неверный идентификатор",
    "field.date": "Укажите дату в формате ГГГГ-ММ-ДД",
    "field.unknown-key": "Неизвестное поле",
    "field.password-common": "Этот пароль слишком распространён; придумайте другой",
    "field.password-email": "Пароль не должен совпадать с адресом почты",
    "field.consent-required": "Без согласия на обработку персональных данных регистрация невозможна",
    "field.full-name": "Укажите фамилию и имя",
    "field.next-path": "Адрес перехода должен быть страницей этого сайта и начинаться с «/»",
    "msg.signup": "Проверьте почту: мы отправили письмо со ссылкой для подтверждения адреса.",
    "msg.confirmed": "Адрес подтверждён, вы вошли на платформу.",
    "msg.resent": "Если такой адрес зарегистрирован и ещё не подтверждён, мы отправили письмо повторно.",
    "msg.reset-requested":
      "Если такой адрес зарегистрирован, мы отправили письмо со ссылкой для смены пароля. Ссылка действует 60 минут.",
    "msg.password-reset": "Пароль изменён. Войдите с новым паролем.",
    "msg.password-changed": "Пароль изменён. Остальные сеансы завершены.",
    "time.seconds": "{n} с",
    "time.minutes": "{n} мин",
  },
  en: {
    "problem.bad-request": "Bad request",
    "problem.validation": "Please check the fields",
    "problem.unauthorized": "Sign in to continue",
    "problem.forbidden": "You are not allowed to do this",
    "problem.not-found": "Not found",
    "problem.route-not-found": "There is no such API address: {path}",
    "problem.conflict": "The record has already been changed by someone else",
    "problem.too-many-requests": "Too many attempts. Try again in {retry}.",
    "problem.cross-origin": "A request from another site was refused",
    "problem.payload-too-large": "The request is too large",
    "problem.unsupported-media-type": "Unsupported request format",
    "problem.json-too-deep": "The request's data is nested too deeply: at most {max} levels",
    "problem.json-too-many-items": "The request holds too many items: at most {max}",
    "problem.too-many-parameters": "The address has too many parameters: at most {max}",
    "problem.headers-too-large": "The request's address or headers are too long",
    "problem.uri-too-long": "The request's address is too long",
    "problem.request-timeout": "The request did not arrive in full in time",
    "problem.internal": "Internal server error. We know about it; please try again later.",
    "problem.unavailable": "The service is temporarily unavailable",
    "problem.invalid-credentials": "Wrong e-mail or password",
    "problem.email-not-confirmed": "Please confirm your e-mail: we sent you a link",
    "problem.challenge-required":
      "There have been many attempts with this account. Confirm you are not a robot: your browser will solve a short task",
    "problem.account-blocked": "This account is blocked",
    "problem.account-blocked.reason": "This account is blocked: {reason}",
    "problem.invalid-token":
      "This link is not valid: it was already used, has expired or was not copied whole",
    "problem.policy-outdated": "The personal data policy has been updated. Reload the page and read it.",
    "problem.wrong-password": "The current password is wrong",
    "problem.wrong-signup-password":
      "This is not the password chosen when signing up with this link. If you do not remember it or it was not you who signed up, sign up again: a new mail will come",
    "problem.self-role": "You cannot change your own role or block yourself",
    "field.required": "Required",
    "field.invalid": "Invalid value",
    "field.invalid-type": "Wrong type of value",
    "field.email": "Enter an e-mail address, e.g. name@example.com",
    "field.too-short": "At least {min} characters",
    "field.too-long": "At most {max} characters",
    "field.unsafe-text":
      "Remove control and invisible characters (text-direction marks, zero-width characters, line breaks)",
    "field.too-small": "At least {min}",
    "field.too-big": "At most {max}",
    "field.enum": "Choose one of: {options}",
    "field.uuid": "Invalid identifier",
    "field.date": "Enter a date as YYYY-MM-DD",
    "field.unknown-key": "Unknown field",
    "field.password-common": "This password is too common; choose another one",
    "field.password-email": "The password must not be your e-mail address",
    "field.consent-required": "You cannot sign up without consenting to personal data processing",
    "field.full-name": "Enter your surname and first name",
    "field.next-path": "The page to return to must be a path on this site starting with “/”",
    "msg.signup": "Check your mail: we sent you a link to confirm your address.",
    "msg.confirmed": "Your address is confirmed and you are signed in.",
    "msg.resent": "If this address is registered and not yet confirmed, we have sent the mail again.",
    "msg.reset-requested":
      "If this address is registered, we have sent a link to set a new password. The link is valid for 60 minutes.",
    "msg.password-reset": "Your password has been changed. Sign in with the new one.",
    "msg.password-changed": "Your password has been changed. Your other sessions have ended.",
    "time.seconds": "{n} s",
    "time.minutes": "{n} min",
  },
};

/**
 * Modules bring their own messages (in <module>.messages.ts) instead of editing this file.
 * A key given twice is a bug; a key missing in one language is caught by the i18n test.
 */
export function addMessages(add: Record<Locale, Dict>) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(add[locale])) {
      if (key in messages[locale]) throw new Error(`message ${key} defined twice`);
      messages[locale][key] = text;
    }
  }
}

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[locale][key] ?? messages.ru[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Picks the first supported language of an Accept-Language header, by quality. */
export function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale);
}

/** The request's language: the signed-in user's setting, else Accept-Language, else Russian. */
export function requestLocale(req: FastifyRequest): Locale {
  return req.actor?.locale ?? fromAcceptLanguage(req.headers["accept-language"]) ?? "ru";
}
