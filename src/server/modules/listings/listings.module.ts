import type { QueuedJob } from "../../core/jobs.js";
import { defineModule } from "../../core/module.js";
import { listingsSeeder } from "../../seed/listings.js";
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
  routes: [listingRoutes, listingResponseRoutes, listingOperatorRoutes, listingFollowRoutes],
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
