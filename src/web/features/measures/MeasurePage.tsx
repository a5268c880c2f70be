import { Alert, Anchor, Badge, Button, Grid, Group, List, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { tagLabel } from "../../../shared/tags";
import { errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import { ContactText } from "../../components/ContactText";
import { InRussian } from "../../components/InRussian";
import { lazyPart } from "../../components/lazyPart";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useMe } from "../../session";
import {
  byOutcome,
  DeadlineFlag,
  descriptionOf,
  okvedLabel,
  ResultIcon,
  titleOf,
  topReason,
  useMeasureText,
  VerdictBadge,
} from "./labels";
import { DemoBanner, MeasureKindBadges } from "./MeasureCardView";
import { measureQueries } from "./queries";
import { loadAnswers, profileOf } from "./questionnaire";
import type { CriterionOutcome, Eligibility, Measure } from "./types";

// a signed-in visitor's "add to favourites": fetched after the page (guests never see it)
const FavouriteButton = lazyPart(() => import("./subscriptions").then((m) => m.FavouriteButton));

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

const GROUPS: CriterionOutcome["result"][] = ["not_met", "unknown", "met"];

/**
 * The measure's conditions as sentences, grouped: what fails first, then what is not known yet (with
 * the field to fill), then what is met. The verdict itself is shown once, at the top of the page.
 */
function Breakdown({
  eligibility,
  orgId,
  guest,
}: {
  eligibility: Eligibility;
  orgId: string | null;
  guest: boolean;
}) {
  const { t } = useTranslation();
  const text = useMeasureText();
  const sorted = byOutcome(eligibility.criteria);
  return (
    <SectionCard id="measure-criteria" title={t("measures.page.criteria")} stack="sm">
      {eligibility.criteria.length === 0 ? (
        <Text>{t("measures.page.noCriteria")}</Text>
      ) : (
        GROUPS.map((group) => {
          const items = sorted.filter((c) => c.result === group);
          if (items.length === 0) return null;
          return (
            <Stack gap={6} key={group} component="section" aria-labelledby={`criteria-${group}`}>
              <Title order={3} size="h5" id={`criteria-${group}`}>
                {t(`measures.page.group.${group}`, { count: items.length })}
              </Title>
              <List spacing="sm" listStyleType="none" p={0} aria-labelledby={`criteria-${group}`}>
                {items.map((c) => (
                  <List.Item key={c.key}>
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <ResultIcon result={c.result} />
                      <Stack gap={2}>
                        <Text size="sm">{c.message[text.locale]}</Text>
                        {c.result === "unknown" &&
                          orgId &&
                          (c.field === "status" ? (
                            // a status is applied for, not typed in
                            <Anchor component={Link} to={`/organizations/${orgId}/status`} size="sm">
                              {t("measures.page.applyStatus")}
                            </Anchor>
                          ) : (
                            <Anchor
                              component={Link}
                              to={`/organizations/${orgId}?edit=1${c.field ? `&field=${encodeURIComponent(c.field)}` : ""}`}
                              size="sm"
                            >
                              {t("measures.page.fillField")}
                            </Anchor>
                          ))}
                      </Stack>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Stack>
          );
        })
      )}
      {guest && (
        <Button component={Link} to="/measures/check" variant="light" style={{ alignSelf: "flex-start" }}>
          {t("measures.navigator.checkLink")}
        </Button>
      )}
    </SectionCard>
  );
}

/**
 * A guest's (or an organization-less user's) eligibility, from the questionnaire's answers or all
 * unknown. The shared evaluator carries the criteria's zod schemas, so it is a chunk of its own,
 * loaded only here, after the measure itself is on the screen.
 */
function useGuestEligibility(criteria: Measure["criteria"] | undefined, wanted: boolean) {
  const [result, setResult] = useState<Eligibility | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void import("../../../shared/eligibility").then(({ evaluate }) => {
      const answers = loadAnswers();
      if (live) setResult(evaluate(criteria, answers ? profileOf(answers) : {}, new Date()));
    });
    return () => {
      live = false;
    };
  }, [criteria, wanted]);
  return wanted ? result : null;
}

export default function MeasurePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const text = useMeasureText();
  const { user } = useMe();
  const query = useQuery(measureQueries.one(id, user?.id ?? null));
  const measure = query.data?.measure;
  const guest = !!query.data && !measure?.eligibility && !query.data.organization;
  const guestEligibility = useGuestEligibility(measure?.criteria, guest);
  usePageTitle(measure ? titleOf(measure, text.locale) : t("measures.page.loading"));

  const apply = useMutation({
    mutationFn: () => unwrap(client.POST("/api/measures/{id}/apply-click", { params: { path: { id } } })),
  });
  const onApply = () => {
    // open the tab synchronously (popup blockers), then point it at the address the server returns
    const tab = window.open("about:blank", "_blank");
    apply.mutate(undefined, {
      onSuccess: (r) => {
        const url = r.applyUrl ?? measure?.applyUrl;
        if (tab && url) {
          tab.opener = null;
          tab.location.href = url;
        } else if (url) window.open(url, "_blank", "noopener");
        else tab?.close();
      },
      onError: () => tab?.close(),
    });
  };

  if (query.isPending)
    return (
      <Stack gap="md" aria-busy="true">
        <Title order={1}>{t("measures.page.loading")}</Title>
        <Skeleton height={200} />
      </Stack>
    );
  if (query.isError || !measure)
    return (
      <Stack gap="md">
        <Title order={1}>{t("measures.page.notFound")}</Title>
        <ProblemAlert error={query.error} />
        <Anchor component={Link} to="/measures">
          {t("measures.page.back")}
        </Anchor>
      </Stack>
    );

  const org = query.data.organization;
  const eligibility = measure.eligibility ?? guestEligibility;
  const amount = text.amount(measure);
  const description = descriptionOf(measure, text.locale).trim();
  const hasEnglishTitle = Boolean(measure.titleEn?.trim());
  const hasEnglishDescription = Boolean(measure.descriptionEn?.trim());
  // the verdict is shown once, beside the title (a guest's from the questionnaire when it has criteria)
  const shownVerdict =
    measure.eligibility?.verdict ??
    (eligibility && eligibility.criteria.length > 0 ? eligibility.verdict : null);
  const open = measure.openNow || measure.permanent;
  // not eligible: "apply" steps back (secondary style) with the reason beside it
  const blocker =
    measure.eligibility?.verdict === "not_eligible" ? topReason(measure.eligibility.criteria) : undefined;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/measures" size="sm">
        {t("measures.page.back")}
      </Anchor>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            <InRussian russian={!hasEnglishTitle}>{titleOf(measure, text.locale)}</InRussian>
          </Title>
          {shownVerdict && <VerdictBadge verdict={shownVerdict} />}
        </Group>
        <Text c="dimmed">
          <InRussian>{measure.provider}</InRussian>
        </Text>
        <MeasureKindBadges measure={measure} />
        {org && measure.eligibility && (
          <Text size="sm">{t("measures.page.forOrg", { name: org.shortName })}</Text>
        )}
      </Stack>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <SectionCard id="measure-apply" title={t("measures.page.howToApply")} stack="sm">
              <Stack component="dl" gap="xs" m={0}>
                <Fact label={t("measures.page.window")}>
                  <Group gap="xs" component="span" wrap="wrap">
                    <span>{text.window(measure)}</span>
                    <DeadlineFlag measure={measure} />
                  </Group>
                </Fact>
                {amount && <Fact label={t("measures.page.amount")}>{amount}</Fact>}
                {measure.cofinancingShare != null && (
                  <Fact label={t("measures.page.cofinancing")}>
                    {t("measures.page.percent", { n: measure.cofinancingShare })}
                  </Fact>
                )}
                <Fact label={t("measures.page.level")}>{t(`measures.level.${measure.level}`)}</Fact>
                <Fact label={t("measures.page.form")}>{t(`measures.form.${measure.form}`)}</Fact>
              </Stack>
              {measure.applyUrl ? (
                <Stack gap={6}>
                  {blocker && (
                    <Text size="sm" id="apply-blocker">
                      {t("measures.page.notEligibleApply", { reason: blocker.message[text.locale] })}
                    </Text>
                  )}
                  <Button
                    onClick={onApply}
                    loading={apply.isPending}
                    disabled={!open}
                    variant={blocker ? "default" : "filled"}
                    aria-describedby={blocker ? "apply-blocker" : undefined}
                    style={{ alignSelf: "flex-start" }}
                  >
                    {t("measures.page.apply")}
                    <span className="sr-only"> {t("measures.page.newTab")}</span>
                  </Button>
                </Stack>
              ) : (
                <Text size="sm">{t("measures.page.noApplyUrl")}</Text>
              )}
              {apply.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(apply.error)}
                </Alert>
              )}
              {user && <FavouriteButton measureId={measure.id} />}
            </SectionCard>
            {measure.contacts && (
              <SectionCard
                id="measure-contacts"
                title={t("measures.page.contacts")}
                titleSize="h4"
                titleGap="xs"
              >
                <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  <InRussian>
                    <ContactText>{measure.contacts}</ContactText>
                  </InRussian>
                </Text>
              </SectionCard>
            )}
            {(measure.industries.length > 0 || measure.tags.length > 0) && (
              <SectionCard id="measure-topics" title={t("measures.page.topics")} titleSize="h4" titleGap="xs">
                <Group gap={4} wrap="wrap">
                  {measure.industries.map((i) => (
                    <Badge key={i} color="gray" variant="outline" tt="none">
                      {okvedLabel(i, text.locale)}
                    </Badge>
                  ))}
                  {measure.tags.map((tag) => (
                    <Badge key={tag} color="dark" variant="light" tt="none">
                      {tagLabel(tag, text.locale)}
                    </Badge>
                  ))}
                </Group>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {eligibility && <Breakdown eligibility={eligibility} orgId={org?.id ?? null} guest={guest} />}
            {description && (
              <Stack gap="xs">
                <Title order={2} size="h3">
                  {t("measures.page.description")}
                </Title>
                <InRussian block russian={!hasEnglishDescription}>
                  <Text style={{ whiteSpace: "pre-wrap" }}>{description}</Text>
                </InRussian>
              </Stack>
            )}
            {measure.requiredDocuments.length > 0 && (
              <Stack gap="xs">
                <Title order={2} size="h3">
                  {t("measures.page.documents")}
                </Title>
                <InRussian block>
                  <List spacing={4}>
                    {measure.requiredDocuments.map((d) => (
                      <List.Item key={d}>{d}</List.Item>
                    ))}
                  </List>
                </InRussian>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {measure.isDemo && <DemoBanner />}
    </Stack>
  );
}
