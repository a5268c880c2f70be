import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { RequireAuth } from "./components/RequireAuth";
import { cabinetRoutes } from "./features/cabinet/routes";
import { challengeRoutes } from "./features/challenges/routes";
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
const SignUpPage = lazy(() => import("./features/auth/SignUpPage"));
const SignInPage = lazy(() => import("./features/auth/SignInPage"));
const ConfirmPage = lazy(() => import("./features/auth/ConfirmPage"));
const ResetPage = lazy(() => import("./features/auth/ResetPage"));
const AccountPage = lazy(() => import("./features/account/AccountPage"));
const UsersPage = lazy(() => import("./features/admin/UsersPage"));
const JobsPage = lazy(() => import("./features/admin/JobsPage"));
const AuditPage = lazy(() => import("./features/audit/AuditPage"));
const DevMailPage = lazy(() => import("./features/devmail/DevMailPage"));
const DevMailMessagePage = lazy(() => import("./features/devmail/DevMailMessagePage"));
const PrivacyPage = lazy(() => import("./features/legal/PrivacyPage"));
const ErasuresPage = lazy(() => import("./features/privacy/ErasuresPage"));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="confirm" element={<ConfirmPage />} />
        <Route path="reset" element={<ResetPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireAuth ability="admin.users.list">
              <UsersPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/jobs"
          element={
            <RequireAuth ability="admin.jobs">
              <JobsPage />
            </RequireAuth>
          }
        />
        <Route
          path="operator/erasures"
          element={
            <RequireAuth ability="operator.erasures">
              <ErasuresPage />
            </RequireAuth>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAuth ability="audit.read">
              <AuditPage />
            </RequireAuth>
          }
        />
        <Route
          path="dev/mail"
          element={
            <RequireAuth ability="dev.mail.read">
              <DevMailPage />
            </RequireAuth>
          }
        />
        <Route
          path="dev/mail/:id"
          element={
            <RequireAuth ability="dev.mail.read">
              <DevMailMessagePage />
            </RequireAuth>
          }
        />
        {cabinetRoutes}
        {organizationRoutes}
        {measureRoutes}
        {directoryRoutes}
        {listingRoutes}
        {challengeRoutes}
        {pilotRoutes}
        {projectRoutes}
        {teamRoutes}
        {notificationRoutes}
        {conversationRoutes}
        <Route path="*" element={<MoreRoutes />} />
      </Route>
    </Routes>
  );
}
