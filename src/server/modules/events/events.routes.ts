import { z } from "zod";
import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import {
  AttendanceBody,
  CalendarFeed,
  DecisionBody,
  Event,
  EventBody,
  EventCard,
  EventsPage,
  EventsQuery,
  ListQuery,
  MyRegistration,
  MyRegistrationsPage,
  OperatorEvent,
  OperatorEventsPage,
  OperatorEventsQuery,
  RegisterBody,
  RegistrantsPage,
  TokenParams,
  UpdateEventBody,
  VersionBody,
} from "./events.contract.js";
import { calendarOf } from "./events.ics.js";
import * as svc from "./events.service.js";

const action = "events.access";

/** A calendar file: text/calendar, not cached by shared caches. */
const sendCalendar = (reply: import("fastify").FastifyReply, body: string, filename: string) =>
  reply
    .type("text/calendar; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "private, no-store")
    .send(body);

export const eventRoutes = routes(["events"], (r) => {
  r.get("/events", {
    action: "public",
    summary:
      "The events catalog: coming (soonest first) or past; Russian full text; facets kind, format and month (Moscow)",
    query: EventsQuery,
    response: EventsPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchEvents(ctx, query)),
  });

  r.get("/events/next", {
    action: "public",
    summary: "The next published events (the home page)",
    response: z.object({ items: z.array(EventCard) }),
    handler: async (ctx) => ({ items: await svc.nextEvents(ctx) }),
  });

  r.get("/event-registrations/mine", {
    action,
    summary: "The reader's registrations, coming events first",
    query: ListQuery,
    response: MyRegistrationsPage,
    handler: (ctx, { query }) => svc.myRegistrations(ctx, query),
  });

  r.get("/events/:id", {
    action: "public",
    summary:
      "An event: programme, places, participating organizations (named with consent), the reader's registration",
    params: IdParams,
    response: Event,
    handler: async (ctx, { params }, reply) =>
      ctx.actor ? svc.getEvent(ctx, params.id) : sendJson(reply, await svc.publicEvent(ctx, params.id)),
  });

  r.get("/events/:id/calendar", {
    action: "public",
    summary: "The event as an iCalendar file (.ics), times in Moscow time",
    params: IdParams,
    handler: async (ctx, { params }, reply) => {
      const e = await svc.eventForCalendar(ctx, params.id);
      return sendCalendar(reply, calendarOf(e.titleRu, [e], ctx.config.publicUrl), `event-${e.id}.ics`);
    },
  });

  r.post("/events/:id/registrations", {
    action,
    summary:
      "Register for an event (a place or the waitlist; a mission: an application with the export product and target country)",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    params: IdParams,
    body: RegisterBody,
    response: MyRegistration,
    status: 201,
    handler: (ctx, { params, body }) => svc.register(ctx, params.id, body),
  });

  r.delete("/events/:id/registrations/mine", {
    action,
    summary: "Cancel the reader's registration (a freed place goes to the first waiting)",
    params: IdParams,
    status: 204,
    handler: async (ctx, { params }) => {
      await svc.cancelRegistration(ctx, params.id);
    },
  });

  r.get("/calendar-feed", {
    action,
    summary: "Whether the reader has a personal calendar feed",
    response: CalendarFeed,
    handler: (ctx) => svc.calendarFeed(ctx),
  });

  r.post("/calendar-feed", {
    action,
    summary: "Make the reader's calendar feed URL (a new secret; any earlier URL stops working)",
    rateLimit: { max: 20, timeWindow: "1 hour" },
    response: CalendarFeed,
    status: 201,
    handler: (ctx) => svc.makeCalendarFeed(ctx),
  });

  r.delete("/calendar-feed", {
    action,
    summary: "Revoke the reader's calendar feed URL",
    status: 204,
    handler: async (ctx) => {
      await svc.revokeCalendarFeed(ctx);
    },
  });

  r.get("/calendar/:token", {
    action: "public",
    summary: "A personal calendar feed (iCalendar): the events its owner holds a place in",
    params: TokenParams.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
    handler: async (ctx, { params }, reply) => {
      const list = await svc.feedEvents(ctx, params.token.slice(0, -4));
      return sendCalendar(reply, calendarOf("Innocluster", list, ctx.config.publicUrl, true), "events.ics");
    },
  });

  // ---------- operators (and organizers for attendance) ----------

  r.get("/operator/events", {
    action: "operator.events",
    summary: "Every event, drafts too, latest start first",
    query: OperatorEventsQuery,
    response: OperatorEventsPage,
    handler: (ctx, { query }) => svc.operatorEvents(ctx, query),
  });

  r.get("/operator/events/:id", {
    action: "operator.events",
    summary: "An event as the operator edits it",
    params: IdParams,
    response: OperatorEvent,
    handler: (ctx, { params }) => svc.operatorEvent(ctx, params.id),
  });

  r.post("/operator/events", {
    action: "events.manage",
    summary: "Create a draft event (times in Moscow time)",
    body: EventBody,
    response: Event,
    status: 201,
    handler: (ctx, { body }) => svc.createEvent(ctx, body),
  });

  r.put("/operator/events/:id", {
    action: "events.manage",
    summary: "Edit an event (naming the version seen: a stale one is 409 with the event as it is now)",
    params: IdParams,
    body: UpdateEventBody,
    response: Event,
    handler: (ctx, { params, body }) => svc.updateEvent(ctx, params.id, body),
  });

  r.post("/operator/events/:id/publish", {
    action: "events.manage",
    summary: "Publish a draft event",
    params: IdParams,
    body: VersionBody,
    response: Event,
    handler: (ctx, { params, body }) => svc.publishEvent(ctx, params.id, body.version),
  });

  r.post("/operator/events/:id/cancel", {
    action: "events.manage",
    summary: "Cancel a published event (everyone registered or waiting is told)",
    params: IdParams,
    body: VersionBody,
    response: Event,
    handler: (ctx, { params, body }) => svc.cancelEvent(ctx, params.id, body.version),
  });

  r.get("/events/:id/registrations", {
    action,
    summary: "An event's registrations (an operator or the organizer's owner or admin)",
    params: IdParams,
    query: ListQuery,
    response: RegistrantsPage,
    handler: (ctx, { params, query }) => svc.registrants(ctx, params.id, query),
  });

  r.post("/event-registrations/:id/attendance", {
    action,
    summary: "Mark whether a person came (an operator or the organizer's owner or admin)",
    params: IdParams,
    body: AttendanceBody,
    response: MyRegistration,
    handler: (ctx, { params, body }) => svc.markAttendance(ctx, params.id, body.attended),
  });

  r.post("/operator/event-registrations/:id/decision", {
    action: "events.manage",
    summary: "Select or decline a business mission's application (a stale or decided one is 409)",
    params: IdParams,
    body: DecisionBody,
    response: MyRegistration,
    handler: (ctx, { params, body }) => svc.decide(ctx, params.id, body),
  });
});
