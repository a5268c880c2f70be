import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import { deadlinePassed, isPublicState } from "../../../shared/challenges.js";
import {
  CHALLENGE_FILE_MAX_BYTES,
  CHALLENGE_FILE_TYPES,
  CHALLENGE_FILES_MAX,
  type ChallengeLock,
} from "../../../shared/challenges.qa.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { attachFile, defineFilePurpose, forgetFile, type StoredFile, storeUpload } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import type { ChallengeFile } from "./challenges.qa.contract.js";
import { challengeFiles, challengeNdaAcceptances, challengeSubmissionFiles } from "./challenges.qa.schema.js";
import {
  challengeRow,
  managedChallenge,
  present,
  type Reader,
  type Row,
  readerOf,
} from "./challenges.service.js";
import { getSubmission } from "./challenges.submissions.service.js";

/*
 * A challenge's visibility and files. The server decides who reads the details (problem, expected
 * result, requirements) and files: a public challenge's anyone; a registered-only one's a signed-in
 * reader; an NDA one's a reader who accepted its NDA (once per person, recorded with the time and the
 * text's hash, audited). Its managers and assigned experts always read them. Anyone else gets the card
 * with `locked` saying why (sign in, accept the NDA), and 404 for a file.
 *
 * A submission's files: its submitter's side adds and removes them until the deadline; the submitter's
 * side, the challenge's managers and the assigned experts download them (anyone else: 404).
 */

export const CHALLENGE_FILES = defineFilePurpose({
  name: "challenge",
  maxBytes: CHALLENGE_FILE_MAX_BYTES,
  types: CHALLENGE_FILE_TYPES,
  maxPixels: 100_000_000,
});
export const SUBMISSION_FILES = defineFilePurpose({
  name: "challenge-submission",
  maxBytes: CHALLENGE_FILE_MAX_BYTES,
  types: CHALLENGE_FILE_TYPES,
  maxPixels: 100_000_000,
});

type FileView = z.infer<typeof ChallengeFile>;

/** Why the reader does not see the details and files (null: sees them). */
export function lockOf(r: Pick<Row, "visibility">, me: Reader): ChallengeLock | null {
  if (r.visibility === "public" || me.manage || me.expert) return null;
  if (!me.signedIn) return "sign_in";
  if (r.visibility === "nda" && !me.ndaAcceptedAt) return "nda";
  return null;
}

export async function ndaAcceptedAt(ex: Executor, challengeId: string, userId: string) {
  const [a] = await ex
    .select({ at: challengeNdaAcceptances.acceptedAt })
    .from(challengeNdaAcceptances)
    .where(
      and(eq(challengeNdaAcceptances.challengeId, challengeId), eq(challengeNdaAcceptances.userId, userId)),
    );
  return a?.at.toISOString() ?? null;
}

const fileView = (f: StoredFile): FileView => ({
  id: f.id,
  name: f.originalName,
  size: f.size,
  contentType: f.contentType,
});

export async function challengeFilesOf(ex: Executor, challengeId: string): Promise<FileView[]> {
  const list = await ex
    .select({ f: files })
    .from(challengeFiles)
    .innerJoin(files, eq(files.id, challengeFiles.fileId))
    .where(eq(challengeFiles.challengeId, challengeId))
    .orderBy(asc(challengeFiles.createdAt), asc(files.id));
  return list.map((l) => fileView(l.f));
}

/** The SHA-256 of an NDA's text (stored with each acceptance). */
const ndaHash = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A signed-in reader accepts a public NDA challenge's NDA (once: accepting again changes nothing);
 * audited. A challenge without an NDA, or not public: 404.
 */
