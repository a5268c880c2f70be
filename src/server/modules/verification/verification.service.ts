import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { z } from "zod";
import type { ProblemCode } from "../../../shared/problems.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, isUniqueViolation, pageOf } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { type Actor, can } from "../../core/policy.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { notify } from "../notifications/notifications.service.js";
import { accessOf, assertNotOwnOrganization, loadOrgFor, memberOrgIds } from "../organizations/access.js";
import { membersOf, setActive } from "../organizations/membership.js";
import { endPublicAppearance } from "../organizations/organizations.consents.js";
import {
  activeOrganizations,
  invitations,
  memberships,
  organizations,
} from "../organizations/organizations.schema.js";
import type {
  DocumentFields,
  VerificationDecisionBody,
  VerificationQueueItem,
  VerificationQueueQuery,
  VerificationRequest,
} from "./verification.contract.js";
import { VERIFICATION_NOTIFICATION } from "./verification.notifications.js";
import { verificationRequests } from "./verification.schema.js";

/*
 * Verification of organizations and claims to them (finding "INN squatting").
 *
 * A new organization is not verified. Its owner or an admin uploads an extract from the state register
 * (ЕГРЮЛ / ЕГРИП) or a letter on letterhead signed by the head; an operator verifies or rejects it.
 * Until verified, an organization may not apply for a status and receives no join requests, so whoever
 * registered someone else's INN first learns nobody's name from it.
 *
 * A company that finds its INN taken files a claim with such a document. Its managers do not see the
 * claim. The operator rejects it, transfers the organization to the claimant, merges the claimant's own
 * organization into it, or removes it. Every decision is one conditional UPDATE on (id, state = pending,
 * version): of two concurrent decisions one wins, the other gets 409 with the request as it is now.
 * The change, the audit entry (with the operator's e-mail and IP) and the notifications (with their
 * mail) commit together.
 */

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** What a document may be, by its content (never its name or declared type). */
const DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

type Row = Omit<typeof verificationRequests.$inferSelect, "bytes">;
type RequestView = z.infer<typeof VerificationRequest>;
type QueueItemView = z.infer<typeof VerificationQueueItem>;
export type UploadedDocument = { bytes: Buffer; fileName: string | undefined };

const { bytes: _bytes, ...REQUEST_COLUMNS } = getTableColumns(verificationRequests);

function present(r: Row): RequestView {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    organization: { id: r.organizationId, shortName: r.organizationName, inn: r.organizationInn },
    documentType: r.documentType,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    comment: r.comment,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
    version: r.version,
    documentUrl: `/api/verification-documents/${r.id}`,
  };
}

async function requestById(ex: Executor, id: string): Promise<Row | undefined> {
  const [row] = await ex
    .select(REQUEST_COLUMNS)
    .from(verificationRequests)
    .where(eq(verificationRequests.id, id));
  return row;
}

// ---------- documents ----------

/** The document's type from its bytes (file-type), or a 413 / 415 problem. */
export async function checkDocument(doc: UploadedDocument) {
  if (doc.bytes.length > DOCUMENT_MAX_BYTES) throw new AppError(413, "document-too-large");
  const detected = doc.bytes.length ? await fileTypeFromBuffer(doc.bytes) : undefined;
  const ext = detected ? DOCUMENT_TYPES[detected.mime] : undefined;
  if (!detected || !ext) throw new AppError(415, "document-type");
  return { contentType: detected.mime, fileName: cleanFileName(doc.fileName, ext) };
}

/** The name as the user's computer knew it, without a path or control characters, with the right extension. */
function cleanFileName(name: string | undefined, ext: string) {
  const base = (name ?? "")
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, "") || "document";
  return `${stem}.${ext}`;
}

/**
 * The document of a request: an organization's verification document to its owner and admins, a claim's
 * document to the claimant, and both to operators; to anyone else it does not exist (404).
 */
export async function getDocument(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  // Who may see it first; the file (up to 10 MB) is read only for them.
  const [row] = await ctx.db
    .select({
      kind: verificationRequests.kind,
      submittedBy: verificationRequests.submittedBy,
      organizationId: verificationRequests.organizationId,
    })
    .from(verificationRequests)
    .where(eq(verificationRequests.id, id));
  if (!row) throw notFound();
  let allowed = can(actor, "operator.verification.queue");
  if (!allowed && row.kind === "claim") allowed = row.submittedBy === actor.id;
  if (!allowed && row.kind === "verification" && row.organizationId) {
    allowed = can(actor, "org.verification.manage", await accessOf(ctx.db, actor, row.organizationId));
  }
  if (!allowed) throw notFound();
  const [file] = await ctx.db
    .select({
      fileName: verificationRequests.fileName,
      contentType: verificationRequests.contentType,
      bytes: verificationRequests.bytes,
    })
    .from(verificationRequests)
    .where(eq(verificationRequests.id, id));
  if (!file) throw notFound();
  const raw = file.bytes as Uint8Array;
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return { fileName: file.fileName, contentType: file.contentType, bytes };
}

