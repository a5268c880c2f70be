// Routes of the events, mounted by MoreRoutes.tsx (not in the entry). The public pages (the catalog, an
// event's page) are one chunk; the signed-in ones (my registrations and calendar feed, the registrants,
// the operator's list and form, each behind its check: pages.signed.tsx) another.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./publicPages");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: [path: string, load: () => Promise<Pages>, name: string][] = [
  ["events", publicPages, "EventsPage"],
  ["events/:id", publicPages, "EventPage"],
  ["events/mine", signedPages, "MyEventsPage"],
  ["events/:id/registrations", signedPages, "RegistrantsPage"],
  ["operator/events", signedPages, "OperatorEventsPage"],
  ["operator/events/new", signedPages, "NewEventPage"],
  ["operator/events/:id/edit", signedPages, "EditEventPage"],
];

export const eventRoutes = ROUTES.map(([path, load, name]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return <Route key={path} path={path} element={<Page />} />;
});
