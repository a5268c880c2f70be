import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { useNotifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, StrictMode, Suspense, useState } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { ApiError } from "./api";
import { i18nReady } from "./i18n";
import { GUEST, meKey } from "./session";
import { cssVariablesResolver, theme } from "./theme";

/**
 * A 401 means the session has ended: show the app as signed out. (/api/me itself answers a guest with
 * 200, and the "me/…" lists — organizations, join requests — answer 401 like any other request.)
 */
function onUnauthorized(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    queryClient.setQueryData(meKey, GUEST);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // sign-in and password checks answer 401 for wrong credentials, which does not end a session
      if (mutation.options.meta?.ignoreUnauthorized) return;
      onUnauthorized(error);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// The toasts' container (with its transitions and portal) is fetched when the first toast is shown:
// toasts wait in Mantine's store and appear when it mounts.
const Notifications = lazy(() => import("./components/Toasts"));

function DeferredToasts() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("#root element is missing");

// The interface language's messages first (Russian is in the entry; English is fetched when chosen).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DeferredToasts />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