/** `Content-Disposition: attachment` with an ASCII fallback and the RFC 5987 UTF-8 name (Cyrillic names). */
export function attachmentHeader(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---------- the organization's side ----------

/** GET /organizations/:id/verification — the organization's managers and operators. */
export async function getVerification(ctx: Ctx, organizationId: string) {
  const { org } = await loadOrgFor(ctx.db, ctx.actor, organizationId, "org.verification.read");
  const rows = await ctx.db
    .select(REQUEST_COLUMNS)
    .from(verificationRequests)
    .where(
      and(
        eq(verificationRequests.organizationId, organizationId),
        eq(verificationRequests.kind, "verification"),
      ),
    )
    .orderBy(desc(verificationRequests.submittedAt), desc(verificationRequests.id))
    .limit(50);
  return {
    verified: org.verifiedAt !== null,
    verifiedAt: org.verifiedAt?.toISOString() ?? null,
    requests: rows.map(present),
  };
}

type Fields = z.infer<typeof DocumentFields>;

type Kind = "verification" | "claim";
const OPEN_KEY: Record<Kind, { index: string; code: ProblemCode }> = {
  verification: { index: "verification_requests_open_key", code: "verification-pending" },
  claim: { index: "verification_claims_open_key", code: "claim-pending" },
};

/**
 * Files a request of either kind in one transaction: `check` loads the organization under the rules of
 * the kind; the request with its document and the audit entry commit together.
 */
async function fileRequest(
  ctx: Ctx,
  kind: Kind,
  organizationId: string,
  fields: Fields,
  doc: UploadedDocument,
  check: (tx: Executor, actor: NonNullable<Actor>) => Promise<{ shortName: string; inn: string | null }>,
) {
  const actor = requireActor(ctx);
  const file = await checkDocument(doc);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const org = await check(tx, actor);
      const [row] = await tx
        .insert(verificationRequests)
        .values({
          kind,
          organizationId,
          organizationName: org.shortName,
          organizationInn: org.inn,
          documentType: fields.documentType,
          ...file,
          size: doc.bytes.length,
          bytes: doc.bytes,
          comment: fields.comment ?? null,
          submittedBy: actor.id,
        })
        .returning(REQUEST_COLUMNS);
      await writeAudit(tx, auditCtx(ctx), {
        action: `organization.${kind}.submit`,
        entity: "verification_request",
        entityId: row!.id,
        after: {
          organizationId,
          documentType: row!.documentType,
          ...file,
          size: row!.size,
          comment: row!.comment,
        },
      });
      return row!;
    });
    return present(row);
  } catch (err) {
    if (isUniqueViolation(err, OPEN_KEY[kind].index)) throw new AppError(409, OPEN_KEY[kind].code);
    throw err;
  }
}

/** The owner or an admin sends a document for verification. */
export const submitVerification = (ctx: Ctx, organizationId: string, fields: Fields, doc: UploadedDocument) =>
  fileRequest(ctx, "verification", organizationId, fields, doc, async (tx, actor) => {
    const { org } = await loadOrgFor(tx, actor, organizationId, "org.verification.manage", {
      forUpdate: true,
    });
    if (org.verifiedAt) throw new AppError(409, "already-verified");
    return org;
  });

/**
 * Someone whose company's INN is taken claims the organization with a document. Its members are not
 * told (they learn the claimant's name only if the operator transfers the organization).
 */
export const submitClaim = (ctx: Ctx, organizationId: string, fields: Fields, doc: UploadedDocument) =>
  fileRequest(ctx, "claim", organizationId, fields, doc, async (tx, actor) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
    if (!org) throw notFound();
    if ((await accessOf(tx, actor, organizationId)).role) throw new AppError(409, "claim-own-organization");
    return org;
  });

