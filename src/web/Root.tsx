import { MantineProvider } from "@mantine/core";
import { useNotifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, StrictMode, Suspense, useState } from "react";
import { App } from "./App";
import { ApiError } from "./api";
import { GUEST, meKey } from "./session";
import { cssVariablesResolver, theme } from "./theme";

/**
 * The app's tree above the router, the same in the browser (main.tsx, inside BrowserRouter) and on
 * the server (entry.server.tsx, inside StaticRouter): hydration needs both to render the same markup.
 */

/** The browser's query client; the server makes one per request with the same defaults. */
export function createQueryClient(): QueryClient {
  /**
   * A 401 means the session has ended: show the app as signed out. (/api/me itself answers a guest with
   * 200, and the "me/…" lists — organizations, join requests — answer 401 like any other request.)
   */
  const onUnauthorized = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKey, GUEST);
  };
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
  return queryClient;
}

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

/** Providers and the routes; `router` is BrowserRouter in the browser, StaticRouter on the server. */
export function Root({
  queryClient,
  router: Router,
}: {
  queryClient: QueryClient;
  router: (props: { children: ReactNode }) => ReactNode;
}) {
  return (
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DeferredToasts />
        <QueryClientProvider client={queryClient}>
          <Router>
            <App />
          </Router>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}
