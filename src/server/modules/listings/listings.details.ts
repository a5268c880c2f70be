import { createHash } from "node:crypto";
import { and, asc, eq, exists, inArray, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { LISTING_FILE_FORMATS, LISTING_KINDS, type ListingKind } from "../../../shared/listings.js";
import { NDA_VERSION, ndaTexts } from "../../../shared/nda.js";
import type { Executor } from "../../core/db.js";
import { DXF_FILE, defineFilePurpose, type FilePurpose, STEP_FILE } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import type { ListingFile, ListingNda } from "./listings.contract.js";
import { listingFiles, listingNdaAcceptances } from "./listings.details.schema.js";

/*
 * A listing's details: its files, and the NDA in front of them. Read here (the listing's page takes
 * them); changed in listings.details.service.ts.
 */

/** The SHA-256 of the binding (Russian) NDA text, stored with each acceptance beside NDA_VERSION. */
export const NDA_SHA256 = createHash("sha256")
  .update(`${ndaTexts.sayIn("ru", "title")}\n${ndaTexts.sayIn("ru", "text")}`)
  .digest("hex");

/** The file purpose of each kind that takes files (`listing-<kind>`): its formats, detected from the bytes. */
const PURPOSES = new Map<string, FilePurpose>(
  Object.values(LISTING_KINDS).flatMap((kind) => {
    if (!kind.files) return [];
    const types: string[] = kind.files.formats.map((f) => LISTING_FILE_FORMATS[f].mime);
    const purpose = defineFilePurpose({
      name: `listing-${kind.kind}`,
      maxBytes: kind.files.maxBytes,
      types,
      maxPixels: 100_000_000,
      signatures: [STEP_FILE, DXF_FILE].filter((s) => types.includes(s.mime)),
    });
    return [[kind.kind, purpose] as const];
  }),
);
/** Every listing file purpose (the module's manifest registers their refusal texts). */
export const LISTING_FILE_PURPOSES = [...PURPOSES.values()];
export const listingFilePurpose = (kind: ListingKind) => PURPOSES.get(kind.kind);

type FileView = z.infer<typeof ListingFile>;

const fileColumns = {
  listingId: listingFiles.listingId,
  id: files.id,
  name: files.originalName,
  size: files.size,
  contentType: files.contentType,
  pending: sql<boolean>`${listingFiles.approvedAt} is null`.mapWith(Boolean),
};

/**
 * Listings' files, oldest first, by listing: with those waiting for the operator when `all` (the
 * listing's organization, operators), else the approved ones only.
 */
export async function filesOfMany(
  ex: Executor,
  listingIds: string[],
  all: boolean,
): Promise<Map<string, FileView[]>> {
  const out = new Map<string, FileView[]>(listingIds.map((id) => [id, []]));
  if (!listingIds.length) return out;
  const found = await ex
    .select(fileColumns)
    .from(listingFiles)
    .innerJoin(files, eq(files.id, listingFiles.fileId))
    .where(
      and(inArray(listingFiles.listingId, listingIds), all ? undefined : isNotNull(listingFiles.approvedAt)),
    )
    .orderBy(asc(listingFiles.createdAt), asc(files.id));
  for (const { listingId, ...f } of found) out.get(listingId)?.push(f);
  return out;
}

/** A listing's files, oldest first (see `filesOfMany`). */
export const filesOf = async (ex: Executor, listingId: string, all: boolean): Promise<FileView[]> =>
  (await filesOfMany(ex, [listingId], all)).get(listingId) ?? [];

/** Whether an organization the user is a member of accepted the listing's NDA. */
export async function acceptedBy(ex: Executor, listingId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await ex
    .select({ id: listingNdaAcceptances.id })
    .from(listingNdaAcceptances)
    .where(
      and(
        eq(listingNdaAcceptances.listingId, listingId),
        exists(
          ex
            .select({ one: memberships.userId })
            .from(memberships)
            .where(
              and(
                eq(memberships.organizationId, listingNdaAcceptances.organizationId),
                eq(memberships.userId, userId),
              ),
            ),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * The NDA as the reader stands to it: `full` readers (the listing's organization, operators) see the
 * details and every acceptance; others see them once an organization of theirs accepted, and only
 * their own organizations' acceptances.
 */
export async function ndaOf(
  ex: Executor,
  listingId: string,
  reader: { full: boolean; userId: string | null },
): Promise<z.infer<typeof ListingNda>> {
  const base = ex
    .select({
      organization: { id: organizations.id, shortName: organizations.shortName },
      acceptedAt: listingNdaAcceptances.acceptedAt,
      version: listingNdaAcceptances.textVersion,
    })
    .from(listingNdaAcceptances)
    .innerJoin(organizations, eq(organizations.id, listingNdaAcceptances.organizationId))
    .$dynamic();
  const rows =
    reader.full || !reader.userId
      ? reader.full
        ? await base
            .where(eq(listingNdaAcceptances.listingId, listingId))
            .orderBy(asc(listingNdaAcceptances.acceptedAt))
        : []
      : await base
          .innerJoin(
            memberships,
            and(
              eq(memberships.organizationId, listingNdaAcceptances.organizationId),
              eq(memberships.userId, reader.userId),
            ),
          )
          .where(eq(listingNdaAcceptances.listingId, listingId))
          .orderBy(asc(listingNdaAcceptances.acceptedAt));
  return {
    hidden: !reader.full && rows.length === 0,
    version: NDA_VERSION,
    acceptances: rows.map((r) => ({ ...r, acceptedAt: r.acceptedAt.toISOString() })),
  };
}
