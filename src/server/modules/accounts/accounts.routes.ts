import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { IdParams } from "../../core/contract.js";
import { t } from "../../core/i18n.js";
import { abilitiesFor } from "../../core/module.js";
import { abilities, requestFacts } from "../../core/policy.js";
import {
  ChangePasswordBody,
  ConfirmBody,
  ConfirmedEnvelope,
  ConfirmLookup,
  ConfirmLookupBody,
  EmailBody,
  Message,
  meSchema,
  ResendConfirmationBody,
  ResetConfirmBody,
  SessionList,
  SignInBody,
  SignUpBody,
  UpdateMeBody,
  UserEnvelope,
} from "./accounts.contract.js";
import * as svc from "./accounts.service.js";
import { clearSessionCookie, setSessionCookie } from "./session.js";

const tags = ["accounts"];
const perIp = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const Me = meSchema();
  app.post(
    "/auth/signup",
    {
      config: { policy: "public" as const, ...perIp(10, "1 hour") },
      schema: {
        tags,
        summary: "Sign up (a confirmation mail follows)",
        body: SignUpBody,
        response: { 201: Message },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await svc.signUp(ctx, req.body);
      return reply.code(201).send({ message: t(ctx.locale, "msg.signup") });
    },
  );

  app.post(
    "/auth/confirm",
    {
      config: { policy: "public" as const, ...perIp(30, "1 hour") },
      schema: {
        tags,
        summary: "Confirm the e-mail address with the sign-up's password; sets the session cookie",
        body: ConfirmBody,
        response: { 200: ConfirmedEnvelope },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { user, token } = await svc.confirmEmail(ctx, req.body);
      setSessionCookie(reply, token);
      return { user, message: t(ctx.locale, "msg.confirmed") };
    },
  );

  app.post(
    "/auth/confirm/lookup",
    {
      config: { policy: "public" as const, ...perIp(30, "1 hour") },
      schema: {
        tags,
        summary: "The address a confirmation link is for (the link is not used up)",
        body: ConfirmLookupBody,
        response: { 200: ConfirmLookup },
      },
    },
    async (req) => svc.lookUpConfirmation(ctxOf(req), req.body.token),
  );

  app.post(
    "/auth/resend-confirmation",
    {
      config: { policy: "public" as const, ...perIp(10, "1 hour") },
      schema: {
        tags,
        summary: "Send the confirmation mail again",
        body: ResendConfirmationBody,
        response: { 202: Message },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await svc.resendConfirmation(ctx, req.body);
      return reply.code(202).send({ message: t(ctx.locale, "msg.resent") });
    },
  );

  app.post(
    "/auth/signin",
    {
      config: { policy: "public" as const, ...perIp(30, "10 minutes") },
      schema: {
        tags,
        summary: "Sign in; sets the session cookie",
        body: SignInBody,
        response: { 200: UserEnvelope },
      },
    },
    async (req, reply) => {
      const { user, token } = await svc.signIn(ctxOf(req), req.body);
      setSessionCookie(reply, token);
      return { user };
    },
  );

  app.post(
    "/auth/signout",
    {
      config: { policy: "public" as const },
      schema: { tags, summary: "Sign out; the session is deleted on the server" },
    },
    async (req, reply) => {
      await svc.signOut(ctxOf(req));
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    "/auth/password-reset",
    {
      config: { policy: "public" as const, ...perIp(10, "1 hour") },
      schema: { tags, summary: "Mail a password reset link", body: EmailBody, response: { 202: Message } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await svc.requestPasswordReset(ctx, req.body);
      return reply.code(202).send({ message: t(ctx.locale, "msg.reset-requested") });
    },
  );

  app.post(
    "/auth/password-reset/confirm",
    {
      config: { policy: "public" as const, ...perIp(30, "1 hour") },
      schema: {
        tags,
        summary: "Set a new password with a reset link",
        body: ResetConfirmBody,
        response: { 200: Message },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await svc.resetPassword(ctx, req.body);
      return { message: t(ctx.locale, "msg.password-reset") };
    },
  );

  app.get(
    "/me",
    {
      config: { policy: "public" as const },
      schema: { tags, summary: "The signed-in user and abilities", response: { 200: Me } },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      const user = req.actor ? await svc.getUser(req.server.services.database.db, req.actor.id) : undefined;
      // The switched-on modules' abilities; a rule may look at the request (the dev mailbox's socket peer).
      const offered = abilities(req.actor, abilitiesFor(req.server.services.config), requestFacts(req));
      return { user: user ? svc.presentUser(user) : null, abilities: offered };
    },
  );

  app.patch(
    "/me",
    {
      config: { policy: "me.update" as const },
      schema: {
        tags,
        summary: "Update one's name or language",
        body: UpdateMeBody,
        response: { 200: UserEnvelope },
      },
    },
    async (req) => ({ user: await svc.updateMe(ctxOf(req), req.body) }),
  );

  app.post(
    "/me/password",
    {
      config: { policy: "me.password" as const, ...perIp(10, "10 minutes") },
      schema: {
        tags,
        summary: "Change password; other sessions end",
        body: ChangePasswordBody,
        response: { 200: Message },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await svc.changePassword(ctx, req.body);
      return { message: t(ctx.locale, "msg.password-changed") };
    },
  );

  app.get(
    "/me/sessions",
    {
      config: { policy: "me.sessions" as const },
      schema: { tags, summary: "One's sessions", response: { 200: SessionList } },
    },
    async (req) => ({ items: await svc.listSessions(ctxOf(req)) }),
  );

  app.delete(
    "/me/sessions/:id",
    {
      config: { policy: "me.sessions" as const },
      schema: { tags, summary: "End one of one's sessions", params: IdParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await svc.endSession(ctx, req.params.id);
      if (req.params.id === req.actor?.sessionId) clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
};
