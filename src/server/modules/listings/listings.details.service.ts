import type { Readable } from "node:stream";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { contentChanges } from "../../../shared/listingDiff.js";
import { LISTING_KINDS } from "../../../shared/listings.js";
import { NDA_VERSION } from "../../../shared/nda.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { attachFile, findFile, forgetFile, type StoredFile, storeUpload } from "../../core/files.js";
import { can } from "../../core/policy.js";
import { accessOf, refusal } from "../organizations/access.js";
import { acceptedBy, listingFilePurpose, NDA_SHA256 } from "./listings.details.js";
import { listingFiles, listingNdaAcceptances } from "./listings.details.schema.js";
import { type ListingContent, listings } from "./listings.schema.js";
import { assertVerified, orgName, ownListing, present, readerOf, transition } from "./listings.service.js";

/*
 * A listing's files and the NDA in front of its details (listings.details.ts reads them).
 *
 * Files: members of the listing's organization upload them one by one (multipart, streamed to the file
 * storage and refused there by type and size, leaving nothing), to a listing in any state but closed,
 * up to the kind's number; they delete them. Who may read the listing downloads them — except, behind an
 * NDA, a reader none of whose organizations accepted it: to them the file does not exist (404).
 *
 * NDA: a member of a verified organization accepts the platform's NDA text for a published listing
 * behind one, for that organization: once (a second acceptance changes nothing), recorded with the
 * person, the time and the text's edition, and audited. The organization's members then see the details.
 */

type Row = typeof listings.$inferSelect;

const kindOf = (r: Row) => LISTING_KINDS[r.kind];

/** The kind's file purpose, or 400: this kind of listing takes no files. */
function purposeOf(r: Row) {
  const p = listingFilePurpose(kindOf(r));
  if (!p) throw badRequest([{ field: "file", key: "field.listing.files-none" }]);
  return p;
}

const filesCount = async (ex: Executor, listingId: string) =>
  (await ex.select({ n: count() }).from(listingFiles).where(eq(listingFiles.listingId, listingId)))[0]?.n ??
  0;

/** A file more would pass the kind's number: 400 naming it. */
async function assertRoom(ex: Executor, r: Row) {
  const max = kindOf(r).files?.max ?? 0;
  if ((await filesCount(ex, r.id)) >= max)
    throw badRequest([{ field: "file", key: "field.listing.files-max", params: { max } }]);
}

function assertOpenForFiles(ctx: Ctx, r: Row) {
  if (r.state === "closed") throw transition(ctx, "listings.transition.files", r.state);
}

/** Before the upload is read: a member of the listing's organization, a kind that takes files, room for one. */
export async function assertCanUpload(ctx: Ctx, id: string) {
  const r = await ownListing(ctx.db, ctx, id);
  purposeOf(r);
  assertOpenForFiles(ctx, r);
  await assertRoom(ctx.db, r);
  // A file added to a published listing is a change sent to moderation: only a verified organization's.
  if (r.state === "published") await assertVerified(ctx.db, r.organizationId);
}

