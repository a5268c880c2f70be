import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
import type { Services } from "./core/context.js";
import {
  AppError,
  badRequest,
  type FieldError,
  problem,
  RateLimitedError,
  registerErrorHandling,
  sendProblem,
} from "./core/errors.js";
import { authorize, hasRule } from "./core/policy.js";
import { accountsAdminRoutes } from "./modules/accounts/accounts.admin.routes.js";
import { accountsRoutes } from "./modules/accounts/accounts.routes.js";
import { registerSessionHook } from "./modules/accounts/session.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { devmailRoutes } from "./modules/devmail/devmail.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { measuresIoRoutes } from "./modules/measures/measures.io.routes.js";
import { measuresOperatorRoutes } from "./modules/measures/measures.operator.routes.js";
import { measuresRoutes } from "./modules/measures/measures.routes.js";
import { measuresSubscriptionsRoutes } from "./modules/measures/measures.subscriptions.routes.js";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.js";
import { directoryRoutes } from "./modules/organizations/directory.routes.js";
import { organizationsRoutes } from "./modules/organizations/organizations.routes.js";
import { statusOperatorRoutes } from "./modules/organizations/status.operator.routes.js";
import { statusRoutes } from "./modules/organizations/status.routes.js";
import { verificationRoutes } from "./modules/organizations/verification.routes.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WEB_ROOT = path.join(ROOT, "dist/web");

export interface AppOptions {
  services: Services;
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
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
 * PostgreSQL text cannot hold U+0000: a string with it would fail in the database (500).
 * Finds such strings in the parsed input, to refuse them as field errors.
 */
function nulFields(value: unknown, at: string[] = [], out: FieldError[] = []): FieldError[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push({ field: at.join(".") || "body", key: "field.invalid" });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulFields(v, [...at, String(i)], out);
  } else if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    // Plain data only: the query object has its own prototype; uploads (buffers, streams) are skipped.
    if (typeof (value as { pipe?: unknown }).pipe !== "function") {
      for (const [k, v] of Object.entries(value)) nulFields(v, [...at, k], out);
    }
  }
  return out;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const { config } = services;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
            ...(typeof opts.logger === "object" ? opts.logger : {}),
          },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("services", services);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send) is 415, not a string.
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

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
  // Per-IP limits on the routes that declare config.rateLimit (RATE_LIMIT=off only for load tests).
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
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
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "ic_session" } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app);

  // Every /api route names a policy action; default deny is checked before the body is validated.
  await app.register(
    async (api) => {
      api.addHook("onRoute", (route) => {
        const policy = route.config?.policy;
        if (!policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
        if (policy !== "public" && !hasRule(policy))
          throw new Error(`route ${route.url}: no rule for ${policy}`);
      });
      api.addHook("onRequest", async (req) => {
        if (crossOrigin(req, config.publicUrl)) throw new AppError(403, "cross-origin");
      });
      api.addHook("preValidation", async (req) => {
        const policy = req.routeOptions.config.policy;
        if (policy && policy !== "public") authorize(req.actor, policy);
        const nul = [...nulFields(req.params), ...nulFields(req.query), ...nulFields(req.body)];
        if (nul.length) throw badRequest(nul);
      });
      await api.register(healthRoutes);
      await api.register(accountsRoutes);
      await api.register(accountsAdminRoutes);
      await api.register(auditRoutes);
      await api.register(notificationsRoutes);
      await api.register(organizationsRoutes);
      await api.register(statusRoutes);
      await api.register(statusOperatorRoutes);
      await api.register(verificationRoutes);
      await api.register(directoryRoutes);
      await api.register(measuresRoutes);
      await api.register(measuresOperatorRoutes);
      await api.register(measuresSubscriptionsRoutes);
      await api.register(measuresIoRoutes);
      if (config.env !== "production") await api.register(devmailRoutes);
    },
    { prefix: "/api" },
  );

  // The web app may still be building when the server starts (npm start builds it in parallel).
  const serveWeb = opts.serveWeb ?? true;
  if (serveWeb) {
    fs.mkdirSync(WEB_ROOT, { recursive: true });
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      // Built assets have content hashes in their names: cache them for good.
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
    app.get("/assets/*", { schema: { hide: true } }, (req, reply) => {
      const rel = (req.params as { "*": string })["*"];
      return reply.sendFile(path.join("assets", rel));
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    if (serveWeb && req.method === "GET" && !url.startsWith("/api")) {
      const file = path.join(WEB_ROOT, url);
      // Top-level files of the build (favicon, robots) and every client-side route (SPA).
      if (
        url !== "/" &&
        path.dirname(file) === WEB_ROOT &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        return reply.sendFile(path.basename(file));
      }
      if (!fs.existsSync(path.join(WEB_ROOT, "index.html"))) {
        return reply
          .code(503)
          .header("retry-after", "3")
          .header("cache-control", "no-store")
          .type("text/html; charset=utf-8")
          .send(BUILDING_PAGE);
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendProblem(reply, problem(req, 404, "route-not-found", { path: url }));
  });

  return app;
}