export async function acceptNda(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await challengeRow(tx, id);
    if (r.visibility !== "nda" || !r.ndaRu || !isPublicState(r.state)) throw notFound();
    const [added] = await tx
      .insert(challengeNdaAcceptances)
      .values({ challengeId: id, userId: actor.id, textSha256: ndaHash(r.ndaRu) })
      .onConflictDoNothing()
      .returning();
    if (added)
      await writeAudit(tx, auditCtx(ctx), {
        action: "challenge.nda_accept",
        entity: "challenge",
        entityId: id,
        after: { userId: actor.id, sha256: added.textSha256, at: added.acceptedAt.toISOString() },
      });
    return present(tx, r, await readerOf(tx, ctx, r));
  });
}

// ---------- a challenge's files ----------

const tooMany = () => new AppError(409, "challenge-files-full", {}, [], { max: CHALLENGE_FILES_MAX });

async function assertRoom(n: Promise<{ n: number }[]>) {
  if (((await n)[0]?.n ?? 0) >= CHALLENGE_FILES_MAX) throw tooMany();
}

const challengeFileCount = (ex: Executor, id: string) =>
  ex.select({ n: count() }).from(challengeFiles).where(eq(challengeFiles.challengeId, id));

/** Files are attached by the challenge's managers until the results (a draft or a published challenge). */
function assertFilesOpen(r: Row) {
  if (r.state === "results" || r.state === "closed") throw new AppError(409, "challenge-files-closed");
}

export async function assertCanUploadChallengeFile(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    assertFilesOpen(r);
    await assertRoom(challengeFileCount(tx, id));
  });
}

/**
 * Streams an upload into the storage, then in one transaction checks the record (`check`, which may
 * throw), attaches the file, links it (`link`) and writes the audit entry; a refused or failed attach
 * removes the stored bytes.
 */
async function uploadAttached(
  ctx: Ctx,
  upload: { stream: Readable; fileName?: string },
  spec: {
    purpose: typeof CHALLENGE_FILES;
    check: (tx: Executor) => Promise<unknown>;
    link: (tx: Executor, file: StoredFile) => Promise<unknown>;
    audit: { action: string; entity: string; entityId: string };
  },
) {
  const actor = requireActor(ctx);
  const file = await storeUpload(ctx.db, ctx.storage, {
    purpose: spec.purpose,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  return ctx.db
    .transaction(async (tx) => {
      await spec.check(tx);
      await attachFile(tx, { id: file.id, purpose: spec.purpose, uploadedBy: actor.id, field: "file" });
      await spec.link(tx, file);
      await writeAudit(tx, auditCtx(ctx), {
        ...spec.audit,
        after: { fileId: file.id, name: file.originalName, contentType: file.contentType, size: file.size },
      });
      return fileView(file);
    })
    .catch(async (err) => {
      await ctx.storage.delete(file.storageKey).catch(() => {});
      throw err;
    });
}

/** Streams a file into the storage, then attaches it to the challenge in one audited transaction. */
export const uploadChallengeFile = (ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) =>
  uploadAttached(ctx, upload, {
    purpose: CHALLENGE_FILES,
    check: async (tx) => {
      assertFilesOpen(await managedChallenge(tx, ctx, id));
      await assertRoom(challengeFileCount(tx, id));
    },
    link: (tx, file) => tx.insert(challengeFiles).values({ challengeId: id, fileId: file.id }),
    audit: { action: "challenge.file_add", entity: "challenge", entityId: id },
  });

export async function deleteChallengeFile(ctx: Ctx, id: string, fileId: string) {
  const gone = await ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    assertFilesOpen(r);
    const [link] = await tx
      .delete(challengeFiles)
      .where(and(eq(challengeFiles.challengeId, id), eq(challengeFiles.fileId, fileId)))
      .returning();
    if (!link) throw notFound();
    const file = await forgetFile(tx, fileId);
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.file_delete",
      entity: "challenge",
      entityId: id,
      before: { fileId, name: file?.originalName },
    });
    return file;
  });
  if (gone) await ctx.storage.delete(gone.storageKey).catch(() => {});
}

