import { Avatar, Drawer, Group, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { errorMessage, type User } from "../api";
import { useMe, useSignOut } from "../session";
import { ChevronDownIcon } from "./icons";
import { type NavItem, navLinks } from "./navLinks";
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
export function MoreMenu({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
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
        {navLinks(drawerItems, close)}
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
