// Routes of teams (signed in; one chunk): "Мои команды" and a mailed invitation's page.
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const TeamsPage = lazy(() => import("./TeamsPage"));
const TeamInvitationPage = lazy(() => import("./TeamInvitationPage"));

export const teamRoutes = [
  <Route
    key="teams"
    path="teams"
    element={
      <RequireAuth>
        <TeamsPage />
      </RequireAuth>
    }
  />,
  <Route
    key="teams/invitations/:token"
    path="teams/invitations/:token"
    element={
      <RequireAuth>
        <TeamInvitationPage />
      </RequireAuth>
    }
  />,
];
