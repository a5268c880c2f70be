// An order behind an NDA for a signed-in reader: the button that accepts it for their verified
// organization, and, once the details are open, who accepted it. A chunk of its own: guests' pages do
// not carry it (nor Mantine's Select).
import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { useFormat } from "../../format";
import { listingKeys } from "./queries";
import type { Listing } from "./types";

/** The accepting part: the organization (when there are several) and the button. */
export default function NdaAccept({ listing }: { listing: Listing }) {
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
