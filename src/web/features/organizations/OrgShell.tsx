import { Anchor, Avatar, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useSearchParams } from "react-router";
import { ApiError } from "../../api";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { UnverifiedBadge } from "../verification/UnverifiedBadge";
import { StatusBadge, useLabels } from "./labels";
import { orgQueries } from "./queries";
import type { OrganizationView } from "./types";

export function useOrgView(id: string) {
  return useQuery(orgQueries.view(id));
}

/** The organization's logo, or its initials. */
export function OrgLogo({
  org,
  size = 56,
}: {
  org: { shortName: string; logoUrl: string | null };
  size?: number;
}) {
  const { t } = useTranslation();
  const initials = org.shortName
    .replace(/[«»"']/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <Avatar
      src={org.logoUrl}
      alt={org.logoUrl ? t("organizations.logo.alt", { name: org.shortName }) : undefined}
      size={size}
      radius="md"
      color="indigo"
      variant="filled"
      aria-hidden={org.logoUrl ? undefined : true}
    >
      {initials || "?"}
    </Avatar>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const applicationParam = (v: string | null) => (v && UUID.test(v) ? v : null);

/** Links to the organization's sections; the current one has aria-current="page". */
function OrgTabs({ view, keep }: { view: OrganizationView; keep: string }) {
  const { t } = useTranslation();
  const id = view.organization.id;
  // an operator who came from an application keeps the way back to it on every tab
  const base = `/organizations/${id}`;
  const to = (path: string) => ({ pathname: path, search: keep });
  return (
    <nav aria-label={t("organizations.tabs.label")}>
      <Group gap={4} wrap="wrap">
        <NavLink to={to(base)} end className="nav-link">
          {t("organizations.tabs.profile")}
        </NavLink>
        {view.can["org.members.read"] !== false && (
          <NavLink to={to(`${base}/members`)} className="nav-link">
            {t("organizations.tabs.members")}
          </NavLink>
        )}
        {view.can["org.status.read"] !== false && (
          <NavLink to={to(`${base}/status`)} className="nav-link">
            {t("organizations.tabs.status")}
          </NavLink>
        )}
        {view.can["org.verification.manage"] && (
          <NavLink to={to(`${base}/verification`)} className="nav-link">
            {t("verification.tab")}
          </NavLink>
        )}
      </Group>
    </nav>
  );
}

/**
 * Loads an organization and frames one of its pages: a link back to "my organizations", the h1
 * (the page title, or the organization's short name on the profile), the status badge and the tabs.
 */
export function OrgShell({
  id,
  page,
  children,
}: {
  id: string;
  /** The section's title; the profile passes null and gets the organization's name as h1. */
  page: string | null;
  children: (view: OrganizationView) => ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params] = useSearchParams();
  const view = useOrgView(id);
  const org = view.data?.organization;
  usePageTitle(
    org ? (page ? `${page} — ${org.shortName}` : org.shortName) : (page ?? t("organizations.profile.title")),
  );

  if (view.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={36} width="60%" />
        <Skeleton height={24} width="40%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (view.isError) {
    const missing =
      view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400);
    return (
      <Stack gap="md">
        <Title order={1}>
          {missing ? t("organizations.profile.notFoundTitle") : t("common.errors.title")}
        </Title>
        {missing ? <Text>{t("organizations.profile.notFound")}</Text> : <ProblemAlert error={view.error} />}
        <Anchor component={Link} to="/organizations">
          {t("organizations.backToMine")}
        </Anchor>
      </Stack>
    );
  }
  const data = view.data;
  const o = data.organization;
  // the operator's way back to the status application they came from (?application=<id>)
  const fromApplication = data.membership ? null : applicationParam(params.get("application"));
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {data.membership && (
          <Anchor component={Link} to="/organizations" size="sm">
            {t("organizations.backToMine")}
          </Anchor>
        )}
        {fromApplication && (
          <Anchor component={Link} to={`/operator/applications/${fromApplication}`} size="sm">
            {t("organizations.backToApplication")}
          </Anchor>
        )}
        <Group gap="md" wrap="nowrap" align="center">
          <OrgLogo org={o} />
          <div style={{ minWidth: 0 }}>
            {page ? (
              <>
                <Text size="sm" fw={600}>
                  {o.shortName}
                </Text>
                <Title order={1}>{page}</Title>
              </>
            ) : (
              <Title order={1} style={{ overflowWrap: "anywhere" }}>
                {o.shortName}
              </Title>
            )}
            <Group gap="xs" mt={4}>
              <Text size="sm">{labels.type(o.type)}</Text>
              <Anchor component={Link} to={`/organizations/${o.id}/status`} underline="never">
                <StatusBadge status={o.status} suspended={o.statusSuspended} style={{ cursor: "pointer" }} />
                <span className="sr-only">
                  {" "}
                  {t("organizations.status.since", { date: labels.numericDate(o.statusSince) })}
                </span>
              </Anchor>
              <UnverifiedBadge verified={o.verified} />
              {data.membership && (
                <Text size="sm">
                  {t("organizations.myRole", { role: labels.role(data.membership.role) })}
                </Text>
              )}
            </Group>
          </div>
        </Group>
        <OrgTabs view={data} keep={fromApplication ? `?application=${fromApplication}` : ""} />
      </Stack>
      {children(data)}
    </Stack>
  );
}
