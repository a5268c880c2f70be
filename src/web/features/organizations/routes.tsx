// Routes of the organizations and operator features, mounted by App.tsx inside the layout.
import { lazy } from "react";
import { Navigate, Route } from "react-router";
import { type LazyRoute, lazyRoutes } from "../../components/lazyRoutes";
import { operatorRoutes } from "../operator/routes";
import { verificationRoutes } from "../verification/routes";

const InvitationPage = lazy(() => import("./InvitationPage"));

// The signed-in pages as a table (components/lazyRoutes.tsx): less code in the entry than a <Route> each.
const ROUTES: LazyRoute[] = [
  ["organizations", () => import("./MyOrganizationsPage"), "default", true],
  ["organizations/new", () => import("./NewOrganizationPage"), "default", true],
  ["organizations/:id", () => import("./OrganizationPage"), "default", true],
  ["organizations/:id/members", () => import("./MembersPage"), "default", true],
  ["organizations/:id/status", () => import("./StatusPage"), "default", true],
];

export const organizationRoutes = (
  <>
    {lazyRoutes(ROUTES)}
    {/* public: a signed-out visitor sees the invitation and is offered to sign in */}
    <Route path="invitations/:token" element={<InvitationPage />} />
    {/* the server's notification about a decided request to join links here */}
    <Route path="me/join-requests" element={<Navigate to="/organizations" replace />} />
    {operatorRoutes}
    {verificationRoutes}
  </>
);