/** Streams a file into the storage, then attaches it to the listing in one audited transaction. */
export async function uploadListingFile(
  ctx: Ctx,
  id: string,
  upload: { stream: Readable; fileName?: string },
) {
  const actor = requireActor(ctx);
  const purpose = purposeOf(await ownListing(ctx.db, ctx, id));
  const file = await storeUpload(ctx.db, ctx.storage, {
    purpose,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  await ctx.db
    .transaction(async (tx) => {
      const r = await ownListing(tx, ctx, id);
      assertOpenForFiles(ctx, r);
      await assertRoom(tx, r);
      await attachFile(tx, { id: file.id, purpose, uploadedBy: actor.id, field: "file" });
      await tx.insert(listingFiles).values({ listingId: id, fileId: file.id });
      const after = await filesChanged(tx, r, "added");
      await writeAudit(tx, auditCtx(ctx), {
        action: "listing.file_add",
        entity: "listing",
        entityId: id,
        before: { state: r.state, pendingState: r.pendingState, version: r.version },
        after: {
          fileId: file.id,
          name: file.originalName,
          contentType: file.contentType,
          size: file.size,
          state: after.state,
          pendingState: after.pendingState,
          version: after.version,
        },
      });
    })
    .catch(async (err) => {
      await ctx.storage.delete(file.storageKey).catch(() => {});
      throw err;
    });
  return {
    id: file.id,
    name: file.originalName,
    size: file.size,
    contentType: file.contentType,
    pending: true,
  };
}

const publishedContent = (r: Row): ListingContent => ({
  titleRu: r.titleRu,
  titleEn: r.titleEn,
  descriptionRu: r.descriptionRu,
  descriptionEn: r.descriptionEn,
  values: r.values,
});

/**
 * What a file added or removed does to the listing (locked by the caller). A file added to a published
 * listing waits for the operator with the listing's change: the change (its pending content, or the
 * published content when there was none) goes to moderation. A waiting file removed from a change that
 * then changes nothing drops the change. The version moves whenever an operator may be deciding (the
 * listing or its change on moderation, or a published listing), so a decision names the files it saw.
 */
async function filesChanged(
  tx: Executor,
  r: Row,
  how: "added" | "removed-waiting" | "removed",
): Promise<Pick<Row, "state" | "pendingState" | "version">> {
  let set: Partial<typeof listings.$inferInsert> | null = null;
  if (r.state === "published" && how === "added") {
    await assertVerified(tx, r.organizationId);
    set = {
      pending: r.pending ?? publishedContent(r),
      pendingState: "moderation",
      rejectReason: null,
      ...(r.pendingState !== "moderation" && { submittedAt: sql`now()` as never }),
    };
  } else if (r.state === "published" && how === "removed-waiting" && r.pending) {
    const waiting = await tx
      .select({ n: count() })
      .from(listingFiles)
      .where(and(eq(listingFiles.listingId, r.id), isNull(listingFiles.approvedAt)));
    const nothingLeft =
      (waiting[0]?.n ?? 0) === 0 && contentChanges(kindOf(r), publishedContent(r), r.pending).length === 0;
    set = nothingLeft ? { pending: null, pendingState: null, rejectReason: null } : {};
  } else if (r.state === "published" || r.state === "moderation") set = {};
  if (!set) return r;
  const [after] = await tx
    .update(listings)
    .set({ ...set, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
    .where(eq(listings.id, r.id))
    .returning({ state: listings.state, pendingState: listings.pendingState, version: listings.version });
  return after!;
}

/** A member removes a file of the listing (its contents after the commit). */
export async function deleteListingFile(ctx: Ctx, id: string, fileId: string) {
  const gone = await ctx.db.transaction(async (tx) => {
    const r = await ownListing(tx, ctx, id);
    assertOpenForFiles(ctx, r);
    const [link] = await tx
      .select()
      .from(listingFiles)
      .where(and(eq(listingFiles.listingId, id), eq(listingFiles.fileId, fileId)));
    if (!link) throw notFound();
    const file = await forgetFile(tx, fileId);
    const after = await filesChanged(tx, r, link.approvedAt ? "removed" : "removed-waiting");
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing.file_delete",
      entity: "listing",
      entityId: id,
      before: {
        fileId,
        name: file?.originalName,
        approved: link.approvedAt !== null,
        state: r.state,
        pendingState: r.pendingState,
        version: r.version,
      },
      after: { state: after.state, pendingState: after.pendingState, version: after.version },
    });
    return file;
  });
  if (gone) await ctx.storage.delete(gone.storageKey).catch(() => {});
}

/**
 * A file of the listing for a reader who may see it: the listing readable to them (published, or
 * theirs, or an operator's), behind an NDA accepted by an organization of theirs, and the file approved
 * by the operator (a file waiting for moderation: its organization and operators only). Anyone else: 404.
 */
export async function listingFile(ctx: Ctx, id: string, fileId: string): Promise<StoredFile> {
  const [r] = await ctx.db.select().from(listings).where(eq(listings.id, id));
  if (!r) throw notFound();
  const who = await readerOf(ctx.db, ctx, r.organizationId);
  if (!who.full && r.state !== "published") throw notFound();
  if (r.nda && !who.full && !(await acceptedBy(ctx.db, r.id, who.userId))) throw notFound();
  const [link] = await ctx.db
    .select()
    .from(listingFiles)
    .where(and(eq(listingFiles.listingId, id), eq(listingFiles.fileId, fileId)));
  if (link && !link.approvedAt && !who.full) throw notFound();
  const file = link && (await findFile(ctx.db, fileId));
  if (!file) throw notFound();
  return file;
}

/** A member of a verified organization accepts the NDA of a published listing for it (once). */
export async function acceptNda(ctx: Ctx, id: string, organizationId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(listings).where(eq(listings.id, id));
    if (!r) throw notFound();
    const who = await readerOf(tx, ctx, r.organizationId);
    if (!who.full && r.state !== "published") throw notFound();
    if (!r.nda) throw new AppError(409, "listing-no-nda");
    if (r.state !== "published") throw transition(ctx, "listings.transition.nda", r.state);
    if (organizationId === r.organizationId)
      throw badRequest([{ field: "organizationId", key: "field.listing.nda-own" }]);
    const access = await accessOf(tx, actor, organizationId);
    if (!can(actor, "listings.nda.accept", access)) throw refusal(404, organizationId, "listings.nda.accept");
    await assertVerified(tx, organizationId);
    const [accepted] = await tx
      .insert(listingNdaAcceptances)
      .values({
        listingId: id,
        organizationId,
        userId: actor.id,
        textVersion: NDA_VERSION,
        textSha256: NDA_SHA256,
      })
      .onConflictDoNothing()
      .returning();
    if (accepted)
      await writeAudit(tx, auditCtx(ctx), {
        action: "listing.nda_accept",
        entity: "listing",
        entityId: id,
        after: { organizationId, version: NDA_VERSION, sha256: NDA_SHA256 },
      });
    return present(tx, r, await orgName(tx, r.organizationId), who);
  });
}
