import { IdParams } from "../../core/contract.js";
import { t } from "../../core/i18n.js";
import { abilitiesFor } from "../../core/module.js";
import { abilities, requestFacts } from "../../core/policy.js";
import { routes } from "../../core/route.js";
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

const perIp = (max: number, timeWindow: string) => ({ max, timeWindow });

export const accountsRoutes = routes(["accounts"], (r) => {
  const Me = meSchema();
  r.post("/auth/signup", {
    action: "public",
    rateLimit: perIp(10, "1 hour"),
    summary: "Sign up (a confirmation mail follows)",
    body: SignUpBody,
    response: Message,
    status: 201,
    handler: async (ctx, { body }) => {
      await svc.signUp(ctx, body);
      return { message: t(ctx.locale, "msg.signup") };
    },
  });

  r.post("/auth/confirm", {
    action: "public",
    rateLimit: perIp(30, "1 hour"),
    summary: "Confirm the e-mail address with the sign-up's password; sets the session cookie",
    body: ConfirmBody,
    response: ConfirmedEnvelope,
    handler: async (ctx, { body }, reply) => {
      const { user, token } = await svc.confirmEmail(ctx, body);
      setSessionCookie(reply, token);
      return { user, message: t(ctx.locale, "msg.confirmed") };
    },
  });

  r.post("/auth/confirm/lookup", {
    action: "public",
    rateLimit: perIp(30, "1 hour"),
    summary: "The address a confirmation link is for (the link is not used up)",
    body: ConfirmLookupBody,
    response: ConfirmLookup,
    handler: (ctx, { body }) => svc.lookUpConfirmation(ctx, body.token),
  });

  r.post("/auth/resend-confirmation", {
    action: "public",
    rateLimit: perIp(10, "1 hour"),
    summary: "Send the confirmation mail again",
    body: ResendConfirmationBody,
    response: Message,
    status: 202,
    handler: async (ctx, { body }) => {
      await svc.resendConfirmation(ctx, body);
      return { message: t(ctx.locale, "msg.resent") };
    },
  });

  r.post("/auth/signin", {
    action: "public",
    rateLimit: perIp(30, "10 minutes"),
    summary: "Sign in; sets the session cookie",
    body: SignInBody,
    response: UserEnvelope,
    handler: async (ctx, { body }, reply) => {
      const { user, token } = await svc.signIn(ctx, body);
      setSessionCookie(reply, token);
      return { user };
    },
  });

  r.post("/auth/signout", {
    action: "public",
    summary: "Sign out; the session is deleted on the server",
    status: 204,
    handler: async (ctx, _req, reply) => {
      await svc.signOut(ctx);
      clearSessionCookie(reply);
    },
  });

  r.post("/auth/password-reset", {
    action: "public",
    rateLimit: perIp(10, "1 hour"),
    summary: "Mail a password reset link",
    body: EmailBody,
    response: Message,
    status: 202,
    handler: async (ctx, { body }) => {
      await svc.requestPasswordReset(ctx, body);
      return { message: t(ctx.locale, "msg.reset-requested") };
    },
  });

  r.post("/auth/password-reset/confirm", {
    action: "public",
    rateLimit: perIp(30, "1 hour"),
    summary: "Set a new password with a reset link",
    body: ResetConfirmBody,
    response: Message,
    handler: async (ctx, { body }) => {
      await svc.resetPassword(ctx, body);
      return { message: t(ctx.locale, "msg.password-reset") };
    },
  });

  r.get("/me", {
    action: "public",
    summary: "The signed-in user and abilities",
    response: Me,
    noStore: true,
    handler: async (ctx, req) => {
      const user = ctx.actor ? await svc.getUser(ctx.db, ctx.actor.id) : undefined;
      // The switched-on modules' abilities; a rule may look at the request (the dev mailbox's socket peer).
      const offered = abilities(ctx.actor, abilitiesFor(ctx.config), requestFacts(req));
      return { user: user ? svc.presentUser(user) : null, abilities: offered };
    },
  });

  r.patch("/me", {
    action: "me.update",
    summary: "Update one's name or language",
    body: UpdateMeBody,
    response: UserEnvelope,
    handler: async (ctx, { body }) => ({ user: await svc.updateMe(ctx, body) }),
  });

  r.post("/me/password", {
    action: "me.password",
    rateLimit: perIp(10, "10 minutes"),
    summary: "Change password; other sessions end",
    body: ChangePasswordBody,
    response: Message,
    handler: async (ctx, { body }) => {
      await svc.changePassword(ctx, body);
      return { message: t(ctx.locale, "msg.password-changed") };
    },
  });

  r.get("/me/sessions", {
    action: "me.sessions",
    summary: "One's sessions",
    response: SessionList,
    handler: async (ctx) => ({ items: await svc.listSessions(ctx) }),
  });

  r.delete("/me/sessions/:id", {
    action: "me.sessions",
    summary: "End one of one's sessions",
    params: IdParams,
    status: 204,
    handler: async (ctx, { params }, reply) => {
      await svc.endSession(ctx, params.id);
      if (params.id === ctx.actor?.sessionId) clearSessionCookie(reply);
    },
  });
});
