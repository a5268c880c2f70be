// The server's entry (built by `vite build --ssr` into dist/web-ssr, loaded by src/server/ssr.ts):
// renders a public page to HTML with its data, in the request's language, for the browser to hydrate
// (main.tsx). The page's data comes through the very queries the page runs in the browser: a render
// records the queries the page asks for, they are fetched (through `transport`, which the server
// answers from the app itself with `app.inject`: the same routes, policies and caches), and the page is
// rendered again with them, until it asks for nothing new. Nothing here is specific to a page.
import { AsyncLocalStorage } from "node:async_hooks";
import { PassThrough } from "node:stream";
import type { Query, QueryClient } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router";
import type { Locale } from "../shared/constants";
import { LOCALES } from "../shared/constants";
import { setTransport } from "./api/client";
import i18n, { i18nReady, loadLanguage, SSR_DATA_ID } from "./i18n";
import { createQueryClient, Root } from "./Root";

export interface RenderRequest {
  /** The page's path and query, e.g. `/directory?q=нейро`. */
  url: string;
  lang: Locale;
  /** Answers the page's API requests (the server: `app.inject` as the visitor). */
  transport: (request: Request) => Promise<Response>;
  /** Aborted when the server stops waiting (its timeout): the render stops too. */
  signal?: AbortSignal;
}

export interface Rendered {
  /** The markup inside `<div id="root">`. */
  html: string;
  /** The element after it carrying the queries' data and the language, read by main.tsx. */
  data: string;
}

/** A page that cannot be rendered as the browser would show it (a query failed): send the shell. */
export class NotRenderable extends Error {
  override name = "NotRenderable";
}

/** Renders of one request see their own language and transport (concurrent requests interleave). */
const current = new AsyncLocalStorage<{ i18n: I18n; transport: RenderRequest["transport"] }>();

setTransport((request) => {
  const store = current.getStore();
  if (!store) return Promise.reject(new Error("no request is being rendered"));
  return store.transport(request);
});

/**
 * Code outside components reads the shared instance (`i18n.language` in the formatters,
 * `currentLocale()`, `i18n.t` for errors): during a render it answers for the request's instance.
 */
function delegateToRequest(shared: I18n): void {
  for (const key of ["language", "resolvedLanguage", "languages"] as const) {
    let own: unknown = shared[key];
    Object.defineProperty(shared, key, {
      configurable: true,
      get: () => {
        const store = current.getStore();
        return store ? store.i18n[key] : own;
      },
      set: (value: unknown) => {
        own = value;
      },
    });
  }
  const sharedT = shared.t.bind(shared);
  shared.t = ((...args: Parameters<I18n["t"]>) => {
    const store = current.getStore();
    return store ? store.i18n.t(...args) : sharedT(...args);
  }) as I18n["t"];
}

// every language's messages are loaded once, so a request's instance never waits for them
const ready = (async () => {
  await i18nReady;
  for (const lng of LOCALES)
    i18n.addResourceBundle(lng, "translation", await loadLanguage[lng](), true, true);
  delegateToRequest(i18n);
})();

function instanceFor(lang: Locale): Promise<I18n> {
  return new Promise((resolve, reject) => {
    // the callback may run before cloneInstance returns: resolve on the next microtask
    const clone = i18n.cloneInstance({ lng: lang, initAsync: false }, (error) =>
      queueMicrotask(() => (error ? reject(error) : resolve(clone))),
    );
  });
}

/** One render of the whole tree, waiting for every lazy page and Suspense boundary. */
function renderOnce(element: React.ReactNode, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let failed: unknown = null;
    const stream = renderToPipeableStream(element, {
      // every boundary inline, as the browser's first render has it (no streamed segments)
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onAllReady() {
        if (failed) return reject(failed);
        const sink = new PassThrough();
        const chunks: Buffer[] = [];
        sink.on("data", (chunk: Buffer) => chunks.push(chunk));
        sink.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        stream.pipe(sink);
      },
      onShellError: reject,
      onError(error) {
        // an error inside a Suspense boundary would leave it to the browser: not a rendered page
        failed ??= error;
      },
    });
    signal?.addEventListener("abort", () => {
      stream.abort(signal.reason);
      reject(signal.reason);
    });
  });
}

/** A query the page asked for that has not been fetched (and is meant to run). */
function wanted(query: Query): boolean {
  if (query.state.status !== "pending" || query.state.fetchStatus !== "idle") return false;
  const enabled = (query.options as { enabled?: boolean | ((q: Query) => boolean) }).enabled;
  return typeof enabled === "function" ? enabled(query) : enabled !== false;
}

/** Dependent queries (one page's data naming the next) take a pass each; pages need at most two. */
const MAX_PASSES = 4;

/**
 * The queries' data as main.tsx puts it back (`setQueryData` with the time it was fetched):
 * `[queryKey, data, dataUpdatedAt][]`. TanStack's dehydrate/hydrate would do the same with a larger
 * format and ~0.4 kB more in every page's entry, which the bundle budget has no room for.
 */
export type SsrQueries = [queryKey: readonly unknown[], data: unknown, dataUpdatedAt: number][];

function dehydrated(queryClient: QueryClient): SsrQueries {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.status === "success")
    .map((q) => [q.queryKey, q.state.data, q.state.dataUpdatedAt]);
}

const escapeJson = (json: string) =>
  json
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

export async function render(req: RenderRequest): Promise<Rendered> {
  await ready;
  const lang = await instanceFor(req.lang);
  const queryClient = createQueryClient();
  const element = (
    <I18nextProvider i18n={lang}>
      <Root
        queryClient={queryClient}
        router={({ children }) => <StaticRouter location={req.url}>{children}</StaticRouter>}
      />
    </I18nextProvider>
  );
  return current.run({ i18n: lang, transport: req.transport }, async () => {
    const cache = queryClient.getQueryCache();
    for (let pass = 1; ; pass++) {
      const html = await renderOnce(element, req.signal);
      const pending = cache.getAll().filter(wanted);
      if (pending.length === 0) {
        const failed = cache.getAll().find((q) => q.state.status === "error");
        // the browser would show the failure and refetch: let it render the page itself
        if (failed)
          throw new NotRenderable(`query ${JSON.stringify(failed.queryKey)} failed`, {
            cause: failed.state.error,
          });
        const data = escapeJson(JSON.stringify(dehydrated(queryClient)));
        return {
          html,
          data: `<script id="${SSR_DATA_ID}" type="application/json" data-lang="${req.lang}">${data}</script>`,
        };
      }
      if (pass === MAX_PASSES) throw new NotRenderable(`the page still asks for data after ${pass} passes`);
      await Promise.all(pending.map((q) => q.fetch().catch(() => undefined)));
      req.signal?.throwIfAborted();
    }
  });
}
