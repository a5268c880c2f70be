import multipart from "@fastify/multipart";
import { isPicture, LISTING_KINDS } from "../../../shared/listings.js";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import { Listing, ListingFile, ListingFileParams, NdaBody } from "./listings.contract.js";
import * as svc from "./listings.details.service.js";

/** Signed in at the route; the membership (of the listing's organization, or the accepting one) per record. */
const action = "listings.access";
/** The largest file any kind takes. */
const MAX_BYTES = Math.max(...Object.values(LISTING_KINDS).map((k) => k.files?.maxBytes ?? 0));

export const listingDetailsRoutes = routes(["listings"], async (r) => {
  auditRefusals(r.app);
  // Files stream to storage, which stops them at their kind's limit (a field error, like a wrong type).
  await r.app.register(multipart, { limits: { fileSize: MAX_BYTES + 1, files: 1, fields: 2, parts: 3 } });

  r.post("/listings/:id/files", {
    action,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary:
      "Upload a file to a listing (its organization's members): multipart field `file`; an order takes PDF, STEP, DWG, DXF, PNG, JPEG or WebP up to 20 MB, capabilities and premises photos (JPEG, PNG, WebP up to 10 MB); at most 10",
    params: IdParams,
    response: ListingFile,
    status: 201,
    // Who is no member, a kind without files, a closed listing or a full one: refused before the upload is read.
    handler: uploadHandler("field.listing.file", svc.assertCanUpload, svc.uploadListingFile),
  });

  r.delete("/listings/:id/files/:fileId", {
    action,
    summary: "Remove a file of a listing (its organization's members)",
    params: ListingFileParams,
    status: 204,
    handler: (ctx, { params }) => svc.deleteListingFile(ctx, params.id, params.fileId),
  });

  r.get("/listings/:id/files/:fileId", {
    action: "public",
    summary:
      "Download a listing's file: whoever may read the listing; behind an NDA only organizations that accepted it; a file waiting for moderation only its organization and operators (others: 404). Photos (PNG, JPEG, WebP) are sent inline",
    params: ListingFileParams,
    handler: async (ctx, req, reply) => {
      const file = await svc.listingFile(ctx, req.params.id, req.params.fileId);
      // A photo opens in the browser (its link on the page is the full picture); other files download.
      return sendFile(req, reply, ctx.storage, file, { inline: isPicture(file.contentType) });
    },
  });

  r.post("/listings/:id/nda", {
    action,
    summary:
      "Accept the NDA of a published listing for an organization (a member of a verified one): its members then see the details and files",
    params: IdParams,
    body: NdaBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.acceptNda(ctx, params.id, body.organizationId),
  });
});
