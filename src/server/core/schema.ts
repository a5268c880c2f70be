// Every table of the platform, for drizzle (queries) and drizzle-kit (migrations).
export * from "../modules/accounts/accounts.schema.js";
export * from "../modules/measures/measures.schema.js";
export * from "../modules/measures/measures.subscriptions.schema.js";
export * from "../modules/notifications/notifications.schema.js";
export * from "../modules/organizations/organizations.schema.js";
export * from "../modules/organizations/verification.schema.js";
export * from "./audit.schema.js";
export * from "./mail.schema.js";
export * from "./search.schema.js";
