import { Avatar, Drawer, Group, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { errorMessage, type User } from "../api";
import { useMe, useSignOut } from "../session";
import { ChevronDownIcon } from "./icons";
import { exchangeLinks, type NavItem, navLinks } from "./navLinks";
import { OrganizationDrawerSection } from "./OrganizationSwitcher";

// The header's menus and the phone's drawer, loaded by Header.tsx only when they are shown.

function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const { can } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const onSignOut = async () => {
    try {
      await signOut();
      navigate("/");
    } catch (error) {
      notifications.show({ color: "red", title: t("common.errors.title"), message: errorMessage(error) });
    }
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          style={{ borderRadius: "var(--mantine-radius-xl)", padding: 2 }}
          title={t("common.header.userMenu")}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" variant="filled" radius="xl" size={34} aria-hidden="true">
              {initials(user.fullName) || "?"}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="xl" maw={160} truncate="end">
              {user.fullName}
            </Text>
            <VisuallyHidden hiddenFrom="xl">{user.fullName}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/cabinet">
          {t("common.nav.cabinet")}
        </Menu.Item>
        <Menu.Item component={Link} to="/teams">
          {t("common.nav.teams")}
        </Menu.Item>
        <Menu.Item component={Link} to="/account">
          {t("common.nav.account")}
        </Menu.Item>
        {can("conversations.access") && (
          <Menu.Item component={Link} to="/messages">
            {t("common.nav.messages")}
          </Menu.Item>
        )}
        {can("notifications.own") && (
          <Menu.Item component={Link} to="/notifications">
            {t("common.nav.notifications")}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => void onSignOut()}>{t("common.header.signOut")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Service sections (administration, audit, development mail) share one "More" menu on wide screens. */
/**
 * The projects' links, built here (a lazy chunk) rather than in the bar: the bar has no room left (24 px
 * targets at 1366 px) and the entry no bytes to spare. The catalogs (projects, clusters), the cluster in
 * numbers and "my projects" are in the drawer (and the organization menu); the operator's queue is under
 * "More".
 */
function useProjectLinks() {
  const { t } = useTranslation();
  const { can } = useMe();
  const queue: NavItem[] = can("operator.projects.queue")
    ? [{ to: "/projects/queue", label: t("projectsNav.queue") }]
    : [];
  return {
    queue,
    catalog: [
      { to: "/projects", label: t("projectsNav.catalog") },
      { to: "/clusters", label: t("projectsNav.clusters") },
      { to: "/ipregistry", label: t("projectsNav.ipRegister") },
    ],
    numbers: { to: "/numbers", label: t("projectsNav.numbers") },
  };
}

/** The drawer's personal links (the account and the notifications are also in the user menu and the bell). */
function usePersonalLinks(): NavItem[] {
  const { t } = useTranslation();
  const { user, can } = useMe();
  if (!user) return [];
  // On a desktop the organization menu beside the bar opens them (and leaves the bar room).
  const personal: NavItem[] = [{ to: "/organizations", label: t("common.nav.organizations") }];
  if (can("desk.read")) personal.push({ to: "/cabinet", label: t("common.nav.cabinet") });
  if (can("conversations.access")) personal.push({ to: "/messages", label: t("common.nav.messages") });
  if (can("notifications.own")) personal.push({ to: "/notifications", label: t("common.nav.notifications") });
  personal.push({ to: "/pilots", label: t("common.nav.pilots") });
  personal.push({ to: "/projects/mine", label: t("projectsNav.mine") });
  personal.push({ to: "/grants/mine", label: t("grantsNav.mine") });
  personal.push({ to: "/ipregistry/mine", label: t("projectsNav.ipDeposits") });
  personal.push({ to: "/teams", label: t("common.nav.teams") });
  personal.push({ to: "/account", label: t("common.nav.account") });
  return personal;
}

/** The services and queues under "More" (for staff the exchanges too): by the user's abilities. */
function useServiceLinks(): NavItem[] {
  const { t } = useTranslation();
  const { can } = useMe();
  const service: NavItem[] = can("desk.read") ? exchangeLinks(t) : [];
  if (can("operator.listings.queue"))
    service.push({ to: "/operator/listings", label: t("common.nav.listingModeration") });
  if (can("operator.challenges.queue"))
    service.push({ to: "/challenges/moderation", label: t("common.nav.challengeModeration") });
  service.push(...useProjectLinks().queue);
  if (can("operator.grants.queue")) service.push({ to: "/grants/queue", label: t("grantsNav.queue") });
  else if (can("grants.review")) service.push({ to: "/grants/assigned", label: t("grantsNav.assigned") });
  if (can("operator.analytics.read"))
    service.push({ to: "/operator/analytics", label: t("projectsNav.analytics") });
  if (can("admin.users.list")) service.push({ to: "/admin/users", label: t("common.nav.users") });
  if (can("admin.jobs")) service.push({ to: "/admin/jobs", label: t("common.nav.jobs") });
  if (can("operator.erasures")) service.push({ to: "/operator/erasures", label: t("common.nav.erasures") });
  if (can("audit.read")) service.push({ to: "/audit", label: t("common.nav.audit") });
  if (can("dev.mail.read")) service.push({ to: "/dev/mail", label: t("common.nav.devMail") });
  return service;
}

export function MoreMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = useServiceLinks();
  if (items.length === 0) return null;
  const active = items.some((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));
  return (
    <Menu position="bottom-start" shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          className="nav-link"
          data-active={active || undefined}
          style={active ? ACTIVE_STYLE : undefined}
        >
          <Group gap={4} wrap="nowrap" component="span">
            {t("common.nav.more")}
            <ChevronDownIcon size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            aria-current={pathname === item.to ? "page" : undefined}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

const ACTIVE_STYLE = { color: "var(--mantine-color-indigo-9)", background: "var(--mantine-color-indigo-0)" };

/** The phone's navigation drawer (hidden from large screens, where the links are in the header). */
export function NavDrawer({
  opened,
  onClose: close,
  items: drawerItems,
  signedIn,
}: {
  opened: boolean;
  onClose: () => void;
  items: NavItem[];
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const user = signedIn;
  const service = useServiceLinks();
  const { catalog, numbers } = useProjectLinks();
  const grants = { to: "/grants", label: t("grantsNav.programs") };
  const personal = usePersonalLinks();
  return (
    <Drawer
      opened={opened}
      onClose={close}
      size="xs"
      padding="md"
      title={t("common.header.menu")}
      hiddenFrom="lg"
      closeButtonProps={{ "aria-label": t("common.header.closeMenu") }}
    >
      <nav aria-label={t("common.header.mobileNav")} className="drawer-nav">
        {navLinks([...drawerItems, ...service, ...catalog, grants, numbers, ...personal], close)}
        {!user && (
          <>
            <NavLink to="/signin" className="nav-link" onClick={close}>
              {t("common.header.signIn")}
            </NavLink>
            <NavLink to="/signup" className="nav-link" onClick={close}>
              {t("common.header.signUp")}
            </NavLink>
          </>
        )}
      </nav>
      {user && <OrganizationDrawerSection onNavigate={close} />}
    </Drawer>
  );
}
