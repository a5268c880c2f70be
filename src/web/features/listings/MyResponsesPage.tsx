import { Button, Skeleton, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { ResponseItem } from "./ListingResponses";
import { listingKeys } from "./queries";
import { useOrganizationChoice } from "./useOrganizationChoice";

/** The responses one of the member's organizations sent (the active one first), newest change first. */
export default function MyResponsesPage() {
  const { t } = useTranslation();
  usePageTitle(t("responses.mineTitle"));
  const [page, setPage] = useState(1);
  const { mine, orgs, orgId, select } = useOrganizationChoice(() => setPage(1));
  const list = useQuery({
    queryKey: [...listingKeys.all, "sent", orgId, page],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/organizations/{id}/responses", {
          params: { path: { id: orgId ?? "" }, query: { page, pageSize: 20 } },
          signal,
        }),
      ),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const browse = (
    <Button component={Link} to="/exchanges" variant="light">
      {t("responses.browse")}
    </Button>
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t("responses.mineTitle")} subtitle={t("responses.mineLead")} />
      {mine.isPending ? (
        <Skeleton height={200} />
      ) : mine.error ? (
        <ProblemAlert error={mine.error} />
      ) : orgs.length === 0 ? (
        <EmptyState
          text={t("responses.noOrganization")}
          action={
            <Button component={Link} to="/organizations/new" variant="light">
              {t("listings.form.registerOrganization")}
            </Button>
          }
        />
      ) : (
        <>
          {select}
          <QueryPagedList
            query={list}
            label={t("responses.mineTitle")}
            skeleton={90}
            rows={3}
            empty={<EmptyState text={t("responses.mineEmpty")} action={browse} />}
            onPage={setPage}
          >
            {(r) => <ResponseItem key={r.id} r={r} show="listing" />}
          </QueryPagedList>
        </>
      )}
    </Stack>
  );
}
