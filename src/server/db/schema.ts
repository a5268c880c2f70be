// Every table of the platform, for drizzle-kit (migrations: npm run db:generate).

export * from "../core/audit.schema.js";
export * from "../core/files.schema.js";
export * from "../core/mail.schema.js";
export * from "../core/ratelimit.schema.js";
export * from "../core/search.schema.js";
export * from "../modules/accounts/accounts.schema.js";
export * from "../modules/challenges/challenges.qa.schema.js";
export * from "../modules/challenges/challenges.schema.js";
export * from "../modules/challenges/challenges.teams.schema.js";
export * from "../modules/clusters/clusters.schema.js";
export * from "../modules/conversations/conversations.schema.js";
export * from "../modules/grants/grants.schema.js";
export * from "../modules/ipregistry/ipregistry.schema.js";
export * from "../modules/listings/listings.details.schema.js";
export * from "../modules/listings/listings.follow.schema.js";
export * from "../modules/listings/listings.responses.schema.js";
export * from "../modules/listings/listings.schema.js";
export * from "../modules/measures/measures.schema.js";
export * from "../modules/measures/measures.subscriptions.schema.js";
export * from "../modules/notifications/notifications.schema.js";
export * from "../modules/organizations/organizations.schema.js";
export * from "../modules/pilots/pilots.schema.js";
export * from "../modules/privacy/privacy.schema.js";
export * from "../modules/projects/projects.schema.js";
export * from "../modules/reporting/reporting.schema.js";
export * from "../modules/verification/verification.schema.js";
