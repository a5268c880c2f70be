// Routes of the organizations and operator features, mounted by App.tsx inside the layout.
import { lazy } from "react";
import { Navigate, Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";
import { operatorRoutes } from "../operator/routes";
import { verificationRoutes } from "../verification/routes";

const MyOrganizationsPage = lazy(() => import("./MyOrganizationsPage"));
const NewOrganizationPage = lazy(() => import("./NewOrganizationPage"));
const OrganizationPage = lazy(() => import("./OrganizationPage"));
const MembersPage = lazy(() => import("./MembersPage"));
const StatusPage = lazy(() => import("./StatusPage"));
const InvitationPage = lazy(() => import("./InvitationPage"));

export const organizationRoutes = (
  <>
    <Route
      path="organizations"
      element={
        <RequireAuth>
          <MyOrganizationsPage />
        </RequireAuth>
      }
    />
    <Route
      path="organizations/new"
      element={
        <RequireAuth>
          <NewOrganizationPage />
        </RequireAuth>
      }
    />
    <Route
      path="organizations/:id"
      element={
        <RequireAuth>
          <OrganizationPage />
        </RequireAuth>
      }
    />
    <Route
      path="organizations/:id/members"
      element={
        <RequireAuth>
          <MembersPage />
        </RequireAuth>
      }
    />
    <Route
      path="organizations/:id/status"
      element={
        <RequireAuth>
          <StatusPage />
        </RequireAuth>
      }
    />
    {/* public: a signed-out visitor sees the invitation and is offered to sign in */}
    <Route path="invitations/:token" element={<InvitationPage />} />
    {/* the server's notification about a decided request to join links here */}
    <Route path="me/join-requests" element={<Navigate to="/organizations" replace />} />
    {operatorRoutes}
    {verificationRoutes}
  </>
);
