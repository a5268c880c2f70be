// Server rendering of the public pages (ARCHITECTURE.md › Web). The web app's server entry
// (src/web/entry.server.tsx, built into dist/web-ssr) renders the page with its data; this file decides
// which requests get it, answers the page's API requests from the app itself (`app.inject`, as the
// visitor: same routes, policies, rate limits and caches), puts the result into index.html, and falls
// back to the plain shell — never an error page — when the render fails or takes too long.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import type { Locale } from "../shared/constants.js";
import type { Rendered, RenderRequest } from "../web/entry.server.js";
import { fromAcceptLanguage, isLocale } from "./core/i18n.js";
import { ROOT } from "./core/paths.js";

export interface Renderer {
  render(req: RenderRequest): Promise<Rendered>;
}

export const SSR_ENTRY = path.join(ROOT, "dist/web-ssr/entry.server.js");
/** The language cookie the web app writes next to its localStorage choice (src/web/i18n). */
const LANG_COOKIE = "lang";
export const SSR_TIMEOUT_MS = 3000;
/**
 * How long a page rendered for guests is sent again as it is (per address and language). Guests all see
 * the same page, and rendering one takes the server tens to hundreds of milliseconds (seconds on a loaded
 * machine): a popular page is rendered once per this time, whoever asks. What changed meanwhile shows
 * once the page's queries refetch in the browser, and in the next render.
 */
export const SSR_CACHE_MS = 5000;
/**
 * At most this many renders under way per app server; a guest asking for another page meanwhile gets
 * the shell (the page then renders in their browser). Rendering takes the server's CPU, and a stranger
 * sending many different addresses (each a cache miss) must not be able to queue unbounded work.
 */
export const SSR_CONCURRENCY = 4;

/**
 * The pages everyone may read, rendered on the server: home, directory, organization, navigator,
 * measure, the exchanges and a listing, the projects and a project, the grant programs and a program,
 * the cluster in numbers, the open data, the news and an article, the events and an event. `url` is the
 * request's (encoded) path, a query may follow.
 */
export function isPublicPage(url: string): boolean {
  let pathname: string;
  try {
    // as the web app's router reads it: "/measures/%73aved" is the sign-in-only "/measures/saved"
    pathname = decodeURIComponent(url.split("?")[0] ?? "/");
  } catch {
    return false;
  }
  if (["/", "/directory", "/measures", "/numbers", "/open-data"].includes(pathname)) return true;
  if (/^\/directory\/[^/]+$/.test(pathname)) return true;
  if (pathname === "/exchanges" || /^\/exchanges\/[a-z_]+$/.test(pathname)) return true;
  if (/^\/listings\/[0-9a-f-]{36}$/.test(pathname)) return true;
  if (pathname === "/projects" || /^\/projects\/[0-9a-f-]{36}$/.test(pathname)) return true;
  if (pathname === "/grants" || /^\/grants\/programs\/[0-9a-f-]{36}$/.test(pathname)) return true;
  if (pathname === "/news" || /^\/news\/[a-z0-9-]{1,120}$/i.test(pathname)) return true;
  if (pathname === "/events" || /^\/events\/[0-9a-f-]{36}$/.test(pathname)) return true;
  const measure = /^\/measures\/([^/]+)$/.exec(pathname)?.[1];
  return measure !== undefined && measure !== "check" && measure !== "saved";
}

/** The renderer of the last web build, loaded when first needed (npm start builds it in parallel). */
export function builtRenderer(file = SSR_ENTRY): () => Promise<Renderer | null> {
  let loaded: Promise<Renderer> | null = null;
  return () => {
    if (loaded) return loaded;
    if (!fs.existsSync(file)) return Promise.resolve(null);
    loaded = import(pathToFileURL(file).href) as Promise<Renderer>;
    loaded.catch(() => {
      loaded = null;
    });
    return loaded;
  };
}

/** The page's language: the visitor's choice (cookie), else their browser's, else Russian. */
export function pageLocale(req: FastifyRequest): Locale {
  const chosen = req.cookies?.[LANG_COOKIE];
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(req.headers["accept-language"]) ?? "ru";
}

/** The page's API requests, sent into the app as the visitor (their address, their language). */
function injectTransport(app: FastifyInstance, req: FastifyRequest, lang: Locale) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const res = await app.inject({
      method: request.method as "GET",
      url: url.pathname + url.search,
      remoteAddress: req.ip,
      headers: {
        accept: request.headers.get("accept") ?? "application/json",
        "accept-language": lang,
        "user-agent": req.headers["user-agent"] ?? "",
        ...(request.headers.get("content-type")
          ? { "content-type": request.headers.get("content-type")! }
          : {}),
      },
      ...(request.method === "GET" || request.method === "HEAD" ? {} : { payload: await request.text() }),
    });
    const headers = new Headers();
    const type = res.headers["content-type"];
    if (typeof type === "string") headers.set("content-type", type);
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
  };
}

export type PageRenderer = (req: FastifyRequest, html: string) => Promise<string>;

