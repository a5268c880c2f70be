import multipart from "@fastify/multipart";
import type { Ctx } from "../../core/context.js";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import {
  AgreeBody,
  ApplyBody,
  AssignBody,
  CompleteBody,
  CreateSiteBody,
  FileParams,
  MilestoneBody,
  MilestoneDoneBody,
  MilestoneParams,
  MyPilotsQuery,
  Pilot,
  PilotQueueQuery,
  PilotsPage,
  PublishedPilots,
  RejectBody,
  ScoreBody,
  Site,
  SitesPage,
  SitesQuery,
  UpdateSiteBody,
  VersionBody,
  WinnerPilotBody,
  WinnerPilots,
  WinnerPilotsQuery,
} from "./pilots.contract.js";
import * as svc from "./pilots.service.js";

/**
 * The sites' catalog and pages and a company's published pilots are public; everything else needs a
 * signed-in user, checked per record by the service (404 to one who has no side of a pilot, 403 to a
 * reader who is not the side that makes a move).
 */
const action = "pilots.access";

export const pilotRoutes = routes(["pilots"], async (r) => {
  auditRefusals(r.app);
  await r.app.register(multipart, {
    limits: { fileSize: svc.PILOT_FILES.maxBytes + 1, files: 1, fields: 2, parts: 3 },
  });

  r.get("/pilot-sites", {
    action: "public",
    summary: "Search the pilot-testing sites: type, okrug, district, free or paid, owner, Russian full text",
    query: SitesQuery,
    response: SitesPage,
    handler: (ctx, { query }) => svc.searchSites(ctx, query),
  });

  r.get("/pilot-sites/:id", {
    action: "public",
    summary: "A site with its completed pilots whose companies agreed to publish the result",
    params: IdParams,
    response: Site,
    handler: (ctx, { params }) => svc.getSite(ctx, params.id),
  });

  r.post("/pilot-sites", {
    action,
    summary: "Add a site for an organization (its owner or admin, or an operator)",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    body: CreateSiteBody,
    response: Site,
    status: 201,
    handler: (ctx, { body }) => svc.createSite(ctx, body),
  });

  r.put("/pilot-sites/:id", {
    action,
    summary: "Edit a site at the version seen (stale: 409 with the site as it is now)",
    params: IdParams,
    body: UpdateSiteBody,
    response: Site,
    handler: (ctx, { params, body }) => svc.updateSite(ctx, params.id, body),
  });

  r.post("/pilot-sites/:id/pilots", {
    action,
    summary: "Apply to test a solution at the site (a member of the applying organization)",
    rateLimit: { max: 30, timeWindow: "1 hour" },
    params: IdParams,
    body: ApplyBody,
    response: Pilot,
    status: 201,
    handler: (ctx, { params, body }) => svc.apply(ctx, params.id, body),
  });

  r.post("/pilot-winners", {
    action,
    summary: "Start a challenge winner's pilot at a site (the challenge's owner or admin, or an operator)",
    body: WinnerPilotBody,
    response: Pilot,
    status: 201,
    handler: (ctx, { body }) => svc.startPilotForWinner(ctx, body),
  });

  r.get("/pilot-winners", {
    action,
    summary: "The pilots started for a challenge's winners (the challenge's owner or admin, or an operator)",
    query: WinnerPilotsQuery,
    response: WinnerPilots,
    handler: (ctx, { query }) => svc.winnerPilots(ctx, query.challengeId),
  });

  r.get("/pilots", {
    action,
    summary: "The pilots the reader has a side of (company, site owner, expert; all for operators)",
    query: MyPilotsQuery,
    response: PilotsPage,
    handler: (ctx, { query }) => svc.myPilots(ctx, query),
  });

  r.get("/operator/pilots", {
    action: "operator.pilots.queue",
    summary: "Applications waiting for the operator (to take or to assign an expert), oldest first",
    query: PilotQueueQuery,
    response: PilotsPage,
    handler: (ctx, { query }) => svc.operatorQueue(ctx, query),
  });

  r.get("/pilots/:id", {
    action,
    summary: "A pilot with the reader's sides and the moves they may make now",
    params: IdParams,
    response: Pilot,
    handler: (ctx, { params }) => svc.getPilot(ctx, params.id),
  });

  const move = (
    path: string,
    summary: string,
    handler: (ctx: Ctx, id: string, body: { version: number }) => Promise<unknown>,
  ) =>
    r.post(`/pilots/:id/${path}`, {
      action,
      summary,
      params: IdParams,
      body: VersionBody,
      response: Pilot,
      handler: (ctx, { params, body }) => handler(ctx, params.id, body) as never,
    });
  move("triage", "The operator takes an operator-assisted application", (ctx, id, b) =>
    svc.triage(ctx, id, b.version),
  );
  move("start", "The site owner starts an agreed pilot", (ctx, id, b) => svc.start(ctx, id, b.version));
  move("withdraw", "The company withdraws its application before it is agreed", (ctx, id, b) =>
    svc.withdraw(ctx, id, b.version),
  );

  r.post("/pilots/:id/assign", {
    action,
    summary: "The operator assigns an expert (by e-mail) to score the innovativeness",
    params: IdParams,
    body: AssignBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.assign(ctx, params.id, body),
  });

  r.post("/pilots/:id/score", {
    action,
    summary: "The assigned expert scores novelty, readiness, effect and feasibility (0–10) with a comment",
    params: IdParams,
    body: ScoreBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.score(ctx, params.id, body),
  });

  r.post("/pilots/:id/agree", {
    action,
    summary: "The site owner agrees with dates and conditions (refused when the site is full)",
    params: IdParams,
    body: AgreeBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.agree(ctx, params.id, body),
  });

  r.post("/pilots/:id/reject", {
    action,
    summary: "The holder of the review step rejects with a reason",
    params: IdParams,
    body: RejectBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.reject(ctx, params.id, body),
  });

  r.post("/pilots/:id/complete", {
    action,
    summary: "The site owner completes a running pilot with its result",
    params: IdParams,
    body: CompleteBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.complete(ctx, params.id, body),
  });

  r.post("/pilots/:id/milestones", {
    action,
    summary: "Add a milestone to an agreed or running pilot (the company or the site owner)",
    params: IdParams,
    body: MilestoneBody,
    response: Pilot,
    status: 201,
    handler: (ctx, { params, body }) => svc.addMilestone(ctx, params.id, body),
  });

  r.put("/pilots/:id/milestones/:milestoneId", {
    action,
    summary: "Mark a milestone done or not",
    params: MilestoneParams,
    body: MilestoneDoneBody,
    response: Pilot,
    handler: (ctx, { params, body }) => svc.setMilestoneDone(ctx, params.id, params.milestoneId, body.done),
  });

  const upload = (path: "reports" | "letter", kind: "report" | "letter", summary: string) =>
    r.post(`/pilots/:id/${path}`, {
      action,
      rateLimit: { max: 60, timeWindow: "1 hour" },
      summary: `${summary}: multipart field \`file\`, PDF, office documents, images, ZIP up to 20 MB`,
      params: IdParams,
      response: Pilot,
      status: 201,
      // Who may not upload this kind now is refused before the upload is read.
      handler: uploadHandler(
        "field.pilot-file",
        (ctx, id) => svc.assertUploader(ctx, id, kind),
        (ctx, id, file) => svc.uploadFile(ctx, id, kind, file),
      ),
    });
  upload("reports", "report", "Upload a report of a running pilot (the company)");
  upload("letter", "letter", "Upload the site owner's feedback letter (running or completed)");

  r.get("/pilots/:id/files/:fileId", {
    action: "public",
    summary: "Download a pilot's file (its readers; a published result's feedback letter for anyone)",
    params: FileParams,
    handler: async (ctx, req, reply) => {
      const file = await svc.pilotFile(ctx, req.params.id, req.params.fileId);
      return sendFile(req, reply, ctx.storage, file);
    },
  });

  r.get("/organizations/:id/pilots", {
    action: "public",
    summary: "An organization's successful pilots whose results it agreed to publish",
    params: IdParams,
    response: PublishedPilots,
    handler: (ctx, { params }) => svc.organizationPilots(ctx, params.id),
  });
});
