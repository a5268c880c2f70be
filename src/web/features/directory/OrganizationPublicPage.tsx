import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { okvedSectionName } from "../../../shared/okved";
import { MEMBER_ROLE_LABELS, ORG_TYPE_LABELS, SME_CATEGORY_LABELS } from "../../../shared/organizations";
import { tagLabel } from "../../../shared/tags";
import { ApiError } from "../../api";
import { EmailLink, PhoneLink } from "../../components/ContactText";
import { lazyPart } from "../../components/lazyPart";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { zoneOf } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { orgQueries } from "../organizations/queries";
import { UnverifiedBadge } from "../verification/UnverifiedBadge";
import { descriptionOf, orgInitials, placeOf, StatusBadges, useLocale } from "./labels";
import { directoryQueries } from "./queries";

import type { OrganizationPublic } from "./types";

// The organization's listings: a chunk of their own with their texts (this page's first paint carries neither).
const OrganizationListings = lazy(() => import("../listings/OrganizationListings"));
// The organization's successful pilots with published results and its projects: a chunk of their own
// with their texts.
const OrganizationRecords = lazy(() => import("./OrganizationRecords"));
// the request to join (a form in a dialog): a signed-in visitor's, fetched after the page
const JoinModal = lazyPart(() => import("./JoinModal").then((m) => m.JoinModal));

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 12.03.2026 (ru) / 12/03/2026 (en). */
function useShortDate() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  return (value: string) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: zoneOf(value),
    }).format(date);
  };
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return url;
  }
}

function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t("directory.org.notFound.title"));
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t("directory.org.notFound.title")}</Title>
      <Text>{t("directory.org.notFound.text")}</Text>
      <Button component={Link} to="/directory" variant="default">
        {t("directory.backToDirectory")}
      </Button>
    </Stack>
  );
}

function Actions({ org }: { org: OrganizationPublic }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const location = useLocation();
  const format = useShortDate();
  const mine = useMyOrganizations();
  const requests = useQuery({ ...orgQueries.myJoinRequests(user?.id ?? null), enabled: Boolean(user) });
  const [joining, setJoining] = useState(false);
  const [alreadySent, setAlreadySent] = useState(false);

  if (!user) {
    return (
      <Text size="sm">
        <Anchor component={Link} to={withNext("/signin", location.pathname)}>
          {t("directory.join.signIn")}
        </Anchor>
        {t("directory.join.signInTail")}
      </Text>
    );
  }
  if (mine.isPending) return <Skeleton height={36} width={240} />;

  const member = mine.data?.items.some((i) => i.organization.id === org.id) ?? false;
  const staff = user.role === "operator" || user.role === "admin";
  const pending = requests.data?.find((r) => r.organization.id === org.id && r.state === "pending");

  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        {(member || staff) && (
          <Button component={Link} to={`/organizations/${org.id}`}>
            {t("directory.org.openInCabinet")}
          </Button>
        )}
        {!member && !pending && !alreadySent && (
          <Button variant={staff ? "default" : "filled"} onClick={() => setJoining(true)}>
            {t("directory.join.button")}
          </Button>
        )}
      </Group>
      {!member && (pending || alreadySent) && (
        <Alert color="indigo" variant="light" role="status" p="sm">
          <Text size="sm" c="indigo.9">
            {pending
              ? t("directory.join.pendingSince", { date: format(pending.createdAt) })
              : t("directory.join.alreadySent")}
          </Text>
        </Alert>
      )}
      <JoinModal
        org={org}
        opened={joining}
        onClose={() => setJoining(false)}
        onAlreadySent={() => setAlreadySent(true)}
      />
    </Stack>
  );
}

