import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { type LazyRoute, lazyRoutes } from "./components/lazyRoutes";
import { cabinetRoutes } from "./features/cabinet/routes";
import { challengeRoutes } from "./features/challenges/routes";
import { clusterRoutes } from "./features/clusters/routes";
import { conversationRoutes } from "./features/conversations/routes";
import { directoryRoutes } from "./features/directory/routes";
import { listingRoutes } from "./features/listings/routes";
import { measureRoutes } from "./features/measures/routes";
import { notificationRoutes } from "./features/notifications/routes";
import { organizationRoutes } from "./features/organizations/routes";
import { pilotRoutes } from "./features/pilots/routes";
import { projectRoutes } from "./features/projects/routes";
import { teamRoutes } from "./features/teams/routes";

// Every page is a lazy chunk (here or in its feature's routes.tsx): the entry holds only the shell, so
// a page's first screen loads the code of that page alone (the build's bundle budget checks it).
const HomePage = lazy(() => import("./features/home/HomePage"));
// the 404 page, and the routes of the sections the entry does not name (MoreRoutes.tsx)
const MoreRoutes = lazy(() => import("./MoreRoutes"));

// The shell's pages, as a table (components/lazyRoutes.tsx): a <Route> each is more code in the entry.
const SHELL: LazyRoute[] = [
  ["signup", () => import("./features/auth/SignUpPage"), "default"],
  ["signin", () => import("./features/auth/SignInPage"), "default"],
  ["confirm", () => import("./features/auth/ConfirmPage"), "default"],
  ["reset", () => import("./features/auth/ResetPage"), "default"],
  ["privacy", () => import("./features/legal/PrivacyPage"), "default"],
  ["numbers", () => import("./features/numbers/NumbersPage"), "default"],
  ["account", () => import("./features/account/AccountPage"), "default", true],
  ["admin/users", () => import("./features/admin/UsersPage"), "default", { ability: "admin.users.list" }],
  ["admin/jobs", () => import("./features/admin/JobsPage"), "default", { ability: "admin.jobs" }],
  [
    "operator/erasures",
    () => import("./features/privacy/ErasuresPage"),
    "default",
    { ability: "operator.erasures" },
  ],
  ["audit", () => import("./features/audit/AuditPage"), "default", { ability: "audit.read" }],
  ["dev/mail", () => import("./features/devmail/DevMailPage"), "default", { ability: "dev.mail.read" }],
  [
    "dev/mail/:id",
    () => import("./features/devmail/DevMailMessagePage"),
    "default",
    { ability: "dev.mail.read" },
  ],
];
const shellRoutes = lazyRoutes(SHELL);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        {shellRoutes}
        {cabinetRoutes}
        {organizationRoutes}
        {measureRoutes}
        {directoryRoutes}
        {listingRoutes}
        {challengeRoutes}
        {pilotRoutes}
        {projectRoutes}
        {clusterRoutes}
        {teamRoutes}
        {notificationRoutes}
        {conversationRoutes}
        <Route path="*" element={<MoreRoutes />} />
      </Route>
    </Routes>
  );
}
