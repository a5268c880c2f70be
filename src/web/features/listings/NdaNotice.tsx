// An order behind an NDA: to a reader who has not accepted it, the NDA's text and (for a member of a
// verified organization) the button that accepts it for their organization; to the listing's
// organization, who accepted it and when.
import { Alert, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NDA_VERSION, ndaTexts } from "../../../shared/nda";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { useLocale } from "./labels";
import { listingKeys } from "./queries";
import type { Listing } from "./types";

/** The accepting part: the organization (when there are several) and the button. */
function Accept({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useMyOrganizations();
  const all = mine.data?.items ?? [];
  const organizations = all
    .filter((i) => i.organization.verified && i.organization.id !== listing.organization.id)
    .map((i) => ({ value: i.organization.id, label: i.organization.shortName }));
  const active = organizations.find((o) => o.value === mine.data?.activeOrganizationId);
  const [chosen, setChosen] = useState<string | null>(null);
  const organizationId = chosen ?? active?.value ?? organizations[0]?.value ?? null;
  const accept = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        client.POST("/api/listings/{id}/nda", {
          params: { path: { id: listing.id } },
          body: { organizationId: id },
        }),
      ),
    onSuccess: (l) => {
      queryClient.setQueryData(listingKeys.listing(l.id), l);
      toast(t("listings.nda.accepted"));
    },
  });
  if (mine.isPending) return null;
  if (organizations.length === 0)
    return all.length > 0 ? (
      <Text>{t("listings.nda.notVerified")}</Text>
    ) : (
      <Stack gap="sm" align="flex-start">
        <Text>{t("listings.nda.noOrganization")}</Text>
        <Button component={Link} to="/organizations/new" variant="light">
          {t("listings.form.registerOrganization")}
        </Button>
      </Stack>
    );
  return (
    <Stack gap="sm" align="flex-start">
      <ProblemAlert error={accept.error} />
      {organizations.length > 1 && (
        <Select
          label={t("listings.nda.organization")}
          data={organizations}
          value={organizationId}
          onChange={setChosen}
          allowDeselect={false}
        />
      )}
      <Button loading={accept.isPending} onClick={() => organizationId && accept.mutate(organizationId)}>
        {t("listings.nda.accept")}
      </Button>
    </Stack>
  );
}

/** The NDA's text and the way to accept it, in place of the hidden details. */
export function NdaNotice({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  return (
    <SectionCard id="listing-nda" title={t("listings.nda.title")} titleGap="sm">
      <Stack gap="md">
        <Text>{t("listings.nda.lead")}</Text>
        <Stack
          gap={4}
          p="sm"
          bg="gray.0"
          style={{ borderRadius: "var(--mantine-radius-sm)" }}
          aria-labelledby="nda-text-title"
        >
          <Title order={3} size="h5" id="nda-text-title">
            {ndaTexts.sayIn(locale, "title")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("listings.nda.edition", { version: NDA_VERSION })}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {ndaTexts.sayIn(locale, "text")}
          </Text>
        </Stack>
        {me.user ? (
          <Accept listing={listing} />
        ) : (
          !me.isLoading && (
            <Button
              component={Link}
              to={withNext("/signin", `/listings/${listing.id}`)}
              variant="light"
              style={{ alignSelf: "flex-start" }}
            >
              {t("listings.nda.signIn")}
            </Button>
          )
        )}
      </Stack>
    </SectionCard>
  );
}

/** For the listing's organization and operators: that the order asks for an NDA, and who accepted it. */
export function NdaAcceptances({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = listing.nda?.acceptances ?? [];
  return (
    <Alert color="blue" variant="light" title={t("listings.nda.ownNotice")}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t("listings.nda.acceptances")}:
        </Text>
        {list.length === 0 ? (
          <Text size="sm">{t("listings.nda.noAcceptances")}</Text>
        ) : (
          <Text size="sm">
            {list
              .map((a) =>
                t("listings.nda.acceptedOn", {
                  org: a.organization.shortName,
                  date: format.dateTime(a.acceptedAt),
                }),
              )
              .join("; ")}
          </Text>
        )}
      </Group>
    </Alert>
  );
}
