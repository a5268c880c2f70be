import type { FastifyInstance, FastifyReply } from "fastify";
import { resolveSession, SESSION_TTL_MS } from "./accounts.service.js";

export const SESSION_COOKIE = "ic_session";

export function setSessionCookie(reply: FastifyReply, token: string) {
  const { secureCookies } = reply.server.services.config;
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
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
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const { database, config } = app.services;
    req.actor = await resolveSession(database.db, config.sessionSecret, token);
  });
}
