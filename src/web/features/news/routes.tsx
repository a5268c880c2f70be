// Routes of the news, mounted by MoreRoutes.tsx (not in the entry). The public pages (the list, an
// article) are one chunk; the operator's (every article, the form) another, so a reader never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: [path: string, load: () => Promise<Pages>, name: string][] = [
  ["news", publicPages, "NewsListPage"],
  ["news/:ref", publicPages, "NewsArticlePage"],
  ["operator/news", signedPages, "ManageNewsPage"],
  ["operator/news/new", signedPages, "NewArticlePage"],
  ["operator/news/:id", signedPages, "EditArticlePage"],
];

export const newsRoutes = ROUTES.map(([path, load, name]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return <Route key={path} path={path} element={<Page />} />;
});