/** One's own claims, newest first. */
export async function myClaims(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select(REQUEST_COLUMNS)
    .from(verificationRequests)
    .where(and(eq(verificationRequests.submittedBy, actor.id), eq(verificationRequests.kind, "claim")))
    .orderBy(desc(verificationRequests.submittedAt))
    .limit(100);
  return rows.map(present);
}

// ---------- the operator's side ----------

async function queueItems(ex: Executor, actor: NonNullable<Actor>, rows: Row[]): Promise<QueueItemView[]> {
  const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((x): x is string => x !== null))];
  const claimants = [...new Set(rows.filter((r) => r.kind === "claim").map((r) => r.submittedBy))];
  const [people, orgs, counts, mine, owned] = await Promise.all([
    usersByIds(ex, [...new Set(rows.flatMap((r) => [r.submittedBy, r.decidedBy ?? r.submittedBy]))]),
    orgIds.length
      ? ex
          .select({
            id: organizations.id,
            verifiedAt: organizations.verifiedAt,
            status: organizations.status,
            type: organizations.type,
          })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
      : [],
    orgIds.length
      ? ex
          .select({ id: memberships.organizationId, n: count() })
          .from(memberships)
          .where(inArray(memberships.organizationId, orgIds))
          .groupBy(memberships.organizationId)
      : [],
    memberOrgIds(ex, actor.id, orgIds),
    claimants.length
      ? ex
          .select({
            userId: memberships.userId,
            id: organizations.id,
            shortName: organizations.shortName,
            inn: organizations.inn,
          })
          .from(memberships)
          .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
          .where(and(inArray(memberships.userId, claimants), eq(memberships.role, "owner")))
      : [],
  ]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => {
    const who = people.get(r.submittedBy);
    const decider = r.decidedBy ? people.get(r.decidedBy) : undefined;
    const o = r.organizationId ? orgOf.get(r.organizationId) : undefined;
    return {
      ...present(r),
      submitter: who ? { id: who.id, fullName: who.fullName, email: who.email } : null,
      decidedBy: decider ? { id: decider.id, fullName: decider.fullName } : null,
      current: o
        ? { verified: o.verifiedAt !== null, status: o.status, type: o.type, members: countOf.get(o.id) ?? 0 }
        : null,
      mine: r.submittedBy === actor.id || (r.organizationId !== null && mine.has(r.organizationId)),
      claimantOrganizations:
        r.kind === "claim"
          ? owned
              .filter((x) => x.userId === r.submittedBy && x.id !== r.organizationId)
              .map(({ id, shortName, inn }) => ({ id, shortName, inn }))
          : [],
      outcome: (r.outcome as Record<string, unknown> | null) ?? null,
    };
  });
}

/** The operator's queue of verifications and claims: oldest first. */
export async function queue(ctx: Ctx, q: z.infer<typeof VerificationQueueQuery>) {
  const actor = requireActor(ctx);
  const where = and(
    eq(verificationRequests.state, q.state),
    q.kind ? eq(verificationRequests.kind, q.kind) : undefined,
  );
  const { items: rows, total } = await pageOf(
    ctx.db
      .select(REQUEST_COLUMNS)
      .from(verificationRequests)
      .where(where)
      .orderBy(asc(verificationRequests.submittedAt), asc(verificationRequests.id))
      .$dynamic(),
    countRows(ctx.db, verificationRequests, where),
    q,
  );
  return {
    items: await queueItems(ctx.db, actor, rows),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function queueItem(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const row = await requestById(ctx.db, id);
  if (!row) throw notFound();
  return (await queueItems(ctx.db, actor, [row]))[0]!;
}

type Decision = z.infer<typeof VerificationDecisionBody>;
const DECISIONS = {
  verification: { verify: "verified", reject: "rejected" },
  claim: { transfer: "transferred", merge: "merged", remove: "removed", reject: "rejected" },
} as const;

/** Open verification requests of an organization that a claim decision makes moot. */
async function closeOpenVerifications(ex: Executor, organizationId: string, actorId: string, reason: string) {
  await ex
    .update(verificationRequests)
    .set({
      state: "rejected",
      reason,
      decidedBy: actorId,
      decidedAt: sql`now()`,
      version: sql`${verificationRequests.version} + 1`,
    })
    .where(
      and(
        eq(verificationRequests.organizationId, organizationId),
        eq(verificationRequests.kind, "verification"),
        eq(verificationRequests.state, "pending"),
      ),
    );
}

/**
 * The claimant becomes the owner. The present members are kept as plain members or removed (the
 * operator's choice); removed members lose it as their active organization; unused invitations of
 * the previous managers are revoked. The organization is verified by the claim's document.
 */
async function transferTo(ex: Executor, organizationId: string, claimantId: string, keepMembers: boolean) {
  const before = await membersOf(ex, organizationId);
  if (keepMembers) {
    await ex
      .update(memberships)
      .set({ role: "member" })
      .where(eq(memberships.organizationId, organizationId));
  } else {
    // Removed members take their public profile and contacts with them, as when they leave.
    for (const m of before) await endPublicAppearance(ex, organizationId, m.userId);
    await ex.delete(memberships).where(eq(memberships.organizationId, organizationId));
    await ex.delete(activeOrganizations).where(eq(activeOrganizations.organizationId, organizationId));
  }
  await ex
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
      ),
    );
  await ex
    .insert(memberships)
    .values({ organizationId, userId: claimantId, role: "owner" })
    .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { role: "owner" } });
  await setActive(ex, claimantId, organizationId);
  return before;
}

