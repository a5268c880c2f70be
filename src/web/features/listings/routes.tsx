// Routes of the exchanges (listings), mounted by App.tsx inside the layout. Their Russian texts come
// with the pages (not in the entry): each page waits for them. Every `import()` here costs the entry
// its chunk's list of dependencies, so the pages come in three chunks: the public ones (pages.public),
// the author's and the operator's.
import { type LazyRoute, lazyRoutes, type Pages } from "../../components/lazyRoutes";

const publicPages = () => import("./pages.public");
const authorPages = () => import("./pages.author");
const operatorPages = () => import("./ModerationPage").then((m): Pages => ({ ModerationPage: m.default }));

const ROUTES: LazyRoute[] = [
  ["exchanges", publicPages, "ExchangesPage"],
  ["exchanges/:kind", publicPages, "ListingCatalogPage"],
  ["listings/:id", publicPages, "ListingPage"],
  ["listings/mine", authorPages, "MyListingsPage", true],
  ["listings/saved", authorPages, "SavedListingsPage", true],
  ["listings/new", authorPages, "NewListingPage", true],
  ["listings/:id/edit", authorPages, "EditListingPage", true],
  ["responses", authorPages, "MyResponsesPage", true],
  ["responses/:id", authorPages, "ResponsePage", true],
  ["operator/listings", operatorPages, "ModerationPage", { ability: "operator.listings.queue" }],
];

export const listingRoutes = lazyRoutes(ROUTES);