/** A challenge's file for a reader who sees its details (a draft's: its managers); anyone else 404. */
export async function challengeFile(ctx: Ctx, id: string, fileId: string): Promise<StoredFile> {
  const r = await challengeRow(ctx.db, id);
  const me = await readerOf(ctx.db, ctx, r);
  if (!me.manage && !isPublicState(r.state)) throw notFound();
  if (lockOf(r, me)) throw notFound();
  const [f] = await ctx.db
    .select({ f: files })
    .from(challengeFiles)
    .innerJoin(files, eq(files.id, challengeFiles.fileId))
    .where(and(eq(challengeFiles.challengeId, id), eq(challengeFiles.fileId, fileId)));
  if (!f) throw notFound();
  return f.f;
}

// ---------- a submission's files ----------

const submissionFileCount = (ex: Executor, id: string) =>
  ex
    .select({ n: count() })
    .from(challengeSubmissionFiles)
    .where(eq(challengeSubmissionFiles.submissionId, id));

/** The submission, for its submitter's side while it may still be changed (until the deadline). */
async function ownOpenSubmission(ctx: Ctx, id: string) {
  const s = await getSubmission(ctx, id);
  if (!s.mine) throw notFound();
  const c = await challengeRow(ctx.db, s.challenge.id);
  if (s.state !== "submitted" || c.state !== "accepting" || deadlinePassed(c.deadline, now()))
    throw new AppError(409, "challenge-submission-files-closed");
  return s;
}

export async function submissionFiles(ctx: Ctx, id: string): Promise<{ items: FileView[] }> {
  await getSubmission(ctx, id);
  const list = await ctx.db
    .select({ f: files })
    .from(challengeSubmissionFiles)
    .innerJoin(files, eq(files.id, challengeSubmissionFiles.fileId))
    .where(eq(challengeSubmissionFiles.submissionId, id))
    .orderBy(asc(challengeSubmissionFiles.createdAt), asc(files.id));
  return { items: list.map((l) => fileView(l.f)) };
}

export async function assertCanUploadSubmissionFile(ctx: Ctx, id: string) {
  await ownOpenSubmission(ctx, id);
  await assertRoom(submissionFileCount(ctx.db, id));
}

/** Streams a file into the storage, then attaches it to the submission in one audited transaction. */
export const uploadSubmissionFile = (ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) =>
  uploadAttached(ctx, upload, {
    purpose: SUBMISSION_FILES,
    check: async (tx) => {
      await ownOpenSubmission({ ...ctx, db: tx }, id);
      await assertRoom(submissionFileCount(tx, id));
    },
    link: (tx, file) => tx.insert(challengeSubmissionFiles).values({ submissionId: id, fileId: file.id }),
    audit: { action: "challenge.submission_file_add", entity: "challenge_submission", entityId: id },
  });

export async function deleteSubmissionFile(ctx: Ctx, id: string, fileId: string) {
  const gone = await ctx.db.transaction(async (tx) => {
    await ownOpenSubmission({ ...ctx, db: tx }, id);
    const [link] = await tx
      .delete(challengeSubmissionFiles)
      .where(and(eq(challengeSubmissionFiles.submissionId, id), eq(challengeSubmissionFiles.fileId, fileId)))
      .returning();
    if (!link) throw notFound();
    const file = await forgetFile(tx, fileId);
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.submission_file_delete",
      entity: "challenge_submission",
      entityId: id,
      before: { fileId, name: file?.originalName },
    });
    return file;
  });
  if (gone) await ctx.storage.delete(gone.storageKey).catch(() => {});
}

/** A submission's file: its submitter's side, the challenge's managers, its assigned experts; else 404. */
export async function submissionFile(ctx: Ctx, id: string, fileId: string): Promise<StoredFile> {
  await getSubmission(ctx, id);
  const [f] = await ctx.db
    .select({ f: files })
    .from(challengeSubmissionFiles)
    .innerJoin(files, eq(files.id, challengeSubmissionFiles.fileId))
    .where(and(eq(challengeSubmissionFiles.submissionId, id), eq(challengeSubmissionFiles.fileId, fileId)));
  if (!f) throw notFound();
  return f.f;
}
