import { createHash, randomUUID } from "node:crypto";
import { PassThrough, type Readable } from "node:stream";
import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { z } from "zod";
import { ERASURE_DAYS, EXPORT_DAYS } from "../../../shared/privacy.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { countRows, pageOf } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { defineFilePurpose, findFile, forgetFile, type StoredFile } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import { t } from "../../core/i18n.js";
import type { JobQueue, JobServices, QueuedJob } from "../../core/jobs.js";
import { enqueueMail } from "../../core/mail.js";
import {
  installedModules,
  type ModuleManifest,
  type PersonalDataPart,
  type PersonalFile,
} from "../../core/module.js";
import {
  giveProcessingConsent,
  setDeletionRequested,
  withdrawProcessingConsent,
} from "../accounts/accounts.personal.js";
import {
  checkCredentials,
  getUser,
  lockUser,
  presentUser,
  startSession,
  usersByIds,
} from "../accounts/accounts.service.js";
import { verifyPassword } from "../accounts/passwords.js";
import { notify } from "../notifications/notifications.service.js";
import { endPublicAppearances, ownedOrganizations } from "../organizations/organizations.personal.js";
import type { CancelErasureBody, ErasureBody, PendingErasuresQuery } from "./privacy.contract.js";
import { EXPORT_READY } from "./privacy.notifications.js";
import { dataExports, erasureRequests } from "./privacy.schema.js";

const DAY_MS = 24 * 3600_000;

/** The zip of a user's data: stored like any file, downloadable only by its user, for 7 days. */
export const EXPORT_FILES = defineFilePurpose({
  name: "personal-data-export",
  maxBytes: 4 * 1024 * 1024 * 1024,
  types: ["application/zip"],
});

type ExportRow = typeof dataExports.$inferSelect;

function presentExport(row: ExportRow, file?: { size: number } | null) {
  return {
    id: row.id,
    state: row.state,
    requestedAt: row.requestedAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    size: file?.size ?? null,
  };
}

/** The user's exports, newest first (the last five). */
export async function listExports(ctx: Ctx) {
  const actor = requireActor(ctx);
  const list = await ctx.db
    .select({ row: dataExports, size: files.size })
    .from(dataExports)
    .leftJoin(files, eq(files.id, dataExports.fileId))
    .where(eq(dataExports.userId, actor.id))
    .orderBy(desc(dataExports.requestedAt))
    .limit(5);
  return { items: list.map(({ row, size }) => presentExport(row, size === null ? null : { size })) };
}

/** Sends the export job (one queued export at a time: asking again while one waits returns it). */
export async function requestExport(ctx: Ctx) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    await lockUser(tx, actor.id);
    const [waiting] = await tx
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, actor.id), eq(dataExports.state, "queued")));
    if (waiting) return presentExport(waiting);
    const [row] = await tx
      .insert(dataExports)
      .values({ userId: actor.id, requestedAt: new Date() })
      .returning();
    await ctx.jobs.send(tx, EXPORT_JOB, { exportId: row!.id }, { singletonKey: row!.id });
    await writeAudit(tx, auditCtx(ctx), {
      action: "user.data_export_requested",
      entity: "user",
      entityId: actor.id,
      after: { exportId: row!.id },
    });
    return presentExport(row!);
  });
}

/**
 * The zip of one of the user's own exports. Someone else's (or an unknown id, or one not ready yet)
 * is 404; one past its 7 days is 410 `export-expired`.
 */
export async function exportFile(ctx: Ctx, id: string): Promise<StoredFile> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, actor.id)));
  if (!row || row.state === "queued" || row.state === "failed") throw notFound();
  if (row.state === "expired" || !row.expiresAt || row.expiresAt.getTime() <= Date.now())
    throw new AppError(410, "export-expired", { days: EXPORT_DAYS });
  const file = row.fileId ? await findFile(ctx.db, row.fileId) : undefined;
  if (!file) throw notFound();
  await writeAudit(ctx.db, auditCtx(ctx), {
    action: "user.data_export_downloaded",
    entity: "user",
    entityId: actor.id,
    after: { exportId: id },
  });
  return file;
}

