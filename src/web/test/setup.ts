/** jsdom lacks a few browser APIs Mantine uses; Testing Library unmounts after each test. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { addRussianTexts, i18nReady, loadLanguage } from "../i18n";

Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView ??= () => {};

await i18nReady;
// the build adds the Russian messages with the modules that read them; here they are all added at once
addRussianTexts(await loadLanguage.ru());

afterEach(() => cleanup());
