import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import type { ReactNode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import type { SsrQueries } from "./entry.server";
import { i18nReady, SSR_DATA_ID } from "./i18n";
import { createQueryClient, Root } from "./Root";

// The browser's entry. A public page rendered by the server (entry.server.tsx) comes with its queries'
// data: the app is hydrated over that markup with the same data and language; every other page is
// the empty shell and is rendered here.
const root = document.getElementById("root");
if (!root) throw new Error("#root element is missing");

const queryClient = createQueryClient();
const ssrData = document.getElementById(SSR_DATA_ID);
if (ssrData?.textContent) {
  for (const [key, data, updatedAt] of JSON.parse(ssrData.textContent) as SsrQueries)
    queryClient.setQueryData(key, data, { updatedAt });
}

/**
 * Navigations are not transitions: while a page's code is fetched its loader replaces the old page at
 * once. (In a transition React would keep the old page on screen under the new address, and what the
 * person types into it — the sign-in form while the sign-up page loads — would be lost when the new
 * page appears.)
 */
function Router({ children }: { children: ReactNode }) {
  return <BrowserRouter useTransitions={false}>{children}</BrowserRouter>;
}

// The interface language's messages first (Russian is in the entry; English is fetched when chosen).
void i18nReady.then(() => {
  const app = <Root queryClient={queryClient} router={Router} />;
  if (ssrData && root.hasChildNodes()) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
