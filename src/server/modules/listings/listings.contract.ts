// The listings module's request/response schemas. A listing's `values` are checked against its kind's
// declaration (src/shared/listings.ts `valuesSchema`) by the service, which answers field errors under
// `values.<key>`; the catalog's facet parameters are every kind's filterable fields.
import { z } from "zod";
import {
  ALL_FACET_KEYS,
  LISTING_DECISIONS,
  LISTING_KIND_NAMES,
  LISTING_SORTS,
  LISTING_STATES,
  type ListingKindName,
  PENDING_STATES,
} from "../../../shared/listings.js";
import { OptSafeLongText, OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

export const ListingKind = z.enum(LISTING_KIND_NAMES as [ListingKindName, ...ListingKindName[]]);

/** A field's value: text, number, yes/no, a list of vocabulary values, or a range from–to. */
export const FieldValue = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.array(z.string()),
    z.object({ from: z.number(), to: z.number().nullable() }),
  ])
  .meta({ id: "ListingFieldValue" });
const Values = z.record(z.string(), FieldValue);

// ---------- inputs ----------

const Content = {
  titleRu: SafeText(3, 200),
  titleEn: OptSafeText(200),
  descriptionRu: SafeLongText(5000).pipe(z.string().min(10)),
  descriptionEn: OptSafeLongText(5000),
  /** The kind's fields (checked against the kind's declaration). */
  values: z.record(z.string().max(60), z.unknown()),
};

export const CreateListingBody = z
  .object({ organizationId: z.uuid(), kind: ListingKind, ...Content })
  .strict();
export const UpdateListingBody = z.object({ ...Content, version: Version }).strict();
export const VersionBody = z.object({ version: Version }).strict();

export const DecisionBody = z
  .object({
    decision: z.enum(LISTING_DECISIONS),
    /** Required to reject: what the author should fix. */
    reason: OptSafeLongText(2000),
    version: Version,
  })
  .strict();
export const BulkDecisionBody = z
  .object({
    decision: z.enum(LISTING_DECISIONS),
    reason: OptSafeLongText(2000),
    items: z
      .array(z.object({ id: z.uuid(), version: Version }).strict())
      .min(1)
      .max(100),
  })
  .strict();

const csv = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(60)).max(30));