/**
 * Merge: the claimant's own organization `fromId` is folded into the claimed one. What moves: its
 * members (its owner becomes an admin; someone already a member keeps their place) and its pending join
 * requests; users acting for it now act for the kept one. Everything else of it — profile, logo, status
 * applications and history, documents — is deleted with it.
 */
async function mergeInto(ex: Executor, fromId: string, intoId: string) {
  const moved = await membersOf(ex, fromId);
  await ex.execute(sql`
    insert into memberships (organization_id, user_id, role, position)
    select ${intoId}, user_id, case when role = 'owner' then 'admin'::member_role else role end, position
    from memberships where organization_id = ${fromId}
    on conflict do nothing`);
  await ex.execute(sql`
    update join_requests set organization_id = ${intoId}
    where organization_id = ${fromId} and state = 'pending'
      and user_id not in (select user_id from memberships where organization_id = ${intoId})
      and user_id not in (select user_id from join_requests where organization_id = ${intoId} and state = 'pending')`);
  await ex
    .update(activeOrganizations)
    .set({ organizationId: intoId })
    .where(eq(activeOrganizations.organizationId, fromId));
  await ex.delete(organizations).where(eq(organizations.id, fromId));
  return moved;
}

function changed(ctx: Ctx, current: QueueItemView) {
  const state = t(ctx.locale, `verification.state.${current.state}`);
  return new AppError(409, "verification-changed", {}, [], {
    detail: current.decidedBy
      ? t(ctx.locale, "verification.changed.decided", { state, name: current.decidedBy.fullName })
      : t(ctx.locale, "verification.changed.state", { state }),
    current,
  });
}

/**
 * The operator decides a verification (verify / reject) or a claim (transfer / merge / remove / reject).
 * An operator who belongs to the organization concerned (or to the one merged in), or who filed the
 * request, gets 403 "own-organization".
 */
