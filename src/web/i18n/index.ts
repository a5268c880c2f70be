import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/constants";
import { quoted } from "../../shared/text";

import { type Dict, namespaces } from "./namespaces";

/** The element holding a server-rendered page's data (written by entry.server.tsx, read by main.tsx). */
export const SSR_DATA_ID = "ssr-data";

/**
 * One i18next namespace ("translation"); every JSON file is a top-level key named after the file,
 * so `t("auth.signIn.submit")` reads `auth.json` → `signIn.submit`. A feature adds its own
 * ru/<feature>.json and en/<feature>.json; they are picked up here without editing this file.
 *
 * Russian, the default, is part of the app's entry; English is a chunk of its own, fetched only when
 * chosen (the lazy backend below: i18next waits for it before switching, so no key ever shows).
 */
const ru = namespaces(
  import.meta.glob<Dict>(["../../locales/ru/*.json", "!../../locales/ru/{cabinet,desk,listings}.json"], {
    eager: true,
    import: "default",
  }),
);

/**
 * Russian namespaces of signed-in pages that come with their page's chunk instead of the entry (the
 * public pages' bundle budget): the page's lazy import waits for `addPageTexts(name)`. English has them
 * in its own chunk.
 */
const pageTextsRu = import.meta.glob<Dict>("../../locales/ru/{cabinet,desk,listings}.json", {
  import: "default",
});

async function loadPageTextsRu(names?: readonly string[]): Promise<Record<string, Dict>> {
  const files = Object.entries(pageTextsRu).filter(
    ([file]) => !names || names.some((n) => file.endsWith(`/${n}.json`)),
  );
  return namespaces(
    Object.fromEntries(await Promise.all(files.map(async ([file, load]) => [file, await load()] as const))),
  );
}

/** Adds the Russian messages of the named page namespaces (see pageTextsRu) before the page renders. */
export async function addPageTexts(...names: string[]): Promise<void> {
  i18n.addResourceBundle("ru", "translation", await loadPageTextsRu(names), true, true);
}

export const loadLanguage: Record<Locale, () => Promise<Record<string, Dict>>> = {
  ru: async () => ({ ...ru, ...(await loadPageTextsRu()) }),
  en: () => import("./en").then((m) => m.default),
};

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
    resources: { ru: { translation: ru } },
    // Russian is bundled; other languages come from the backend
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
