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
import { Link, NavLink, useNavigate } from "react-router";
import { errorMessage, type User } from "../api";
import { useMe, useSignOut } from "../session";
import { LanguageSwitch } from "./LanguageSwitch";

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
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate="end">
              {user.fullName}
            </Text>
            <VisuallyHidden hiddenFrom="sm">{user.fullName}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t("common.nav.account")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void onSignOut()}>{t("common.header.signOut")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { user, can } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);

  const items: NavItem[] = [{ to: "/", label: t("common.nav.home") }];
  if (can("admin.users.list")) items.push({ to: "/admin/users", label: t("common.nav.users") });
  if (can("audit.read")) items.push({ to: "/audit", label: t("common.nav.audit") });
  if (can("dev.mail.read")) items.push({ to: "/dev/mail", label: t("common.nav.devMail") });
  // the account is also in the user menu; on wide screens the top bar has no room for it
  const drawerItems: NavItem[] = user
    ? [...items, { to: "/account", label: t("common.nav.account") }]
    : items;

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
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group wrap="nowrap" gap="md">
              <Burger
                hiddenFrom="md"
                size="sm"
                opened={opened}
                onClick={toggle}
                aria-label={opened ? t("common.header.closeMenu") : t("common.header.openMenu")}
                aria-expanded={opened}
              />
              <Link to="/" className="brand">
                {t("common.appName")}
              </Link>
              <Box component="nav" aria-label={t("common.header.mainNav")} visibleFrom="md">
                <Group gap={4} wrap="nowrap">
                  {links(items)}
                </Group>
              </Box>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
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
        hiddenFrom="md"
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
      </Drawer>
    </>
  );
}
