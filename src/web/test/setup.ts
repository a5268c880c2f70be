/** jsdom lacks a few browser APIs Mantine uses; Testing Library unmounts after each test. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { i18nReady } from "../i18n";

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

afterEach(() => cleanup());
