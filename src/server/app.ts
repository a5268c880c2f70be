import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { LOG_KEY_PATH } from "../shared/merkle.js";
import { writeAudit } from "./core/audit.js";
import type { Services } from "./core/context.js";
import {
  AppError,
  badRequest,
  forbidden,
  frameworkErrors,
  ProblemSchema,
  problem,
  RateLimitedError,
  registerErrorHandling,
  sendProblem,
  unauthorized,
} from "./core/errors.js";
import {
  checkJsonShape,
  checkQueryString,
  clientErrorHandler,
  JSON_LIMITS,
  nulFields,
  requestSerializer,
} from "./core/http.js";
import { JobQueue } from "./core/jobs.js";
import { registerMetrics } from "./core/metrics.js";
import { installModules, queuedJobsOf } from "./core/module.js";
import { WEB_ROOT } from "./core/paths.js";
import { can, hasRule, requestFacts } from "./core/policy.js";
import { type SharedStoreOptions, sharedRateLimitStore } from "./core/ratelimit.js";
import { Realtime } from "./core/realtime.js";
import { openStorage } from "./core/storage.js";
import { registerSessionHook, sessionCookieName } from "./modules/accounts/session.js";
import { MODULES } from "./modules/index.js";
import { logKey } from "./modules/ipregistry/ipregistry.service.js";
import { indexHtmlReader, pageMeta, registerSeo, withMeta } from "./seo.js";
import { builtRenderer, encodedPage, pageLocale, pageRenderer, type Renderer } from "./ssr.js";

export interface AppOptions {
  /**
   * The storage is opened from the configuration when not given; the job queue is made from the
   * modules' queued jobs when not given (and is not started: see JobQueue).
   */
  services: Omit<Services, "storage" | "jobs" | "realtime"> & {
    storage?: Services["storage"];
    jobs?: Services["jobs"];
    realtime?: Services["realtime"];
  };
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
  /** Benchmarks and tests: the shared rate-limit store's tuning (see core/ratelimit.ts). */
  rateLimitStore?: Omit<SharedStoreOptions, "db">;
  /** The built web app's folder (default dist/web; tests give their own). */
  webRoot?: string;
  /**
   * Server rendering of the public pages (src/server/ssr.ts): the renderer to use (tests give the
   * source's), or false for the shell alone; default the web build's (dist/web-ssr).
   */
  ssr?: (() => Promise<Renderer | null>) | false;
  /** How long a page's render may take before the shell is sent instead (default SSR_TIMEOUT_MS). */
  ssrTimeoutMs?: number;
  /** How long a page rendered for guests is sent again as it is (default SSR_CACHE_MS; 0: never). */
  ssrCacheMs?: number;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const BUILDING_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Иннокластер запускается</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Иннокластер запускается</h1><p>Веб-приложение собирается; страница обновится сама через несколько секунд.</p>
<p lang="en">Innocluster is starting: the web app is being built; this page reloads by itself.</p></body></html>`;

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers send
 * Sec-Fetch-Site and Origin on such requests; clients without them (curl, servers) carry no
 * ambient cookie risk and pass. Together with SameSite=Lax cookies this stops CSRF.
 */
function crossOrigin(req: FastifyRequest, publicUrl: string): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  const allowed = new Set([new URL(publicUrl).origin, `${req.protocol}://${req.host}`]);
  return !allowed.has(origin);
}

/**
 * Limits of the /api routes that name none, sized so a person paging quickly never meets them: per
 * signed-in user, else per IP. A guest's bucket is shared by everyone behind the same address (an
 * office or a university behind one NAT), hence the larger public figure.
 */
export const DEFAULT_RATE_LIMITS = {
  public: { max: 1200, timeWindow: "5 minutes" },
  signedIn: { max: 600, timeWindow: "5 minutes" },
};

