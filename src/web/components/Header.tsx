import {
  Avatar,
  Box,
  Burger,
  Button,
  Container,
  Drawer,
  Group,
  Menu,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { errorMessage, type User } from "../api";
import { useMe, useSignOut } from "../session";
import { ChevronDownIcon } from "./icons";
import { LanguageSwitch } from "./LanguageSwitch";
import { MessagesBadge, NotificationBell } from "./NotificationBell";
import { OrganizationDrawerSection, OrganizationMenu } from "./OrganizationSwitcher";

interface NavItem {
  to: string;
  label: string;
}

function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? "")
    .join("");
}

function UserMenu({ user }: { user: User }) {
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
        <Menu.Item component={Link} to="/account">
          {t("common.nav.account")}
        </Menu.Item>
        {can("conversations.access") && (
          <Menu.Item component={Link} to="/messages">
            {t("conversations.title")}
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
function MoreMenu({ items }: { items: NavItem[] }) {
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

export function Header() {
  const { t } = useTranslation();
  const { user, can } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);

  const items: NavItem[] = [
    { to: "/", label: t("common.nav.home") },
    { to: "/directory", label: t("common.nav.directory") },
    { to: "/measures", label: t("measures.nav.navigator") },
  ];
  if (user) items.push({ to: "/organizations", label: t("common.nav.organizations") });
  if (can("operator.status.queue"))
    items.push({ to: "/operator/applications", label: t("common.nav.statusApplications") });
  if (can("operator.verification.queue"))
    items.push({ to: "/operator/verifications", label: t("verification.nav.operator") });
  if (can("measures.manage")) items.push({ to: "/operator/measures", label: t("measures.nav.operator") });
  const service: NavItem[] = [];
  if (can("admin.users.list")) service.push({ to: "/admin/users", label: t("common.nav.users") });
  if (can("admin.jobs")) service.push({ to: "/admin/jobs", label: t("admin.jobs.nav") });
  if (can("operator.erasures")) service.push({ to: "/operator/erasures", label: t("privacy.nav") });
  if (can("audit.read")) service.push({ to: "/audit", label: t("common.nav.audit") });
  if (can("dev.mail.read")) service.push({ to: "/dev/mail", label: t("common.nav.devMail") });
  // the account and the notifications are also in the user menu and the bell
  const personal: NavItem[] = [];
  if (user) {
    if (can("conversations.access")) personal.push({ to: "/messages", label: t("conversations.title") });
    if (can("notifications.own"))
      personal.push({ to: "/notifications", label: t("common.nav.notifications") });
    personal.push({ to: "/account", label: t("common.nav.account") });
  }
  const drawerItems: NavItem[] = [...items, ...service, ...personal];

  const links = (list: NavItem[], onClick?: () => void) =>
    list.map((item) => (
      <NavLink key={item.to} to={item.to} end={item.to === "/"} className="nav-link" onClick={onClick}>
        {item.label}
      </NavLink>
    ));

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
                onClick={toggle}
                aria-label={opened ? t("common.header.closeMenu") : t("common.header.openMenu")}
                aria-expanded={opened}
              />
              <Link to="/" className="brand">
                {t("common.appName")}
              </Link>
              <Box component="nav" aria-label={t("common.header.mainNav")} visibleFrom="lg">
                <Group gap={2} wrap="nowrap">
                  {links(items)}
                  <MoreMenu items={service} />
                </Group>
              </Box>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {user && (
                <Box visibleFrom="lg">
                  <OrganizationMenu />
                </Box>
              )}
              <LanguageSwitch />
              {user && <MessagesBadge />}
              {user && <NotificationBell />}
              {user ? (
                <UserMenu user={user} />
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
          {links(drawerItems, close)}
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
    </>
  );
}
