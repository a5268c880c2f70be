import type { FastifyInstance, FastifyReply } from "fastify";
import type { Config } from "../../core/config.js";
import { resolveSession, SESSION_TTL_MS } from "./accounts.service.js";

/**
 * Behind https the cookie is `__Host-`-prefixed: browsers then accept it only with Secure, path=/
 * and no Domain, so a sibling subdomain cannot plant or overwrite it. Plain-http development keeps
 * `ic_session` (browsers refuse `__Host-` cookies without Secure).
 */
export const sessionCookieName = (config: Pick<Config, "secureCookies">) =>
  config.secureCookies ? "__Host-ic_session" : "ic_session";

export function setSessionCookie(reply: FastifyReply, token: string) {
  const { config } = reply.server.services;
  const { secureCookies } = config;
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(reply.server.services.config), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: reply.server.services.config.secureCookies,
  });
}

/** Resolves the session cookie of every /api request into `req.actor` (null for a guest). */
export function registerSessionHook(app: FastifyInstance) {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    req.actor = null;
    if (!req.url.startsWith("/api/")) return;
    const token = req.cookies[sessionCookieName(app.services.config)];
    if (!token || token.length > 200) return;
    const { database, config } = app.services;
    req.actor = await resolveSession(database.db, config.sessionSecret, token);
  });
}