export const ListingsQuery = z
  .object({
    kind: ListingKind,
    q: z.string().trim().max(200).optional(),
    ...Object.fromEntries(ALL_FACET_KEYS.map((k) => [k, csv.optional()])),
    /** Relevance: the best matches of a text first (newest first without a text). */
    sort: z.enum(LISTING_SORTS).default("relevance"),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const QueueQuery = z.object({ page: Page, pageSize: PageSize }).strict();

/** Accepting the NDA of a listing for an organization one is a member of. */
export const NdaBody = z.object({ organizationId: z.uuid() }).strict();
export const ListingFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

export const ListingContent = z
  .object({
    titleRu: z.string(),
    titleEn: z.string().nullable(),
    descriptionRu: z.string(),
    descriptionEn: z.string().nullable(),
    values: Values,
  })
  .meta({ id: "ListingContent" });

/** A file of a listing (an order's drawing, a photo): downloaded at /api/listings/{id}/files/{fileId}. */
export const ListingFile = z
  .object({
    id: z.uuid(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    /**
     * Waiting for the operator: added to the listing and not yet approved with it or its change (only the
     * listing's organization and operators see such a file; others are never sent one).
     */
    pending: z.boolean(),
  })
  .meta({ id: "ListingFile" });

/** A listing behind an NDA, as the reader stands to it. */
export const ListingNda = z
  .object({
    /**
     * The details (descriptions, files, the fields behind the NDA) are hidden from this reader: no
     * organization of theirs accepted the NDA (the listing's organization and operators see them always).
     */
    hidden: z.boolean(),
    /** The edition of the NDA text an acceptance now takes. */
    version: z.string(),
    /** Acceptances: every one for the listing's organization and operators, the reader's own for others. */
    acceptances: z.array(z.object({ organization: OrgRef, acceptedAt: iso, version: z.string() })),
  })
  .meta({ id: "ListingNda" });

/** A listing as its page shows it: public values only, unless the reader is its organization or an operator. */
export const Listing = ListingContent.extend({
  id: z.uuid(),
  kind: ListingKind,
  state: z.enum(LISTING_STATES),
  organization: OrgRef,
  publishedAt: iso.nullable(),
  submittedAt: iso.nullable(),
  /** The operator's reason, when the listing or its change was rejected (author and operators only). */
  rejectReason: z.string().nullable(),
  /** A change of the published listing waiting for moderation or rejected (author and operators only). */
  pending: ListingContent.extend({ state: z.enum(PENDING_STATES) }).nullable(),
  /** A published listing is valid until then; the author may prolong it (author and operators only). */
  expiresAt: iso.nullable(),
  /** How many readers viewed its page (its organization's members only; null for anyone else). */
  views: z.number().int().nullable(),
  /**
   * How many organizations were told of it as matching their own listings (an order, a technology
   * request; its organization's members only; null for anyone else and other kinds).
   */
  matched: z.number().int().nullable(),
  /** Its files, oldest first (none while the details are behind an NDA the reader has not accepted). */
  files: z.array(ListingFile),
  /** Null unless the listing asks for an NDA. */
  nda: ListingNda.nullable(),
  version: z.number().int(),
  /** The reader may edit, submit and close it (a member of its organization). */
  mine: z.boolean(),
}).meta({ id: "Listing" });

export const ListingCard = z
  .object({
    id: z.uuid(),
    kind: ListingKind,
    titleRu: z.string(),
    titleEn: z.string().nullable(),
    descriptionRu: z.string(),
    descriptionEn: z.string().nullable(),
    organization: OrgRef,
    values: Values,
    publishedAt: iso.nullable(),
  })
  .meta({ id: "ListingCard" });

/** An organization's published listings (its public page). */
export const OrganizationListings = z.object({ items: z.array(ListingCard) });

const Facet = z.object({
  field: z.string(),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export const ListingsPage = z.object({
  items: z.array(ListingCard),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The kind's facets (its filterable fields), each counted under the other filters. */
  facets: z.array(Facet),
});

/** The organization's own listings, every state. */
export const MyListing = z
  .object({
    id: z.uuid(),
    kind: ListingKind,
    titleRu: z.string(),
    titleEn: z.string().nullable(),
    state: z.enum(LISTING_STATES),
    pendingState: z.enum(PENDING_STATES).nullable(),
    rejectReason: z.string().nullable(),
    updatedAt: iso,
    /** A published listing is valid until then. */
    expiresAt: iso.nullable(),
    /** How many readers viewed its page. */
    views: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "MyListing" });
export const MyListings = z.object({ items: z.array(MyListing) });

export const QueueItem = z
  .object({
    id: z.uuid(),
    kind: ListingKind,
    organization: OrgRef,
    /** The content to decide on: the pending change of a published listing, else the listing. */
    content: ListingContent,
    /** A change of a published listing (the published content stays visible meanwhile). */
    isChange: z.boolean(),
    /** Of a change: the content published now, which the change replaces (null for a new listing). */
    published: ListingContent.nullable(),
    /** The listing's files, oldest first; those the decision approves are `pending`. */
    files: z.array(ListingFile),
    submittedAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "ListingQueueItem" });
export const QueuePage = z.object({
  items: z.array(QueueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const BulkDecisionResult = z.object({
  /** Decided as asked. */
  decided: z.array(z.uuid()),
  /** Changed meanwhile (another decision, an edit): left as they are. */
  conflicts: z.array(z.uuid()),
});

/** The operator's setting of a kind: publishing limited to the cluster's participants and partners. */
export const KindSettingBody = z.object({ participantsOnly: z.boolean() }).strict();
export const KindParams = z.object({ kind: ListingKind }).strict();
export const KindSettings = z.object({
  items: z.array(z.object({ kind: ListingKind, participantsOnly: z.boolean() })),
});