export async function decide(ctx: Ctx, id: string, body: Decision) {
  const actor = requireActor(ctx);
  const mails = await ctx.db.transaction(async (tx) => {
    const before = await requestById(tx, id);
    if (!before) throw notFound();
    const states: Record<string, string> = DECISIONS[before.kind];
    const state = states[body.decision];
    if (!state) throw badRequest([{ field: "decision", key: `field.verification.decision-${before.kind}` }]);
    if ((body.decision === "reject" || body.decision === "remove") && !body.reason)
      throw badRequest([{ field: "reason", key: "field.verification.reason" }]);
    if (body.decision === "merge" && !body.mergeFrom)
      throw badRequest([{ field: "mergeFrom", key: "field.verification.merge-from" }]);
    if (before.submittedBy === actor.id) throw new AppError(403, "own-organization");
    await assertNotOwnOrganization(
      tx,
      actor,
      [before.organizationId, body.decision === "merge" ? body.mergeFrom : null].filter(
        (x): x is string => !!x,
      ),
    );
    const [after] = await tx
      .update(verificationRequests)
      .set({
        state: state as Row["state"],
        reason: body.reason ?? null,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        version: sql`${verificationRequests.version} + 1`,
      })
      .where(
        and(
          eq(verificationRequests.id, id),
          eq(verificationRequests.state, "pending"),
          eq(verificationRequests.version, body.version),
        ),
      )
      .returning(REQUEST_COLUMNS);
    if (!after) throw changed(ctx, (await queueItems(tx, actor, [(await requestById(tx, id))!]))[0]!);

    const orgId = before.organizationId;
    const [org] = orgId
      ? await tx.select().from(organizations).where(eq(organizations.id, orgId)).for("update")
      : [];
    if (!org && body.decision !== "reject") throw new AppError(409, "verification-organization-gone");
    const base = { org: before.organizationName, reason: body.reason ?? null };
    const claimant = before.submittedBy;
    const link = (o: string | null) => (o ? `/organizations/${o}/verification` : "/claims");
    let mails = 0;
    let outcome: Record<string, unknown> = {};
    const tell = async (userIds: string[], event: string, toOrg: string | null, extra = {}) => {
      mails += await notify(tx, ctx.config.publicUrl, {
        userIds,
        kind: VERIFICATION_NOTIFICATION,
        data: { ...base, event, ...extra },
        link: link(toOrg),
      });
    };
    const superseded = t("ru", "verification.superseded");

    if (body.decision === "verify") {
      await tx.update(organizations).set({ verifiedAt: sql`now()` }).where(eq(organizations.id, org!.id));
      await tell(
        (await membersOf(tx, org!.id)).map((m) => m.userId),
        "verified",
        org!.id,
      );
    } else if (body.decision === "reject" && before.kind === "verification") {
      if (orgId)
        await tell(
          (await membersOf(tx, orgId)).map((m) => m.userId),
          "rejected",
          orgId,
        );
    } else if (body.decision === "reject") {
      await tell([claimant], "claim-rejected", null);
    } else if (body.decision === "transfer" || body.decision === "merge") {
      let merged: { id: string; shortName: string; members: { userId: string; role: string }[] } | null =
        null;
      if (body.decision === "merge") {
        const [from] = await tx
          .select()
          .from(organizations)
          .where(eq(organizations.id, body.mergeFrom!))
          .for("update");
        const owner = from ? await accessOf(tx, { ...actor, id: claimant }, from.id) : { role: null };
        if (!from || from.id === org!.id || owner.role !== "owner")
          throw badRequest([{ field: "mergeFrom", key: "field.verification.merge-from" }]);
        await closeOpenVerifications(tx, from.id, actor.id, superseded);
        merged = { id: from.id, shortName: from.shortName, members: await membersOf(tx, from.id) };
      }
      const previous = await transferTo(tx, org!.id, claimant, body.keepMembers);
      if (merged) {
        await mergeInto(tx, merged.id, org!.id);
        await tell(
          merged.members.map((m) => m.userId).filter((u) => u !== claimant),
          "merged",
          org!.id,
          { from: merged.shortName },
        );
      }
      await closeOpenVerifications(tx, org!.id, actor.id, superseded);
      await tx.update(organizations).set({ verifiedAt: sql`now()` }).where(eq(organizations.id, org!.id));
      await tell(
        previous.map((m) => m.userId),
        body.keepMembers ? "transferred-kept" : "transferred-removed",
        body.keepMembers ? org!.id : null,
      );
      await tell([claimant], "claim-transferred", org!.id);
      outcome = {
        keepMembers: body.keepMembers,
        previousMembers: previous,
        ...(merged
          ? { mergedFrom: { id: merged.id, shortName: merged.shortName, members: merged.members } }
          : {}),
      };
    } else {
      // remove
      const members = await membersOf(tx, org!.id);
      await tell(
        members.map((m) => m.userId),
        "removed",
        null,
      );
      await tell([claimant], "claim-removed", null);
      outcome = {
        removed: { id: org!.id, inn: org!.inn, shortName: org!.shortName, status: org!.status, members },
      };
      await closeOpenVerifications(tx, org!.id, actor.id, superseded);
      await tx.delete(organizations).where(eq(organizations.id, org!.id));
    }
    if (Object.keys(outcome).length) {
      await tx.update(verificationRequests).set({ outcome }).where(eq(verificationRequests.id, id));
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: `${before.kind === "claim" ? "organization.claim" : "organization.verification"}.${body.decision}`,
      entity: "verification_request",
      entityId: id,
      before: { state: before.state, version: before.version, organizationId: orgId },
      after: {
        state: after.state,
        version: after.version,
        reason: after.reason,
        operatorEmail: actor.email,
        organizationId: orgId,
        ...outcome,
      },
    });
    return mails;
  });
  if (mails > 0) ctx.mailQueued();
  return queueItem(ctx, id);
}

/** Checks the right to manage the organization before an upload is read (404 / 403). */
export async function assertCanManage(ctx: Ctx, organizationId: string) {
  await loadOrgFor(ctx.db, requireActor(ctx), organizationId, "org.verification.manage");
}
