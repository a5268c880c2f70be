/** jsdom lacks a few browser APIs Mantine uses; Testing Library unmounts after each test. */
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { addRussianTexts, i18nReady, loadLanguage } from "../i18n";

// A lazy part (a dialog's code, a page's texts) may take more than the default second to arrive on a
// busy 2-core machine: `findBy…` and `waitFor` wait up to 5 s before they fail.
configure({ asyncUtilTimeout: 5000 });

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
// (Mantine's autosize textarea listens for fonts loading)
if (typeof document !== "undefined" && !("fonts" in document))
  Object.defineProperty(document, "fonts", {
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });

await i18nReady;
// the build adds the Russian messages with the modules that read them; here they are all added at once
addRussianTexts(await loadLanguage.ru());

afterEach(() => cleanup());
