import { Box, Burger, Button, Container, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../session";
import { LanguageSwitch } from "./LanguageSwitch";
import { exchangeLinks, type NavItem, navLinks } from "./navLinks";

// What only a signed-in user, staff or a phone's menu needs is fetched when shown: the first screen
// of a public page carries the header's links and language switch alone (see the bundle budget).
const UserMenu = lazy(() => import("./HeaderMenus").then((m) => ({ default: m.UserMenu })));
const MoreMenu = lazy(() => import("./HeaderMenus").then((m) => ({ default: m.MoreMenu })));
const NavDrawer = lazy(() => import("./HeaderMenus").then((m) => ({ default: m.NavDrawer })));
const OrganizationMenu = lazy(() =>
  import("./OrganizationSwitcher").then((m) => ({ default: m.OrganizationMenu })),
);
const NotificationBell = lazy(() =>
  import("./NotificationBell").then((m) => ({ default: m.NotificationBell })),
);
const MessagesBadge = lazy(() => import("./NotificationBell").then((m) => ({ default: m.MessagesBadge })));

export function Header() {
  const { t } = useTranslation();
  const { user, can } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  // the drawer's code is fetched when the burger is first pressed
  const [drawerWanted, setDrawerWanted] = useState(false);

  // The bar leaves out the home page (the brand is its link) to keep room for the services; the drawer
  // on a phone lists it first.
  const home: NavItem = { to: "/", label: t("common.nav.home") };
  const items: NavItem[] = [
    { to: "/directory", label: t("common.nav.directory") },
    { to: "/measures", label: t("common.nav.navigator") },
  ];
  // Staff have many queues in the bar: for them the exchanges and the challenges are under "More".
  if (!can("desk.read")) items.push(...exchangeLinks(t));
  // the personal start page: the desk for staff (their cabinet is in the user menu), the cabinet for others
  if (can("desk.read")) items.push({ to: "/desk", label: t("common.nav.desk") });
  else if (user) items.push({ to: "/cabinet", label: t("common.nav.cabinet") });
  if (can("operator.status.queue"))
    items.push({ to: "/operator/applications", label: t("common.nav.statusApplications") });
  if (can("operator.verification.queue"))
    items.push({ to: "/operator/verifications", label: t("common.nav.verificationOperator") });
  if (can("measures.manage"))
    items.push({ to: "/operator/measures", label: t("common.nav.measuresOperator") });
  // "More" (the services and queues under it) and the drawer's other links are built in HeaderMenus, a
  // lazy chunk: a guest's first screen carries none of them
  const drawerItems: NavItem[] = [home, ...items];

  return (
    <>
      <header className="app-header">
        <Container size="xl" h={64}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
              <Burger
                hiddenFrom="lg"
                size="sm"
                opened={opened}
                onClick={() => {
                  setDrawerWanted(true);
                  toggle();
                }}
                aria-label={opened ? t("common.header.closeMenu") : t("common.header.openMenu")}
                aria-expanded={opened}
              />
              <Link to="/" className="brand">
                {t("common.appName")}
              </Link>
              <Box component="nav" aria-label={t("common.header.mainNav")} visibleFrom="lg">
                <Group gap={2} wrap="nowrap">
                  {navLinks(items)}
                  {user && (
                    <Suspense fallback={null}>
                      <MoreMenu />
                    </Suspense>
                  )}
                </Group>
              </Box>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {user && (
                <Box visibleFrom="lg">
                  <Suspense fallback={null}>
                    <OrganizationMenu />
                  </Suspense>
                </Box>
              )}
              <LanguageSwitch />
              {user && (
                <Suspense fallback={null}>
                  <MessagesBadge />
                  <NotificationBell />
                </Suspense>
              )}
              {user ? (
                <Suspense fallback={<Box w={38} h={38} />}>
                  <UserMenu user={user} />
                </Suspense>
              ) : (
                <Group gap="xs" wrap="nowrap" visibleFrom="sm">
                  <Button component={Link} to="/signin" variant="default" size="sm">
                    {t("common.header.signIn")}
                  </Button>
                  <Button component={Link} to="/signup" size="sm">
                    {t("common.header.signUp")}
                  </Button>
                </Group>
              )}
            </Group>
          </Group>
        </Container>
      </header>
      {drawerWanted && (
        <Suspense fallback={null}>
          <NavDrawer opened={opened} onClose={close} items={drawerItems} signedIn={!!user} />
        </Suspense>
      )}
    </>
  );
}
