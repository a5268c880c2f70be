// Routes of the exchanges (listings), mounted by App.tsx inside the layout. Their Russian texts come
// with the pages (not in the entry): each page waits for them. Every `import()` here costs the entry
// its chunk's list of dependencies, so the pages come in three chunks: the public ones (pages.public),
// the author's and the operator's.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";
import type { Ability } from "../../api";
import { RequireAuth } from "../../components/RequireAuth";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./pages.public");
const authorPages = () => import("./pages.author");
const operatorPages = () => import("./ModerationPage").then((m): Pages => ({ ModerationPage: m.default }));

type Page = [path: string, load: () => Promise<Pages>, name: string, signedIn?: true | Ability];
const ROUTES: Page[] = [
  ["exchanges", publicPages, "ExchangesPage"],
  ["exchanges/:kind", publicPages, "ListingCatalogPage"],
  ["listings/:id", publicPages, "ListingPage"],
  ["listings/mine", authorPages, "MyListingsPage", true],
  ["listings/saved", authorPages, "SavedListingsPage", true],
  ["listings/new", authorPages, "NewListingPage", true],
  ["listings/:id/edit", authorPages, "EditListingPage", true],
  ["responses", authorPages, "MyResponsesPage", true],
  ["responses/:id", authorPages, "ResponsePage", true],
  ["operator/listings", operatorPages, "ModerationPage", "operator.listings.queue"],
];

export const listingRoutes = ROUTES.map(([path, load, name, signedIn]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return (
    <Route
      key={path}
      path={path}
      element={
        signedIn ? (
          <RequireAuth ability={signedIn === true ? undefined : signedIn}>
            <Page />
          </RequireAuth>
        ) : (
          <Page />
        )
      }
    />
  );
});
