import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/constants";
import { quoted } from "../../shared/text";

import type { Dict } from "./namespaces";

/** The element holding a server-rendered page's data (written by entry.server.tsx, read by main.tsx). */
export const SSR_DATA_ID = "ssr-data";

/**
 * One i18next namespace ("translation"); every JSON file is a top-level key named after the file,
 * so `t("auth.signIn.submit")` reads `auth.json` → `signIn.submit`. A feature adds its own
 * ru/<feature>.json and en/<feature>.json; they are picked up without editing this file.
 *
 * Russian, the default, comes in pieces with the code that reads it: the build gives every module that
 * names a key of `ru/<file>.json` an import that adds that file's messages (`ruTextsPerModule` in
 * vite.config.ts), so a page's chunk carries its feature's Russian texts and the entry only the
 * shell's. (The tests and the server's renderer, built without it, load them all: `loadLanguage.ru`.)
 * English is a chunk of its own, fetched only when chosen (the lazy backend below: i18next waits for
 * it before switching, so no key ever shows).
 */
export const loadLanguage: Record<Locale, () => Promise<Record<string, Dict>>> = {
  ru: () => import("./ru").then((m) => m.default),
  en: () => import("./en").then((m) => m.default),
};

/** Adds Russian messages of the named files (`{ auth: {…} }`); the build's per-module imports call it. */
export function addRussianTexts(texts: Record<string, Dict>): void {
  i18n.addResourceBundle("ru", "translation", texts, true, true);
}

const lazyBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (!isLocale(language)) return callback(null, {});
    loadLanguage[language]().then(
      (dict) => callback(null, dict),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export const LANG_STORAGE_KEY = "innocluster.lang";
/** The same choice as a cookie, for the server that renders the public pages (src/server/ssr.ts). */
export const LANG_COOKIE = "lang";
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

function writeLanguageCookie(lng: Locale): void {
  if (typeof document === "undefined") return;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is async and not in every browser yet; this is one plain, non-secret cookie
  document.cookie = `${LANG_COOKIE}=${lng}; path=/; max-age=31536000; samesite=lax`;
}

function cookieLanguage(): Locale | null {
  if (typeof document === "undefined") return null;
  const value = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`).exec(document.cookie)?.[1];
  return isLocale(value) ? value : null;
}

/** Remember the language for signed-out visits (and tell the server, which renders public pages in it). */
export function rememberLanguage(lng: Locale): void {
  writeLanguageCookie(lng);
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

/**
 * The language a page starts in: the one the server rendered it in (the page must hydrate in it),
 * else the remembered choice, else Russian.
 */
function initialLanguage(): Locale {
  const rendered =
    typeof document === "undefined" ? null : document.getElementById(SSR_DATA_ID)?.dataset.lang;
  if (isLocale(rendered)) return rendered;
  const stored = storedLanguage() ?? cookieLanguage();
  // a choice remembered before the cookie existed reaches the server from now on
  if (stored && cookieLanguage() !== stored) writeLanguageCookie(stored);
  return stored ?? DEFAULT_LOCALE;
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

/** Resolves when the interface language's messages are loaded; the app renders after it. */
export const i18nReady = i18n
  .use(lazyBackend)
  .use(initReactI18next)
  .init({
    // Russian is added by the modules that read it (see loadLanguage); English comes from the backend
    resources: { ru: { translation: {} } },
    partialBundledLanguages: true,
    lng: initialLanguage(),
    // English is complete (i18n.test.ts), so an English page never needs the Russian messages
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });

syncDocumentLanguage(i18n.language);

// `{{name, quoted}}`: the value in the language's quotes, never nested (src/shared/text.ts)
i18n.services.formatter?.add("quoted", (value: unknown, lng: string | undefined) =>
  quoted(String(value ?? ""), lng ?? DEFAULT_LOCALE),
);

export default i18n;
