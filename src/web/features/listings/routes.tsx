// Routes of the exchanges (listings), mounted by App.tsx inside the layout. Their Russian texts come
// with the pages (not in the entry): each page waits for them.
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";
import { addPageTexts } from "../../i18n";

const withTexts = <T,>(load: () => Promise<T>) =>
  Promise.all([load(), addPageTexts("listings")]).then(([m]) => m);

const ExchangesPage = lazy(() => withTexts(() => import("./ExchangesPage")));
const CatalogPage = lazy(() => withTexts(() => import("./CatalogPage")));
const ListingPage = lazy(() => withTexts(() => import("./ListingPage")));
const MyListingsPage = lazy(() => withTexts(() => import("./MyListingsPage")));
const ModerationPage = lazy(() => withTexts(() => import("./ModerationPage")));
const NewListingPage = lazy(() =>
  withTexts(() => import("./ListingFormPage")).then((m) => ({ default: m.NewListingPage })),
);
const EditListingPage = lazy(() =>
  withTexts(() => import("./ListingFormPage")).then((m) => ({ default: m.EditListingPage })),
);

export const listingRoutes = (
  <>
    <Route path="exchanges" element={<ExchangesPage />} />
    <Route path="exchanges/:kind" element={<CatalogPage />} />
    <Route
      path="listings/mine"
      element={
        <RequireAuth>
          <MyListingsPage />
        </RequireAuth>
      }
    />
    <Route
      path="listings/new"
      element={
        <RequireAuth>
          <NewListingPage />
        </RequireAuth>
      }
    />
    <Route path="listings/:id" element={<ListingPage />} />
    <Route
      path="listings/:id/edit"
      element={
        <RequireAuth>
          <EditListingPage />
        </RequireAuth>
      }
    />
    <Route
      path="operator/listings"
      element={
        <RequireAuth ability="operator.listings.queue">
          <ModerationPage />
        </RequireAuth>
      }
    />
  </>
);
