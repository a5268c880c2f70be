import { type LazyRoute, lazyRoutes } from "../../components/lazyRoutes";

// The support-measure navigator (public) and the operator's editor; mounted by App.tsx inside the layout.
// (Each route gets its own lazy page, so going from a measure's editor to a new one starts afresh.)
const ROUTES: LazyRoute[] = [
  ["measures", () => import("./NavigatorPage"), "default"],
  ["measures/check", () => import("./CheckPage"), "default"],
  ["measures/saved", () => import("./SavedPage"), "default", true],
  ["measures/:id", () => import("./MeasurePage"), "default"],
  ["operator/measures", () => import("./OperatorListPage"), "default", { ability: "measures.manage" }],
  ["operator/measures/new", () => import("./EditorPage"), "default", { ability: "measures.manage" }],
  ["operator/measures/:id", () => import("./EditorPage"), "default", { ability: "measures.manage" }],
];

export const measureRoutes = lazyRoutes(ROUTES);