export default function OrganizationPublicPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const locale = useLocale();
  const shortDate = useShortDate();
  const valid = UUID_RE.test(id);
  const view = useQuery({ ...directoryQueries.organization(id), enabled: valid });
  usePageTitle(view.data?.organization.shortName ?? t("directory.org.title"));

  const notFound = !valid || (view.error instanceof ApiError && view.error.status === 404);
  if (notFound) return <NotFound />;
  if (view.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("directory.org.title")}</Title>
        <ProblemAlert error={view.error} />
      </Stack>
    );
  }
  if (view.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Title order={1} className="sr-only">
          {t("directory.org.title")}
        </Title>
        <Skeleton height={96} />
        <Skeleton height={200} />
      </Stack>
    );
  }

  const { organization: org, members } = view.data;
  const place = placeOf(org, locale);
  const description = descriptionOf(org, locale).trim();
  const descriptionLang = locale === "en" && org.descriptionEn?.trim() ? "en" : "ru";
  const hasContacts = Boolean(org.contactEmail || org.contactPhone);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/directory" size="sm">
        {t("directory.backToDirectory")}
      </Anchor>

      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Avatar
          src={org.logoUrl}
          alt={org.logoUrl ? t("directory.org.logoAlt", { name: org.shortName }) : ""}
          radius="md"
          size={88}
          color="indigo"
          variant="light"
          visibleFrom="xs"
        >
          <span aria-hidden="true">{orgInitials(org.shortName)}</span>
        </Avatar>
        <Stack gap="xs" style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {org.shortName}
          </Title>
          {org.fullName !== org.shortName && <Text size="lg">{org.fullName}</Text>}
          <StatusBadges status={org.status} suspended={org.statusSuspended} />
          <UnverifiedBadge verified={org.verified} />
          <Text size="sm">
            {t(`directory.org.since.${org.status}`, { date: shortDate(org.statusSince) })}
          </Text>
          {org.statusSuspended && (
            <Text size="sm" c="red.9" fw={500}>
              {t("directory.org.suspendedNote")}
            </Text>
          )}
        </Stack>
      </Group>

      <Actions org={org} />

      <SimpleGrid cols={{ base: 1, md: hasContacts ? 2 : 1 }} spacing="lg">
        <SectionCard titleGap="sm" id="org-facts" title={t("directory.org.facts")}>
          <dl className="facts">
            <div>
              <dt>{t("directory.org.type")}</dt>
              <dd>{ORG_TYPE_LABELS[org.type]?.[locale] ?? org.type}</dd>
            </div>
            {place && (
              <div>
                <dt>{org.regionCode ? t("directory.org.region") : t("directory.org.country")}</dt>
                <dd>{place}</dd>
              </div>
            )}
            {org.foundedOn && (
              <div>
                <dt>{t("directory.org.founded")}</dt>
                <dd>{org.foundedOn.slice(0, 4)}</dd>
              </div>
            )}
            {org.smeCategory && (
              <div>
                <dt>{t("directory.org.sme")}</dt>
                <dd>{SME_CATEGORY_LABELS[org.smeCategory][locale]}</dd>
              </div>
            )}
            {org.inn && (
              <div>
                <dt>{t("directory.org.inn")}</dt>
                <dd>{org.inn}</dd>
              </div>
            )}
            {org.ogrn && (
              <div>
                <dt>
                  {org.type === "individual_entrepreneur"
                    ? t("directory.org.ogrnip")
                    : t("directory.org.ogrn")}
                </dt>
                <dd>{org.ogrn}</dd>
              </div>
            )}
            {org.website && (
              <div>
                <dt>{t("directory.org.website")}</dt>
                <dd style={{ overflowWrap: "anywhere" }}>
                  <Anchor href={org.website} target="_blank" rel="noopener nofollow">
                    {hostOf(org.website)}
                    <span className="sr-only"> {t("directory.org.newTab")}</span>
                  </Anchor>
                </dd>
              </div>
            )}
          </dl>
        </SectionCard>

        {hasContacts && (
          <SectionCard titleGap="sm" id="org-contacts" title={t("directory.org.contacts")}>
            <dl className="facts">
              {org.contactEmail && (
                <div>
                  <dt>{t("directory.org.email")}</dt>
                  <dd>
                    <EmailLink email={org.contactEmail} />
                  </dd>
                </div>
              )}
              {org.contactPhone && (
                <div>
                  <dt>{t("directory.org.phone")}</dt>
                  <dd>
                    <PhoneLink phone={org.contactPhone} />
                  </dd>
                </div>
              )}
            </dl>
          </SectionCard>
        )}
      </SimpleGrid>

      {description && (
        <SectionCard titleGap="sm" id="org-about" title={t("directory.org.about")}>
          <Text
            lang={descriptionLang === locale ? undefined : descriptionLang}
            style={{ whiteSpace: "pre-line" }}
          >
            {description}
          </Text>
        </SectionCard>
      )}

      {(org.okvedSections.length > 0 || org.okvedMain || org.tags.length > 0) && (
        <SectionCard titleGap="sm" id="org-activity" title={t("directory.org.activity")}>
          <Stack gap="md">
            {org.okvedMain && (
              <Text>
                <Text span fw={600}>
                  {t("directory.org.okvedMain")}:
                </Text>{" "}
                {org.okvedMain}
              </Text>
            )}
            {org.okvedSections.length > 0 && (
              <div>
                <Title order={3} size="h5" mb={4}>
                  {t("directory.org.okvedSections")}
                </Title>
                <List spacing={4}>
                  {org.okvedSections.map((s) => (
                    <List.Item key={s}>
                      {s}. {okvedSectionName(s, locale) ?? ""}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            {org.tags.length > 0 && (
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t("directory.org.tags")}
                </Title>
                <Group gap={6} wrap="wrap">
                  {org.tags.map((tag) => (
                    <Badge key={tag} color="dark" variant="light" tt="none" fw={500}>
                      {tagLabel(tag, locale)}
                    </Badge>
                  ))}
                </Group>
              </div>
            )}
          </Stack>
        </SectionCard>
      )}

      <Suspense fallback={null}>
        <OrganizationListings organizationId={org.id} />
      </Suspense>

      <Suspense fallback={null}>
        <OrganizationRecords organizationId={org.id} />
      </Suspense>

      <SectionCard titleGap="sm" id="org-members" title={t("directory.org.members")}>
        {members.length === 0 ? (
          <Text>{t("directory.org.noMembers")}</Text>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="sm"
            component="ul"
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {members.map((m, i) => (
              // the public view gives no ids; the list does not change while shown
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Card key={i} withBorder padding="sm" component="li">
                <Text fw={600}>{m.fullName}</Text>
                {m.position && <Text size="sm">{m.position}</Text>}
                <Text size="sm" c="dimmed">
                  {MEMBER_ROLE_LABELS[m.role]?.[locale] ?? m.role}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </SectionCard>
    </Stack>
  );
}
