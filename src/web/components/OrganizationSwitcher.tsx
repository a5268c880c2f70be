import { Button, Menu, Radio, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { client, unwrap } from "../api/client";
import { useMe } from "../session";
import { BuildingIcon, CheckIcon, ChevronDownIcon } from "./icons";
import { toast, toastError } from "./toast";
import { myOrganizationsKey, useMyOrganizations } from "./useMyOrganizations";

/** PUT /api/me/active-organization, then everything that depends on the active organization reloads. */
function useSwitchOrganization() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user } = useMe();
  return useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(client.PUT("/api/me/active-organization", { body: { organizationId } })),
    onSuccess: (data, organizationId) => {
      if (data?.items) queryClient.setQueryData([...myOrganizationsKey, user?.id ?? null], data);
      void queryClient.invalidateQueries();
      const name = data?.items?.find((i) => i.organization.id === organizationId)?.organization.shortName;
      if (name) toast(t("common.orgSwitcher.switched", { name }));
    },
    onError: (error) => toastError(error),
  });
}

/** The user's organizations, the active one's id, and the switch between them. */
function useOrganizationChoice() {
  const mine = useMyOrganizations();
  return {
    items: mine.data?.items ?? [],
    activeId: mine.data?.activeOrganizationId ?? null,
    switchTo: useSwitchOrganization(),
    can: useMe().can,
  };
}

/** The active organization and a menu to switch it (wide screens; hidden when the user has none). */
export function OrganizationMenu() {
  const { t } = useTranslation();
  const { items, activeId, switchTo, can } = useOrganizationChoice();
  if (items.length === 0) return null;
  const active = items.find((i) => i.organization.id === activeId)?.organization;

  return (
    <Menu position="bottom-end" width={280} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          maw={200}
          leftSection={<BuildingIcon size={18} />}
          rightSection={<ChevronDownIcon size={16} />}
          loading={switchTo.isPending}
        >
          <VisuallyHidden>{t("common.orgSwitcher.label")}: </VisuallyHidden>
          <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
            {active?.shortName ?? t("common.orgSwitcher.none")}
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown style={{ maxHeight: "70vh", overflowY: "auto" }}>
        <Menu.Label>{t("common.orgSwitcher.label")}</Menu.Label>
        {items.map(({ organization }) => {
          const checked = organization.id === activeId;
          return (
            <Menu.Item
              key={organization.id}
              aria-current={checked ? "true" : undefined}
              leftSection={
                checked ? <CheckIcon size={16} /> : <span style={{ width: 16, display: "inline-block" }} />
              }
              onClick={() => {
                if (!checked) switchTo.mutate(organization.id);
              }}
            >
              {organization.shortName}
              {checked && <VisuallyHidden> ({t("common.orgSwitcher.current")})</VisuallyHidden>}
            </Menu.Item>
          );
        })}
        <Menu.Divider />
        <Menu.Item component={Link} to="/organizations">
          {t("common.orgSwitcher.all")}
        </Menu.Item>
        <Menu.Item component={Link} to="/projects/mine">
          {t("projectsNav.mine")}
        </Menu.Item>
        <Menu.Item component={Link} to="/projects">
          {t("projectsNav.catalog")}
        </Menu.Item>
        <Menu.Item component={Link} to="/clusters">
          {t("projectsNav.clusters")}
        </Menu.Item>
        <Menu.Item component={Link} to="/ipregistry/mine">
          {t("projectsNav.ipDeposits")}
        </Menu.Item>
        <Menu.Item component={Link} to="/ipregistry">
          {t("projectsNav.ipRegister")}
        </Menu.Item>
        {can("org.create") && (
          <Menu.Item component={Link} to="/organizations/new">
            {t("common.orgSwitcher.register")}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same choice in the phone menu: a radio group and the two links. */
export function OrganizationDrawerSection({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const choice = useOrganizationChoice();
  const { items, switchTo, can } = choice;
  if (items.length === 0) return null;
  const activeId = choice.activeId ?? "";

  return (
    <Stack gap="xs" mt="md" pt="md" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
      <Radio.Group
        label={t("common.orgSwitcher.label")}
        value={activeId}
        onChange={(value) => {
          if (value && value !== activeId) switchTo.mutate(value);
        }}
      >
        <Stack gap="xs" mt="xs">
          {items.map(({ organization }) => (
            <Radio
              key={organization.id}
              value={organization.id}
              label={organization.shortName}
              disabled={switchTo.isPending}
            />
          ))}
        </Stack>
      </Radio.Group>
      {switchTo.isPending && (
        <Text size="sm" role="status">
          {t("common.loading")}
        </Text>
      )}
      {can("org.create") && (
        <div className="drawer-nav">
          <NavLink to="/organizations/new" className="nav-link" onClick={onNavigate}>
            {t("common.orgSwitcher.register")}
          </NavLink>
        </div>
      )}
    </Stack>
  );
}
