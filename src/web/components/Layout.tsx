import { Container } from "@mantine/core";
import { lazy, Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { applyUserLocale, useMe } from "../session";
import { Header } from "./Header";
import { PageLoader } from "./PageLoader";

const ConversationEvents = lazy(() => import("../features/conversations/ConversationEvents"));
// Below every page's content: its own chunk, out of the JavaScript a page needs before its first paint
// (the server renders it with the page; the browser keeps that markup until the chunk arrives).
const Footer = lazy(() => import("./Footer"));

export function Layout() {
  const { t } = useTranslation();
  const { user } = useMe();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const syncedUser = useRef<string | null>(null);

  // The profile's language wins once per signed-in user (after sign-in or on page load).
  useEffect(() => {
    if (user && syncedUser.current !== user.id) {
      syncedUser.current = user.id;
      void applyUserLocale(user);
    }
    if (!user) syncedUser.current = null;
  }, [user]);

  // After client-side navigation move focus to the content, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the path
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Container size="lg">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <Suspense fallback={null}>
        <Footer />
      </Suspense>
      {/* new messages arrive while any page is open (one event stream per signed-in tab) */}
      {user && (
        <Suspense fallback={null}>
          <ConversationEvents />
        </Suspense>
      )}
    </div>
  );
}