/** Whose requests a limit counts: the signed-in user's (on any address), else the address's. */
const rateLimitKey = (req: FastifyRequest) => (req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`);

const trustHops = (n: number) => (_address: string, hop: number) => hop < n;

/** `GET /api/organizations/{id}/members` → `getOrganizationsByIdMembers`: unique, stable, readable. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, "")
    .split("/")
    .flatMap((seg) => (seg.startsWith(":") ? ["by", seg.slice(1)] : seg.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

/**
 * The OpenAPI view of a route (documentation only; serialization is untouched): zod schemas as JSON
 * Schema, an operationId, the session requirement from the route's policy (public routes take the
 * cookie optionally), and the problem+json answer every operation can give (beside any problem the route
 * declares for a status of its own, `problemAnswer`).
 */
const documentOperation: typeof jsonSchemaTransform = (doc) => {
  const { route, url } = doc;
  const policy = (route.config as { policy?: string } | undefined)?.policy;
  const schema = doc.schema as Record<string, unknown> | undefined;
  const response = { ...(schema?.response as Record<string, unknown> | undefined) };
  if (!("4xx" in response)) {
    response["4xx"] = {
      description: "A problem (RFC 9457) in the request's language",
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  const out = jsonSchemaTransform({ ...doc, schema: schema && { ...schema, response } } as typeof doc);
  if (!out.schema || (out.schema as { hide?: boolean }).hide) return out;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  // Routes that answer 204, a file or a redirect declare no body schema.
  const documented = (out.schema as { response: Record<string, unknown> }).response;
  if (!Object.keys(documented).some((code) => /^[23]/.test(code)))
    documented["2xx"] = { description: "Success" };
  return {
    ...out,
    schema: {
      operationId: operationIdOf(method ?? "get", url),
      security: policy === "public" ? [{}, { session: [] }] : [{ session: [] }],
      ...out.schema,
    },
  };
};

/** The document's schema components, less those no operation refers to (zod's unused input twins). */
const withoutUnusedSchemas: typeof jsonSchemaTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return doc as ReturnType<typeof jsonSchemaTransformObject>;
  const used = new Set<string>();
  const refs = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  const queue = refs({ ...doc, components: { ...doc.components, schemas: {} } });
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...refs(schemas[name]));
  }
  // By name, so that the document does not depend on the order in which modules are loaded.
  doc.components!.schemas = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => used.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const services: Services = {
    ...opts.services,
    storage: opts.services.storage ?? openStorage(opts.services.config.storage),
    jobs: opts.services.jobs ?? new JobQueue(queuedJobsOf(MODULES)),
    realtime: opts.services.realtime ?? new Realtime(opts.services.database),
  };
  const { config } = services;
  // The modules' rules, messages, mail templates and notification kinds (once per process).
  installModules(MODULES);
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
            // Reset, confirmation and invitation links carry live tokens: logged URLs are masked.
            serializers: { req: requestSerializer },
            ...(typeof opts.logger === "object" ? opts.logger : {}),
          },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // A hop count as Fastify does it (its types lack the number form): the nearest n peers are proxies.
    trustProxy: typeof config.trustProxy === "number" ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("services", services);
  // Open event streams never end by themselves: they are ended before the server waits for requests.
  app.addHook("preClose", async () => services.realtime.endStreams());
  app.addHook("onClose", async () => services.realtime.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send) is 415, not a string.
  app.removeContentTypeParser("text/plain");
  // JSON is measured (depth, item count) in one pass before it is parsed: a deep or huge body is
  // refused in about a millisecond per megabyte instead of stalling the event loop.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    const text = String(body);
    try {
      checkJsonShape(text, req.routeOptions.config.jsonLimits ?? JSON_LIMITS);
    } catch (err) {
      return done(err as Error, undefined);
    }
    parseJson(req, text, done);
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    // Personal answers must not stay in a browser's or proxy's cache: every API response (errors
    // included) is no-store unless its route chose its caching (public numbers, logos).
    if (req.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
  });

  await registerMetrics(app, config, services.database, services.jobs);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables in <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        // The dev mailbox shows mails in a sandboxed srcdoc frame.
        frameSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  // Limits on every /api route (RATE_LIMIT=off only for load tests): its own config.rateLimit,
  // else a default; this hook runs before the plugin's, which reads the config.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.config?.rateLimit !== undefined) return;
    const limit =
      route.config?.policy === "public" ? DEFAULT_RATE_LIMITS.public : DEFAULT_RATE_LIMITS.signedIn;
    route.config = { ...route.config, rateLimit: limit };
  });
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      // RATE_LIMIT_STORE=database: counted once across every app server on the database.
      ...(config.rateLimitStore === "database"
        ? { store: sharedRateLimitStore({ ...opts.rateLimitStore, db: services.database.db }) }
        : {}),
      // The session hook (global onRequest) runs before the limit's route-level hook.
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_req, context) => new RateLimitedError(context.ttl),
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Innocluster API",
        version: "0.1.0",
        description:
          "API of the innovation cluster platform. Errors are RFC 9457 problem details in the request's language (Accept-Language: ru | en).",
        license: { name: "Apache-2.0", identifier: "Apache-2.0" },
      },
      // Relative: the API is served by the same origin as the document.
      servers: [{ url: "/", description: "This Innocluster server" }],
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: sessionCookieName(config),
            description: "The session cookie set by POST /api/auth/signin",
          },
        },
      },
    },
    transform: documentOperation,
    transformObject: withoutUnusedSchemas,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app);

  /**
   * The route's policy action, checked in onRequest — after the session and the per-IP limit, before
   * the body is read: a guest gets 401 and a user 403 without the server parsing what they sent.
   * A signed-in user's refusal is audited in its own statement (the request fails, the entry stays).
   */
  async function authorizeRoute(req: FastifyRequest) {
    const policy = req.routeOptions.config.policy;
    if (!policy || policy === "public" || can(req.actor, policy, undefined, requestFacts(req))) return;
    if (!req.actor) throw unauthorized();
    try {
      await writeAudit(
        services.database.db,
        { actorId: req.actor.id, ip: req.ip || null },
        {
          action: "auth.refused",
          entity: "route",
          entityId: `${req.method} ${req.routeOptions.url}`,
          after: { email: req.actor.email, method: req.method, route: req.routeOptions.url, action: policy },
        },
      );
    } catch (err) {
      req.log.error({ err }, "could not audit a refused authorization");
    }
    throw forbidden();
  }

  // Every /api route names a policy action (default deny), checked before the body is read.
  await app.register(
    async (api) => {
      api.addHook("onRoute", (route) => {
        const policy = route.config?.policy;
        if (!policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
        if (policy !== "public" && !hasRule(policy))
          throw new Error(`route ${route.url}: no rule for ${policy}`);
        // Route-level, so it runs after the rate limit's own onRequest hook (added by its onRoute).
        const own = route.onRequest ?? [];
        route.onRequest = [...(Array.isArray(own) ? own : [own]), authorizeRoute];
      });
      api.addHook("onRequest", async (req) => {
        if (crossOrigin(req, config.publicUrl)) throw new AppError(403, "cross-origin");
        checkQueryString(req.url);
      });
      api.addHook("preValidation", async (req) => {
        const nul = [...nulFields(req.params), ...nulFields(req.query), ...nulFields(req.body)];
        if (nul.length) throw badRequest(nul);
      });

      for (const m of MODULES) {
        if (m.enabled && !m.enabled(config)) continue;
        for (const routes of m.routes ?? []) await api.register(routes);
      }
    },
    { prefix: "/api" },
  );

  // The IP registry log's public key where verifiers look for it (also /api/public/iplog/key).
  app.get(LOG_KEY_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header("cache-control", "public, max-age=300")
      .header("access-control-allow-origin", "*")
      .type("application/jwk+json")
      .send(JSON.stringify(await logKey({ db: services.database.db, config }))),
  );

  // The web app may still be building when the server starts (npm start builds it in parallel).
  const serveWeb = opts.serveWeb ?? true;
  const webRoot = opts.webRoot ?? WEB_ROOT;
  if (serveWeb) {
    fs.mkdirSync(webRoot, { recursive: true });
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes file.br and file.gz beside each asset (scripts/build-web.mjs): they are sent
      // as they are, chosen by Accept-Encoding (brotli first), with `Vary: Accept-Encoding`.
      preCompressed: true,
      // Built assets have content hashes in their names: cache them for good. Everything else
      // (index.html, top-level files) is revalidated on every use, so a release shows at once.
      cacheControl: false,
      setHeaders: (res, file) => {
        res.header(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    app.get("/assets/*", { schema: { hide: true } }, (req, reply) => {
      const rel = (req.params as { "*": string })["*"];
      return reply.sendFile(path.join("assets", rel));
    });
    await registerSeo(app, { db: services.database.db, publicUrl: config.publicUrl });
  }
  const readIndex = indexHtmlReader(webRoot);
  const renderPage =
    opts.ssr === false
      ? null
      : pageRenderer(app, {
          renderer: opts.ssr ?? builtRenderer(),
          sessionCookie: sessionCookieName(config),
          timeoutMs: opts.ssrTimeoutMs,
          cacheMs: opts.ssrCacheMs,
        });

  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    // A hashed asset that is not there (a page of an older release asking for its chunks) is a 404,
    // never the app's page, which the browser would fail to run as a script.
    const read = req.method === "GET" || req.method === "HEAD";
    if (serveWeb && read && !url.startsWith("/api") && !url.startsWith("/assets/")) {
      const file = path.join(webRoot, url);
      // Top-level files of the build (favicon, robots) and every client-side route (SPA).
      if (
        url !== "/" &&
        path.dirname(file) === webRoot &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        return reply.sendFile(path.basename(file));
      }
      const html = readIndex();
      if (!html) {
        return reply
          .code(503)
          .header("retry-after", "3")
          .header("cache-control", "no-store")
          .type("text/html; charset=utf-8")
          .send(BUILDING_PAGE);
      }
      // The page's title, description, canonical address and Open Graph tags (src/server/seo.ts).
      let meta: Awaited<ReturnType<typeof pageMeta>> | null = null;
      try {
        meta = await pageMeta(
          services.database.db,
          config.publicUrl,
          decodeURIComponent(url),
          pageLocale(req),
        );
      } catch (error) {
        req.log.warn({ err: error }, "page meta failed; the page is sent without it");
      }
      const page = meta ? withMeta(html, meta) : html;
      // Public pages are rendered for guests in their language (src/server/ssr.ts).
      const body = await encodedPage(req, reply, renderPage ? await renderPage(req, page) : page);
      return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(body);
    }
    return sendProblem(reply, problem(req, 404, "route-not-found", { path: url }));
  });

  return app;
}
