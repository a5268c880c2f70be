import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { LOG_KEY_PATH, RECEIPT_FORMAT, type Receipt } from "../../../shared/merkle.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, pageOf } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { accessOf, refusal } from "../organizations/access.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import type {
  ConsistencyQuery,
  DepositBody,
  HeadsQuery,
  MineQuery,
  RegisterQuery,
} from "./ipregistry.contract.js";
import {
  appendLeaf,
  consistencyProof,
  inclusionProof,
  latestHead,
  publishTreeHead,
  signingKey,
} from "./ipregistry.log.js";
import { ipDeposits, ipTreeHeads } from "./ipregistry.schema.js";

/*
 * The IP registry (депонирование): a participant's member deposits an object's fingerprint — the file's
 * SHA-256 computed in their browser, the title, the type, the right holder (their organization) and the
 * authors — as a leaf of the append-only log (ipregistry.log.ts), and takes a receipt anyone can check
 * with the log's public key: on the public verify page or with `npx innocluster-verify`.
 */

const {
  search: _search,
  depositorId: _d,
  leafHash: _h,
  createdAt: _c,
  ...DEPOSIT
} = getTableColumns(ipDeposits);

/** Deposits a fingerprint for an organization of the actor's that is an active cluster participant. */
export async function deposit(ctx: Ctx, body: z.infer<typeof DepositBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await accessOf(tx, actor, body.organizationId);
    if (access.role === null) throw refusal(404, body.organizationId, "ipregistry.deposit");
    const [org] = await tx
      .select({
        inn: organizations.inn,
        shortName: organizations.shortName,
        status: organizations.status,
        suspended: organizations.statusSuspendedAt,
      })
      .from(organizations)
      .where(eq(organizations.id, body.organizationId));
    if (!org) throw notFound();
    if (org.status !== "participant" || org.suspended)
      throw new AppError(409, "ipregistry-participants-only");
    const { leafIndex, leafHash, leaf } = await appendLeaf(tx, () => ({
      fileSha256: body.fileSha256,
      title: body.title.normalize("NFC"),
      type: body.type,
      holderInn: org.inn ?? "",
      holderName: org.shortName.normalize("NFC"),
      authors: body.authors.map((a) => a.normalize("NFC")),
      timestamp: now().toISOString(),
    }));
    const [row] = await tx
      .insert(ipDeposits)
      .values({ ...leaf, leafIndex, leafHash, organizationId: body.organizationId, depositorId: actor.id })
      .returning(DEPOSIT);
    await writeAudit(tx, auditCtx(ctx), {
      action: "ipregistry.deposit",
      entity: "ip_deposit",
      entityId: row!.id,
      after: {
        leafIndex,
        organizationId: body.organizationId,
        title: leaf.title,
        fileSha256: leaf.fileSha256,
      },
    });
    return row!;
  });
}

/** The organizations the actor belongs to. */
const myOrganizations = (userId: string) =>
  sql`(select ${memberships.organizationId} from ${memberships} where ${memberships.userId} = ${userId})`;

/** The deposits of the actor's organizations, newest first. */
export async function myDeposits(ctx: Ctx, q: z.infer<typeof MineQuery>) {
  const actor = requireActor(ctx);
  const where = inArray(ipDeposits.organizationId, myOrganizations(actor.id));
  return pageOf(
    ctx.db.select(DEPOSIT).from(ipDeposits).where(where).orderBy(desc(ipDeposits.leafIndex)).$dynamic(),
    countRows(ctx.db, ipDeposits, where),
    q,
  );
}

/**
 * A deposit's receipt, for a member of its organization (404 to anyone else): the leaf, its index, the
 * latest signed tree head — one is signed now if none covers the leaf yet — and the inclusion proof.
 */
export async function receipt(ctx: Ctx, id: string): Promise<Receipt> {
  const actor = requireActor(ctx);
  const [d] = await ctx.db
    .select(DEPOSIT)
    .from(ipDeposits)
    .where(and(eq(ipDeposits.id, id), inArray(ipDeposits.organizationId, myOrganizations(actor.id))));
  if (!d) throw notFound();
  let head = await latestHead(ctx.db);
  if (!head || head.treeSize <= d.leafIndex) head = await publishTreeHead(ctx.db, ctx.config);
  if (!head) throw notFound();
  return {
    format: RECEIPT_FORMAT,
    logKeyUrl: `${ctx.config.publicUrl}${LOG_KEY_PATH}`,
    leaf: {
      fileSha256: d.fileSha256,
      title: d.title,
      type: d.type,
      holderInn: d.holderInn,
      holderName: d.holderName,
      authors: d.authors,
      timestamp: d.timestamp,
    },
    leafIndex: d.leafIndex,
    treeHead: head,
    inclusionProof: await inclusionProof(ctx.db, d.leafIndex, head.treeSize),
  };
}

/** The public register: Russian full text over the title and the holder, newest first. */
export async function register(ex: Executor, q: z.infer<typeof RegisterQuery>) {
  const text = q.q?.trim();
  const where: SQL | undefined = text
    ? sql`(${ipDeposits.search} @@ websearch_to_tsquery('russian', ${text}) or ${ipDeposits.title} ilike ${`%${text.replace(/[\\%_]/g, "\\$&")}%`})`
    : undefined;
  const { id, leafIndex, title, type, holderName, holderInn, timestamp } = DEPOSIT;
  return pageOf(
    ex
      .select({ id, leafIndex, title, type, holderName, holderInn, timestamp })
      .from(ipDeposits)
      .where(where)
      .orderBy(desc(ipDeposits.leafIndex))
      .$dynamic(),
    countRows(ex, ipDeposits, where),
    q,
  );
}

/** The published tree heads, newest first. */
export function treeHeads(ex: Executor, q: z.infer<typeof HeadsQuery>) {
  const { keyId: _k, ...HEAD } = getTableColumns(ipTreeHeads);
  return pageOf(
    ex.select(HEAD).from(ipTreeHeads).orderBy(desc(ipTreeHeads.treeSize)).$dynamic(),
    countRows(ex, ipTreeHeads),
    q,
  );
}

/**
 * The consistency proof between two published tree heads (RFC 9162 §2.1.4): 404 unless both sizes are
 * heads the log signed; 400 when the first is larger.
 */
export async function consistency(ex: Executor, q: z.infer<typeof ConsistencyQuery>) {
  if (q.first > q.second) throw new AppError(400, "ipregistry-sizes-order");
  const found = await ex
    .select({ n: ipTreeHeads.treeSize })
    .from(ipTreeHeads)
    .where(inArray(ipTreeHeads.treeSize, [q.first, q.second]));
  if (found.length !== new Set([q.first, q.second]).size) throw notFound();
  return { first: q.first, second: q.second, proof: await consistencyProof(ex, q.first, q.second) };
}

/** The log's public key (JWK with its key id). */
export async function logKey(ctx: Pick<Ctx, "db" | "config">) {
  return (await signingKey(ctx.db, ctx.config)).jwk;
}

/** Forget a person: their deposits stay (the log is append-only) without naming who deposited. */
export async function forgetDepositor(tx: Executor, userId: string) {
  await tx.update(ipDeposits).set({ depositorId: null }).where(eq(ipDeposits.depositorId, userId));
}
