import type { QueuedJob } from "../../core/jobs.js";
import { defineModule } from "../../core/module.js";
import { listingsSeeder } from "../../seed/listings.js";
import { LISTING_FILE_PURPOSES } from "./listings.details.js";
import { listingDetailsRoutes } from "./listings.details.routes.js";
import { listingExpiryJob } from "./listings.expiry.js";
import { listingFollowRoutes } from "./listings.follow.routes.js";
import { listingMatchesJob } from "./listings.match.js";
import { LISTING_NOTIFICATION_DEFS } from "./listings.notifications.js";
import { listingOperatorRoutes } from "./listings.operator.routes.js";
import { listingsPersonalData } from "./listings.personal.js";
import { LISTING_RULES } from "./listings.policy.js";
import { listingResponseRoutes } from "./listings.responses.routes.js";
import { RESPONSE_SUBJECT } from "./listings.responses.service.js";
import { listingRoutes } from "./listings.routes.js";
import { listingSearchNoticesJob } from "./listings.saved.js";

/**
 * Exchanges: listings of every kind (src/shared/listings.ts), their moderation, the public catalog, and
 * responses to them as state machines (src/shared/listingResponses.ts) with a conversation each.
 */
export const listingsModule = defineModule({
  name: "listings",
  routes: [
    listingRoutes,
    listingDetailsRoutes,
    listingResponseRoutes,
    listingOperatorRoutes,
    listingFollowRoutes,
  ],
  // An order's drawings, photos of capabilities and premises (types detected from the bytes).
  filePurposes: LISTING_FILE_PURPOSES,
  rules: LISTING_RULES,
  abilities: ["operator.listings.queue"],
  notificationKinds: LISTING_NOTIFICATION_DEFS,
  personalData: listingsPersonalData,
  seed: listingsSeeder,
  conversationSubjects: [RESPONSE_SUBJECT],
  // Expired listings closed, and their authors told a week before.
  jobs: [listingExpiryJob],
  // A newly published listing's saved-search notices and an order's or a technology request's matching
  // organizations, sent in the decision's transaction.
  queued: [listingSearchNoticesJob as QueuedJob<never>, listingMatchesJob as QueuedJob<never>],
});
