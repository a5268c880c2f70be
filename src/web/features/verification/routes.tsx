// Routes of organization verification and claims; mounted through organizations/routes.tsx.
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const VerificationPage = lazy(() => import("./VerificationPage"));
const ClaimPage = lazy(() => import("./ClaimPage"));
const MyClaimsPage = lazy(() => import("./MyClaimsPage"));
const OperatorVerificationsPage = lazy(() => import("./OperatorVerificationsPage"));

export const verificationRoutes = (
  <>
    <Route
      path="organizations/:id/verification"
      element={
        <RequireAuth>
          <VerificationPage />
        </RequireAuth>
      }
    />
    <Route
      path="organizations/:id/claim"
      element={
        <RequireAuth>
          <ClaimPage />
        </RequireAuth>
      }
    />
    <Route
      path="claims"
      element={
        <RequireAuth>
          <MyClaimsPage />
        </RequireAuth>
      }
    />
    <Route
      path="operator/verifications"
      element={
        <RequireAuth ability="operator.verification.queue">
          <OperatorVerificationsPage />
        </RequireAuth>
      }
    />
  </>
);
