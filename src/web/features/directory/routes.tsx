import { lazy } from "react";
import { Route } from "react-router";

const DirectoryPage = lazy(() => import("./DirectoryPage"));
const OrganizationPublicPage = lazy(() => import("./OrganizationPublicPage"));

// Routes of this feature, mounted by App.tsx inside the layout: the public directory, open to guests.
export const directoryRoutes = (
  <>
    <Route path="directory" element={<DirectoryPage />} />
    <Route path="directory/:id" element={<OrganizationPublicPage />} />
  </>
);
