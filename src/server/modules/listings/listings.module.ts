import { defineModule } from "../../core/module.js";
import { listingsSeeder } from "../../seed/listings.js";
import { LISTING_NOTIFICATION_DEFS } from "./listings.notifications.js";
import { listingOperatorRoutes } from "./listings.operator.routes.js";
import { listingsPersonalData } from "./listings.personal.js";
import { LISTING_RULES } from "./listings.policy.js";
import { listingResponseRoutes } from "./listings.responses.routes.js";
import { RESPONSE_SUBJECT } from "./listings.responses.service.js";
import { listingRoutes } from "./listings.routes.js";

/**
 * Exchanges: listings of every kind (src/shared/listings.ts), their moderation, the public catalog, and
 * responses to them as state machines (src/shared/listingResponses.ts) with a conversation each.
 */
export const listingsModule = defineModule({
  name: "listings",
  routes: [listingRoutes, listingResponseRoutes, listingOperatorRoutes],
  rules: LISTING_RULES,
  abilities: ["operator.listings.queue"],
  notificationKinds: LISTING_NOTIFICATION_DEFS,
  personalData: listingsPersonalData,
  seed: listingsSeeder,
  conversationSubjects: [RESPONSE_SUBJECT],
});
