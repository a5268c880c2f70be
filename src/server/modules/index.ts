import type { ActionsOf } from "../core/module.js";
import { accountsModule } from "./accounts/accounts.module.js";
import { analyticsModule } from "./analytics/analytics.module.js";
import { auditModule } from "./audit/audit.module.js";
import { cabinetModule } from "./cabinet/cabinet.module.js";
import { challengesModule } from "./challenges/challenges.module.js";
import { clustersModule } from "./clusters/clusters.module.js";
import { conversationsModule } from "./conversations/conversations.module.js";
import { devmailModule } from "./devmail/devmail.module.js";
import { directoryModule } from "./directory/directory.module.js";
import { eventsModule } from "./events/events.module.js";
import { grantsModule } from "./grants/grants.module.js";
import { healthModule } from "./health/health.module.js";
import { ipregistryModule } from "./ipregistry/ipregistry.module.js";
import { jobsModule } from "./jobs/jobs.module.js";
import { listingsModule } from "./listings/listings.module.js";
import { measuresModule } from "./measures/measures.module.js";
import { newsModule } from "./news/news.module.js";
import { notificationsModule } from "./notifications/notifications.module.js";
import { numbersModule } from "./numbers/numbers.module.js";
import { organizationsModule } from "./organizations/organizations.module.js";
import { pilotsModule } from "./pilots/pilots.module.js";
import { privacyModule } from "./privacy/privacy.module.js";
import { projectsModule } from "./projects/projects.module.js";
import { reportingModule } from "./reporting/reporting.module.js";
import { statusModule } from "./status/status.module.js";
import { verificationModule } from "./verification/verification.module.js";

/**
 * Every module of the platform, in the order their routes are registered. app.ts installs this list
 * (rules, messages, mail templates, notification kinds) and registers the routes; main.ts runs the jobs.
 */
export const MODULES = [
  healthModule,
  accountsModule,
  auditModule,
  notificationsModule,
  organizationsModule,
  statusModule,
  verificationModule,
  conversationsModule,
  directoryModule,
  measuresModule,
  listingsModule,
  challengesModule,
  pilotsModule,
  projectsModule,
  clustersModule,
  grantsModule,
  eventsModule,
  ipregistryModule,
  numbersModule,
  newsModule,
  reportingModule,
  analyticsModule,
  jobsModule,
  privacyModule,
  cabinetModule,
  devmailModule,
] as const;

/** Every declared policy action: route `config.policy`, `can` and `authorize` accept nothing else. */
export type DeclaredAction = ActionsOf<(typeof MODULES)[number]>;

declare module "../core/policy.js" {
  interface PolicyActions extends Record<DeclaredAction, true> {}
}
