import { type ComponentType, lazy } from "react";
import { Route } from "react-router";
import type { Ability } from "../api";
import { RequireAuth } from "./RequireAuth";

/** A chunk's exports, its pages among them by name (a feature's pages.public.ts, a page's module…). */
export type Pages = Record<string, unknown>;

/**
 * A route: its path, the chunk that holds its page, the page's name there, and who may open it: any
 * signed-in user (`true`) or one with an ability (`{ ability: "…" }`: written so, the build's
 * Russian-texts plugin does not take the ability's name for a text key).
 */
export type LazyRoute = [
  path: string,
  load: () => Promise<Pages>,
  name: string,
  signedIn?: true | { ability: Ability },
];

/**
 * A feature's routes, each page loaded with its chunk when first opened; a signed-in page behind
 * `RequireAuth`. One builder for every feature, and a table rather than a <Route> each: less code in
 * the entry chunk.
 */
export const lazyRoutes = (routes: LazyRoute[]) =>
  routes.map(([path, load, name, signedIn]) => {
    const Page = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
    return (
      <Route
        key={path}
        path={path}
        element={
          signedIn ? (
            <RequireAuth ability={signedIn === true ? undefined : signedIn.ability}>
              <Page />
            </RequireAuth>
          ) : (
            <Page />
          )
        }
      />
    );
  });
