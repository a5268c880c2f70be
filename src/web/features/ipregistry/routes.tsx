// Routes of the IP registry, mounted by MoreRoutes.tsx (not in the entry). The public pages (the
// register, the receipt verifier) are a chunk each; the signed-in ones (deposit, my deposits, a printable
// receipt) another, so a guest never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./publicPages");
const verifyPage = () => import("./VerifyPage").then((m) => ({ VerifyPage: m.default }));
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: [path: string, load: () => Promise<Pages>, name: string][] = [
  ["ipregistry", publicPages, "RegisterPage"],
  ["ipregistry/verify", verifyPage, "VerifyPage"],
  ["ipregistry/mine", signedPages, "MyDepositsPage"],
  ["ipregistry/receipts/:id", signedPages, "ReceiptPage"],
];

export const ipregistryRoutes = ROUTES.map(([path, load, name]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return <Route key={path} path={path} element={<Page />} />;
});
