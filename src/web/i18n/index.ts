import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/constants";

type Dict = { [key: string]: string | Dict };

/** Every JSON file of a language folder, keyed by its name: ru/auth.json → "auth". */
function namespaces(files: Record<string, { default: Dict }>): Record<string, Dict> {
  return Object.fromEntries(
    Object.entries(files).map(([file, mod]) => [file.replace(/^.*\/(.+)\.json$/, "$1"), mod.default]),
  );
}

/**
 * One i18next namespace ("translation"); every JSON file is a top-level key named after the file,
 * so `t("auth.signIn.submit")` reads `auth.json` → `signIn.submit`. A feature adds its own
 * ru/<feature>.json and en/<feature>.json; they are picked up here without editing this file.
 */
export const resources = {
  ru: {
    translation: namespaces(import.meta.glob<{ default: Dict }>("../../locales/ru/*.json", { eager: true })),
  },
  en: {
    translation: namespaces(import.meta.glob<{ default: Dict }>("../../locales/en/*.json", { eager: true })),
  },
};

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
});

syncDocumentLanguage(i18n.language);

export default i18n;
