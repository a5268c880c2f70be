import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/constants";
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDevmail from "./en/devmail.json";
import enHome from "./en/home.json";
import enLegal from "./en/legal.json";
import ruAccount from "./ru/account.json";
import ruAdmin from "./ru/admin.json";
import ruAudit from "./ru/audit.json";
import ruAuth from "./ru/auth.json";
import ruCommon from "./ru/common.json";
import ruDevmail from "./ru/devmail.json";
import ruHome from "./ru/home.json";
import ruLegal from "./ru/legal.json";

/**
 * One i18next namespace ("translation"); every JSON file is a top-level key named after the file,
 * so `t("auth.signIn.submit")` reads `auth.json` → `signIn.submit`.
 */
export const resources = {
  ru: {
    translation: {
      common: ruCommon,
      home: ruHome,
      auth: ruAuth,
      account: ruAccount,
      admin: ruAdmin,
      audit: ruAudit,
      devmail: ruDevmail,
      legal: ruLegal,
    },
  },
  en: {
    translation: {
      common: enCommon,
      home: enHome,
      auth: enAuth,
      account: enAccount,
      admin: enAdmin,
      audit: enAudit,
      devmail: enDevmail,
      legal: enLegal,
    },
  },
} as const;

export const LANG_STORAGE_KEY = "innocluster.lang";
export const DEFAULT_LOCALE: Locale = "ru";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storedLanguage(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remember the language for signed-out visits. */
export function rememberLanguage(lng: Locale): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== "undefined") {
    document.documentElement.lang = isLocale(lng) ? lng : DEFAULT_LOCALE;
  }
}

i18n.on("languageChanged", syncDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
  showSupportNotice: false,
});

syncDocumentLanguage(i18n.language);

export default i18n;