/** Every installed module that declares its part of a person's data, in manifest order. */
const partsOf = (list: readonly ModuleManifest[]) =>
  list.flatMap((m) => (m.personalData ? [{ name: m.name, part: m.personalData }] : []));

/** The zip: README, one JSON file per module, and the user's files under files/<module>/. */
function buildZip(
  services: { db: Executor; storage: JobServices["storage"] },
  data: { name: string; json: unknown }[],
  personalFiles: { module: string; file: PersonalFile }[],
  readme: string,
): Readable {
  const zip = new ZipFile();
  const out = zip.outputStream as Readable;
  zip.addBuffer(Buffer.from(readme, "utf8"), "README.txt");
  for (const d of data)
    zip.addBuffer(Buffer.from(`${JSON.stringify(d.json, null, 2)}\n`, "utf8"), `${d.name}.json`);
  const used = new Set<string>();
  for (const { module, file } of personalFiles) {
    let name = `files/${module}/${file.name.replace(/[\\/]/g, "_")}`;
    while (used.has(name)) name = `files/${module}/${randomUUID().slice(0, 8)}-${file.name}`;
    used.add(name);
    // Opened only when the zip reaches it: one file's stream at a time, never all in memory.
    zip.addReadStreamLazy(name, (cb) => {
      // A file that cannot be read fails the zip's output (yazl leaves the stream's error unheard).
      file.open(services).then(
        (s) =>
          cb(
            null,
            s.on("error", (err) => out.destroy(err)),
          ),
        (err) => out.destroy(err),
      );
    });
  }
  zip.end();
  return out;
}

/**
 * The export job: reads every module's part in one transaction (a consistent picture), streams the zip
 * into the file storage (hashed and counted on the way), then in one transaction records the file,
 * marks the export ready for 7 days and notifies the user. A repeated run of a finished export does
 * nothing.
 */
