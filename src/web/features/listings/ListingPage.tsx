import { Anchor, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { InRussian } from "../../components/InRussian";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import ListingFiles from "./ListingFiles";
import { descriptionOf, FieldList, StateBadge, titleOf, useLocale } from "./labels";
import { NdaAcceptances, NdaNotice } from "./NdaNotice";
import { listingQueries } from "./queries";
import type { Listing } from "./types";

// For signed-in readers only, each a chunk of its own: guests' pages do not carry their code.
const ListingResponses = lazy(() => import("./ListingResponses"));
const FavouriteButton = lazy(() => import("./follow").then((m) => ({ default: m.FavouriteButton })));
const AuthorPanel = lazy(() => import("./AuthorPanel"));
// A change waiting for moderation: its organization's members and operators only.
const ListingDiff = lazy(() => import("./ListingDiff"));

/** A guest learns who may respond and how. */
function GuestRespond({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="listing-respond" title={t("listings.respond.title")} titleGap="sm">
      <Stack gap="sm" align="flex-start">
        <Text>{t("listings.respond.guest")}</Text>
        <Button component={Link} to={withNext("/signin", `/listings/${listing.id}`)} variant="light">
          {t("listings.respond.signIn")}
        </Button>
      </Stack>
    </SectionCard>
  );
}

export default function ListingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const locale = useLocale();
  const format = useFormat();
  const query = useQuery(listingQueries.listing(id));
  const me = useMe();
  const l = query.data;
  usePageTitle(l ? titleOf(l, locale) : t("listings.title"));
  if (query.isPending) return <Skeleton height={320} />;
  if (query.error || !l) return <ProblemAlert error={query.error} />;
  const hasEnglish = locale === "en" && Boolean(l.titleEn);
  return (
    <Stack gap="lg">
      <PageHeader
        title={<InRussian russian={!hasEnglish}>{titleOf(l, locale)}</InRussian>}
        subtitle={
          <>
            <Anchor component={Link} to={`/exchanges/${l.kind}`}>
              {t(`listings.kinds.${l.kind}.title`)}
            </Anchor>
            {" · "}
            <Anchor component={Link} to={`/directory/${l.organization.id}`}>
              {l.organization.shortName}
            </Anchor>
          </>
        }
      >
        <Group gap="xs">
          {/* its author and the staff (who may open any listing) see where it stands */}
          {(l.mine || l.state !== "published") && <StateBadge state={l.state} />}
          {l.publishedAt && (
            <Text size="sm" c="dimmed">
              {t("listings.page.published", { date: format.date(l.publishedAt) })}
            </Text>
          )}
        </Group>
      </PageHeader>
      {l.mine && (
        <Suspense fallback={<Skeleton height={80} />}>
          <AuthorPanel listing={l} />
        </Suspense>
      )}
      {me.user && !l.mine && l.state === "published" && (
        <Suspense fallback={null}>
          <FavouriteButton listingId={l.id} />
        </Suspense>
      )}
      {l.nda && !l.nda.hidden && (
        <Suspense fallback={null}>
          <NdaAcceptances listing={l} />
        </Suspense>
      )}
      {l.nda?.hidden ? (
        <NdaNotice listing={l} />
      ) : (
        <SectionCard id="listing-description" title={t("listings.page.description")} titleGap="sm">
          <InRussian block russian={!(locale === "en" && l.descriptionEn)}>
            <Text style={{ whiteSpace: "pre-line" }}>{descriptionOf(l, locale)}</Text>
          </InRussian>
        </SectionCard>
      )}
      <SectionCard id="listing-details" title={t("listings.page.details")} titleGap="sm">
        <FieldList kind={l.kind} values={l.values} />
      </SectionCard>
      <ListingFiles listing={l} />
      {me.user ? (
        <Suspense fallback={<Skeleton height={120} />}>
          <ListingResponses listing={l} />
        </Suspense>
      ) : (
        l.state === "published" && !me.isLoading && <GuestRespond listing={l} />
      )}
      {l.pending && (
        <SectionCard id="listing-pending" title={t("listings.page.pendingTitle")} titleGap="sm">
          <Suspense fallback={<Skeleton height={80} />}>
            <ListingDiff listingId={l.id} kind={l.kind} published={l} proposed={l.pending} files={l.files} />
          </Suspense>
        </SectionCard>
      )}
    </Stack>
  );
}