const MODULE_SCRIPT = /\s*<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"(?: crossorigin)? href="([^"]+)">/g;

/**
 * A rendered page's scripts, asked for only after its stylesheet: the entry and its modulepreloads leave
 * the head, and `/boot.js` (src/web/public), a classic script at the end of the body, adds them back — a
 * browser runs it once the stylesheet has loaded. On a slow connection the ~200 kB of modules otherwise
 * share the network with the render-blocking stylesheet and the server's markup waits for both to be
 * painted (Slow 4G: the first paint came with the last module, ~1.2 s later). The page needs no script to
 * be read; the scripts then hydrate it. A page without a module entry is left as it is.
 */
export function deferScripts(html: string): string {
  const entry = MODULE_SCRIPT.exec(html)?.[1];
  if (!entry) return html;
  const preload = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]);
  const boot = `<script src="/boot.js" data-entry="${entry}" data-preload="${preload.join(" ")}"></script>`;
  return html
    .replace(MODULE_SCRIPT, "")
    .replace(MODULE_PRELOAD, "")
    .replace("</body>", () => `${boot}</body>`);
}

/**
 * index.html with the page rendered into it when the page is public and the visitor a guest, else as
 * it is. Signed-in people get the shell: their pages depend on who they are (eligibility, favourites,
 * menus), their browsers have the scripts cached, and search engines never sign in.
 */
export function pageRenderer(
  app: FastifyInstance,
  opts: {
    renderer: () => Promise<Renderer | null>;
    sessionCookie: string;
    timeoutMs?: number;
    /** SSR_CACHE_MS unless told; 0: every request is rendered. */
    cacheMs?: number;
    /** SSR_CONCURRENCY unless told. */
    concurrency?: number;
  },
): PageRenderer {
  const timeoutMs = opts.timeoutMs ?? SSR_TIMEOUT_MS;
  const cacheMs = opts.cacheMs ?? SSR_CACHE_MS;
  const concurrency = opts.concurrency ?? SSR_CONCURRENCY;
  let underway = 0;
  const bounded = renderOnce(app, opts.renderer, timeoutMs);
  const render = async (req: FastifyRequest, html: string): Promise<string | null> => {
    if (underway >= concurrency) {
      req.log.info({ url: req.url, underway }, "the server is busy rendering; the shell is sent");
      return null;
    }
    underway++;
    try {
      return await bounded(req, html);
    } finally {
      underway--;
    }
  };
  // Rendered pages (and renders under way, so that guests asking at once share one) by language,
  // address and the shell they went into (a new build or another page's meta is another entry).
  const cache = cacheMs > 0 ? new LRUCache<string, Promise<string | null>>({ max: 100, ttl: cacheMs }) : null;
  return async (req, html) => {
    if (!isPublicPage(req.url) || req.cookies?.[opts.sessionCookie]) return html;
    if (!cache) return (await render(req, html)) ?? html;
    const key = `${pageLocale(req)} ${req.url}\n${html}`;
    let page = cache.get(key);
    if (!page) {
      const rendering = render(req, html);
      page = rendering;
      // kept while it renders (whoever asks meanwhile waits for it), then for cacheMs from its end;
      // a page that fell back to the shell is rendered again at the next request
      cache.set(key, rendering, { ttl: timeoutMs + cacheMs });
      void rendering.then((done) => {
        if (done === null) cache.delete(key);
        else cache.set(key, rendering);
      });
    }
    return (await page) ?? html;
  };
}

/** One render of a public page into the shell, or null when it failed or took too long (logged). */
function renderOnce(
  app: FastifyInstance,
  loadRenderer: () => Promise<Renderer | null>,
  timeoutMs: number,
): (req: FastifyRequest, html: string) => Promise<string | null> {
  return async (req, html) => {
    const url = req.url;
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`the render took more than ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      const renderer = await loadRenderer();
      if (!renderer) return null;
      const lang = pageLocale(req);
      const rendered = await Promise.race([
        renderer.render({ url, lang, transport: injectTransport(app, req, lang), signal: controller.signal }),
        new Promise<never>((_, reject) => {
          // loading the renderer may itself have outlasted the time
          if (controller.signal.aborted) reject(controller.signal.reason);
          controller.signal.addEventListener("abort", () => reject(controller.signal.reason));
        }),
      ]);
      req.log.debug({ ms: Math.round(performance.now() - started) }, "page rendered on the server");
      const page = html
        .replace(/<html lang="[^"]*"/, () => `<html lang="${lang}"`)
        .replace('<div id="root"></div>', () => `<div id="root">${rendered.html}</div>${rendered.data}`);
      return deferScripts(page);
    } catch (error) {
      const notRenderable = (error as Error | null)?.name === "NotRenderable";
      req.log[notRenderable ? "info" : "error"](
        { err: error, url, ms: Math.round(performance.now() - started) },
        "the page was not rendered on the server; the shell is sent",
      );
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A page's HTML compressed for the browser (brotli, else gzip): a rendered page is tens of kB of
 * markup with Mantine's inline styles, which compress about tenfold. Sets Content-Encoding and Vary.
 */
export async function encodedPage(req: FastifyRequest, reply: FastifyReply, html: string) {
  // Every page's title and description are in the visitor's language (cookie, then Accept-Language),
  // and public pages are rendered for guests only (the session cookie).
  reply.header("vary", "Accept-Encoding, Accept-Language, Cookie");
  const accepted = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) {
    reply.header("content-encoding", "br");
    return brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(accepted)) {
    reply.header("content-encoding", "gzip");
    return gzip(html, { level: 6 });
  }
  return html;
}