export async function prepareExport(services: JobServices, exportId: string): Promise<number> {
  const { db, storage } = services;
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (row?.state !== "queued") return 0;
  const user = await getUser(db, row.userId);
  if (!user || user.erasedAt) return 0;
  const parts = partsOf(installedModules());
  const { data, personalFiles } = await db.transaction(async (tx) => {
    const data: { name: string; json: unknown }[] = [];
    const personalFiles: { module: string; file: PersonalFile }[] = [];
    for (const { name, part } of parts) {
      data.push({ name, json: await part.export(tx, user.id) });
      for (const file of (await part.files?.(tx, user.id)) ?? []) personalFiles.push({ module: name, file });
    }
    return { data, personalFiles };
  });
  const now = new Date();
  const zip = buildZip(
    { db, storage },
    data,
    personalFiles,
    t(user.locale, "export.readme", { date: now.toISOString() }),
  );
  const hash = createHash("sha256");
  let size = 0;
  const counted = new PassThrough();
  zip.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  zip.on("error", (err) => counted.destroy(err));
  zip.pipe(counted);
  const key = `${EXPORT_FILES.name}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
  try {
    await storage.put(key, counted);
  } catch (err) {
    // A file that could not be read (or the storage failing): nothing half-written stays; the job retries.
    await storage.delete(key).catch(() => {});
    throw err;
  }
  try {
    return await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(files)
        .values({
          storageKey: key,
          purpose: EXPORT_FILES.name,
          uploadedBy: user.id,
          originalName: `innocluster-data-${moscowToday(now)}.zip`,
          size,
          sha256: hash.digest("hex"),
          contentType: "application/zip",
          attachedAt: now,
        })
        .returning();
      const expiresAt = new Date(now.getTime() + EXPORT_DAYS * DAY_MS);
      const [done] = await tx
        .update(dataExports)
        .set({ state: "ready", fileId: file!.id, readyAt: now, expiresAt })
        .where(and(eq(dataExports.id, exportId), eq(dataExports.state, "queued")))
        .returning();
      if (!done) throw new ExportGone();
      await writeAudit(
        tx,
        { actorId: null, ip: null },
        { action: "user.data_export_ready", entity: "user", entityId: user.id, after: { exportId, size } },
      );
      return notify(tx, services.config.publicUrl, {
        kind: EXPORT_READY,
        userIds: [user.id],
        data: { expires: moscowToday(expiresAt) },
        link: "/account#my-data-title",
      });
    });
  } catch (err) {
    await storage.delete(key).catch(() => {});
    if (err instanceof ExportGone) return 0;
    throw err;
  }
}

/** The export was finished by another run (or its user erased) meanwhile: this run's zip goes. */
class ExportGone extends Error {}

/** Runs of the export job before the export is marked failed: pg-boss's first run and its 3 retries. */
export const EXPORT_ATTEMPTS = 4;

/**
 * At start: the job is sent again for every export left queued (the seed's, or one whose job was lost);
 * the queue prepares them, with its retries. Nothing is built here: a broken export cannot keep a
 * server from starting.
 */
export async function resendQueuedExports(services: JobServices & { jobs: JobQueue }): Promise<void> {
  const waiting = await services.db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(eq(dataExports.state, "queued"));
  for (const w of waiting)
    await services.jobs.send(services.db, EXPORT_JOB, { exportId: w.id }, { singletonKey: w.id });
}

/**
 * A failed run of the export job is counted with its error; after the last retry the export is
 * `failed` (the user is offered to request again). The error is thrown on for the queue to retry.
 */
async function recordExportFailure(services: JobServices, exportId: string, err: unknown): Promise<void> {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
  await services.db
    .update(dataExports)
    .set({
      attempts: sql`${dataExports.attempts} + 1`,
      error: message,
      state: sql`case when ${dataExports.attempts} + 1 >= ${EXPORT_ATTEMPTS} then 'failed'::data_export_state else ${dataExports.state} end`,
    })
    .where(and(eq(dataExports.id, exportId), eq(dataExports.state, "queued")));
}

export const EXPORT_JOB: QueuedJob<{ exportId: string }> = {
  name: "privacy.export",
  run: async (services, data) => {
    try {
      return await prepareExport(services, data.exportId);
    } catch (err) {
      await recordExportFailure(services, data.exportId, err);
      throw err;
    }
  },
};

/**
 * Removes the zips of exports past their 7 days (the rows stay, "expired") and the zips of erased users
 * (no owner any more), in one transaction; their contents after the commit. Returns how many went.
 */
export async function removeExpiredExports(services: JobServices, now = new Date()): Promise<number> {
  const keys = await services.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: dataExports.id, fileId: dataExports.fileId })
      .from(dataExports)
      .where(and(eq(dataExports.state, "ready"), lte(dataExports.expiresAt, now)))
      .for("update");
    const removed: string[] = [];
    for (const d of due) {
      await tx.update(dataExports).set({ state: "expired", fileId: null }).where(eq(dataExports.id, d.id));
      const file = d.fileId ? await forgetFile(tx, d.fileId) : undefined;
      if (file) removed.push(file.storageKey);
    }
    const orphans = await tx
      .delete(files)
      .where(and(eq(files.purpose, EXPORT_FILES.name), isNull(files.uploadedBy)))
      .returning({ key: files.storageKey });
    return [...removed, ...orphans.map((o) => o.key)];
  });
  for (const key of keys) await services.storage.delete(key).catch(() => {});
  return keys.length;
}

/** The problem an owner gets: the organizations to pass on first, named in the request's language. */
function ownerRefusal(names: string[]) {
  return new AppError(409, "erasure-owner", { organizations: names.map((n) => `«${n}»`).join(", ") }, [], {
    organizations: names,
  });
}

/**
 * Asks to delete the account (or withdraws the consent to processing: the same request). The password
 * is asked again; an owner of an organization must pass ownership on first (409 naming them). In one
 * transaction: the request (due in 30 days), the consent withdrawn, every session ended (the account
 * can then only sign in to cancel), a mail saying when and how to cancel, the audit entry.
 */
export async function requestErasure(ctx: Ctx, body: z.infer<typeof ErasureBody>) {
  const actor = requireActor(ctx);
  const user = await getUser(ctx.db, actor.id);
  if (!user) throw notFound();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, body.password)))
    throw new AppError(400, "wrong-password", {}, [{ field: "password", key: "problem.wrong-password" }]);
  const result = await ctx.db.transaction(async (tx) => {
    await lockUser(tx, actor.id);
    const owned = await ownedOrganizations(tx, actor.id);
    if (owned.length) throw ownerRefusal(owned.map((o) => o.shortName));
    const now = new Date();
    const dueAt = new Date(now.getTime() + ERASURE_DAYS * DAY_MS);
    await tx
      .update(erasureRequests)
      .set({ state: "cancelled", cancelledAt: now })
      .where(and(eq(erasureRequests.userId, actor.id), eq(erasureRequests.state, "pending")));
    const [req] = await tx
      .insert(erasureRequests)
      .values({ userId: actor.id, reason: body.reason, requestedAt: now, dueAt })
      .returning();
    await withdrawProcessingConsent(tx, actor.id, now);
    await setDeletionRequested(tx, actor.id, now);
    await endPublicAppearances(tx, actor.id);
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "erasure-requested",
      data: { name: user.fullName, date: moscowToday(dueAt), url: `${ctx.config.publicUrl}/signin` },
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "user.erasure_requested",
      entity: "user",
      entityId: actor.id,
      after: { requestId: req!.id, reason: body.reason, erasesAt: dueAt },
    });
    return { requestedAt: now.toISOString(), erasesAt: dueAt.toISOString() };
  });
  ctx.mailQueued();
  return {
    ...result,
    message: t(ctx.locale, "msg.erasure-requested", { date: result.erasesAt.slice(0, 10) }),
  };
}

/**
 * Cancels a pending erasure by signing in (the e-mail and password, checked as sign-in checks them):
 * the request is cancelled, the consent to processing given again under the current policy, and the
 * user is signed in — in one transaction, audited.
 */
export async function cancelErasure(ctx: Ctx, body: z.infer<typeof CancelErasureBody>) {
  const user = await checkCredentials(ctx, body);
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [cancelled] = await tx
      .update(erasureRequests)
      .set({ state: "cancelled", cancelledAt: now })
      .where(and(eq(erasureRequests.userId, user.id), eq(erasureRequests.state, "pending")))
      .returning();
    if (!cancelled) throw new AppError(409, "erasure-not-pending");
    await setDeletionRequested(tx, user.id, null);
    await giveProcessingConsent(tx, user.id, ctx.ip);
    await writeAudit(
      tx,
      { actorId: user.id, ip: ctx.ip },
      {
        action: "user.erasure_cancelled",
        entity: "user",
        entityId: user.id,
        after: { requestId: cancelled.id },
      },
    );
    return {
      user: presentUser({ ...user, deletionRequestedAt: null }),
      token: await startSession(tx, ctx, user.id),
    };
  });
}

/**
 * The erasure job: every request past its 30 days, one transaction each — every module's `erase`
 * (in reverse manifest order, so the accounts module, which others read the name and address from,
 * goes last), the request marked done, the audit entry (the user id only). Returns how many.
 */
export async function eraseDue(services: JobServices, now = new Date()): Promise<number> {
  const due = await services.db
    .select({ id: erasureRequests.id })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.state, "pending"), lte(erasureRequests.dueAt, now)))
    .orderBy(erasureRequests.dueAt)
    .limit(200);
  const parts = partsOf(installedModules()).reverse();
  let erased = 0;
  for (const { id } of due) {
    try {
      if (await eraseOne(services, parts, id, now)) erased++;
    } catch (err) {
      // One request that cannot be carried out (a module failing on its data) must not keep the others
      // from being erased: it stays pending, its failure shown to the operator, and is tried next hour.
      const message = err instanceof Error ? err.message : String(err);
      await services.db
        .update(erasureRequests)
        .set({ attempts: sql`${erasureRequests.attempts} + 1`, lastError: message.slice(0, 1000) })
        .where(eq(erasureRequests.id, id));
    }
  }
  return erased;
}

/** One request, in one transaction. False when it is no longer pending or due. */
async function eraseOne(
  services: JobServices,
  parts: ReturnType<typeof partsOf>,
  id: string,
  now: Date,
): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    const [req] = await tx
      .select()
      .from(erasureRequests)
      .where(and(eq(erasureRequests.id, id), eq(erasureRequests.state, "pending")))
      .for("update");
    if (!req || req.dueAt.getTime() > now.getTime()) return false;
    // An owner is never erased (an organization would be left without one): the request stays pending,
    // flagged to the operator, until ownership is passed on.
    const owned = await ownedOrganizations(tx, req.userId);
    if (owned.length)
      throw new Error(
        `owns organizations: ${owned.map((o) => o.shortName).join(", ")}; ownership must pass on first`,
      );
    for (const { part } of parts) await part.erase(tx, req.userId, { publicUrl: services.config.publicUrl });
    await tx
      .update(erasureRequests)
      .set({ state: "done", doneAt: now, lastError: null })
      .where(eq(erasureRequests.id, id));
    await writeAudit(
      tx,
      { actorId: null, ip: null },
      { action: "user.erased", entity: "user", entityId: req.userId, after: { requestId: id } },
    );
    return true;
  });
}

/** The operator's list of pending erasures, soonest first, with the days left. */
export async function pendingErasures(ctx: Ctx, q: z.infer<typeof PendingErasuresQuery>) {
  const where = eq(erasureRequests.state, "pending");
  const { items: list, total } = await pageOf(
    ctx.db
      .select()
      .from(erasureRequests)
      .where(where)
      .orderBy(erasureRequests.dueAt, erasureRequests.id)
      .$dynamic(),
    countRows(ctx.db, erasureRequests, where),
    q,
  );
  const people = await usersByIds(
    ctx.db,
    list.map((r) => r.userId),
  );
  const now = Date.now();
  return {
    items: list.map((r) => ({
      id: r.id,
      userId: r.userId,
      email: people.get(r.userId)?.email ?? "",
      fullName: people.get(r.userId)?.fullName ?? "",
      reason: r.reason,
      requestedAt: r.requestedAt.toISOString(),
      erasesAt: r.dueAt.toISOString(),
      daysLeft: Math.max(0, Math.ceil((r.dueAt.getTime() - now) / DAY_MS)),
      attempts: r.attempts,
      lastError: r.lastError,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The privacy module's own part (its exports and requests) and core's files: what the user uploaded is
 * listed and put in the zip; erasure forgets who uploaded it (the record it belongs to keeps it) and
 * deletes the user's exports.
 */
export const privacyPersonalData: PersonalDataPart = {
  async export(tx: Executor, userId: string) {
    const exports = await tx.select().from(dataExports).where(eq(dataExports.userId, userId));
    const requests = await tx.select().from(erasureRequests).where(eq(erasureRequests.userId, userId));
    const uploaded = await uploadedFiles(tx, userId);
    return {
      exports: exports.map((e) => presentExport(e)),
      erasureRequests: requests.map((r) => ({
        reason: r.reason,
        state: r.state,
        requestedAt: r.requestedAt.toISOString(),
        erasesAt: r.dueAt.toISOString(),
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
      })),
      filesUploaded: uploaded.map((f) => ({
        id: f.id,
        purpose: f.purpose,
        originalName: f.originalName,
        size: f.size,
        contentType: f.contentType,
        sha256: f.sha256,
        createdAt: f.createdAt.toISOString(),
      })),
    };
  },
  async files(tx: Executor, userId: string): Promise<PersonalFile[]> {
    const uploaded = await uploadedFiles(tx, userId);
    return uploaded.map((f) => ({
      name: `${f.id}-${f.originalName}`,
      open: ({ storage }) => storage.read(f.storageKey),
    }));
  },
  async erase(tx: Executor, userId: string) {
    await tx.delete(dataExports).where(eq(dataExports.userId, userId));
    // Their zips lose their owner and go with the clean-up job's next run.
    await tx.update(files).set({ uploadedBy: null }).where(eq(files.uploadedBy, userId));
  },
};

async function uploadedFiles(tx: Executor, userId: string) {
  const list = await tx.select().from(files).where(eq(files.uploadedBy, userId));
  return list.filter((f) => f.purpose !== EXPORT_FILES.name);
}
