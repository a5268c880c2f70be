// A listing's responses on its page, for signed-in readers (a chunk of its own, loaded only for them):
// the listing's organization sees every response; anyone else their own or a form to respond.
import { Alert, Anchor, Button, Card, Group, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { responseTypeOf } from "../../../shared/listingResponses";
import { client, unwrap } from "../../api/client";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { useFormat } from "../../format";
import { type FieldInput, initialValues, missingRequired, valuesBody } from "./formValues";
import { FieldInputs } from "./ListingFields";
import { listingKeys, listingQueries } from "./queries";
import { QuotePrice, ResponseStateBadge, responseFieldLabel } from "./responseLabels";
import type { Listing, ResponseSummary } from "./types";

/** One response in a list: who, its state, when, and what it offers. */
export function ResponseItem({ r, show }: { r: ResponseSummary; show: "organization" | "listing" }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/responses/${r.id}`} fw={600}>
            {show === "organization"
              ? r.organization.shortName
              : t("responses.toListing", { title: r.listing.titleRu })}
          </Anchor>
          <ResponseStateBadge type={r.type} state={r.state} />
        </Group>
        {r.type === "quote" && <QuotePrice values={r.values} />}
        <Text size="sm" c="dimmed">
          {t(`responses.${r.type}.title`)} · {format.dateTime(r.createdAt)}
          {show === "listing" && ` · ${r.listing.organization.shortName}`}
        </Text>
        {typeof r.values.message === "string" && (
          <Text size="sm" lineClamp={2}>
            {r.values.message}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The listing's organization: every response, the ones under way first. */
function OwnerResponses({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const query = useQuery(listingQueries.responses(listing.id));
  return (
    <SectionCard id="listing-responses" title={t("responses.ownerTitle")} titleGap="sm">
      <QueryList
        query={query}
        items={query.data?.items}
        skeleton={80}
        empty={<Text c="dimmed">{t(`responses.${responseTypeOf(listing.kind).name}.none`)}</Text>}
      >
        {(items) => (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((r) => (
              <ResponseItem key={r.id} r={r} show="organization" />
            ))}
          </Stack>
        )}
      </QueryList>
    </SectionCard>
  );
}

type RespondValues = { organizationId: string; values: Record<string, FieldInput> };

/** The form of a response, for one of the reader's organizations. */
function RespondForm({ listing, onCancel }: { listing: Listing; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const type = responseTypeOf(listing.kind);
  const decl = { kind: type.name, fields: type.fields };
  const mine = useMyOrganizations();
  // Only organizations the operator verified respond (as they publish): the others are left out, and
  // a reader with none of them is told how to get there.
  const all = mine.data?.items ?? [];
  const organizations = all
    .filter((i) => i.organization.verified)
    .map((i) => ({ value: i.organization.id, label: i.organization.shortName }));
  const active = organizations.find((o) => o.value === mine.data?.activeOrganizationId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const required = t("common.validation.required");
  const form = useForm<RespondValues>({
    mode: "uncontrolled",
    initialValues: {
      organizationId: active?.value ?? organizations[0]?.value ?? "",
      values: initialValues(decl, "").values,
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.organizationId) errors.organizationId = required;
      for (const path of missingRequired(decl, v.values)) errors[path] = required;
      return errors;
    },
  });
  if (!mine.isPending && organizations.length === 0)
    return all.length > 0 ? (
      <Stack gap="sm" align="flex-start">
        <Text>{t("responses.notVerified")}</Text>
        <Button component={Link} to={`/organizations/${all[0]!.organization.id}`} variant="light">
          {t("responses.toOrganization")}
        </Button>
      </Stack>
    ) : (
      <Stack gap="sm" align="flex-start">
        <Text>{t("responses.noOrganization")}</Text>
        <Button component={Link} to="/organizations/new" variant="light">
          {t("listings.form.registerOrganization")}
        </Button>
      </Stack>
    );
  const send = form.onSubmit(async (v) => {
    setProblem(null);
    setPending(true);
    try {
      const r = await unwrap(
        client.POST("/api/listings/{id}/responses", {
          params: { path: { id: listing.id } },
          body: { organizationId: v.organizationId, values: valuesBody(decl, v.values) },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: listingKeys.all });
      toast(t("responses.sent"));
      navigate(`/responses/${r.id}`);
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    } finally {
      setPending(false);
    }
  }, focusFirstInvalid);
  return (
    <form noValidate onSubmit={send}>
      <Stack gap="md">
        <ProblemAlert problem={problem} />
        {organizations.length > 1 && (
          <Select
            label={t("responses.organization")}
            required
            data={organizations}
            allowDeselect={false}
            key={form.key("organizationId")}
            {...form.getInputProps("organizationId")}
          />
        )}
        <FieldInputs
          fields={type.fields}
          label={(key) => responseFieldLabel(t, type.name, key)}
          form={form as never}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {t(`responses.${type.name}.send`)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Anyone but the listing's organization: their response under way, or the way to respond. */
function Respond({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const query = useQuery(listingQueries.responses(listing.id));
  const [open, setOpen] = useState(false);
  const type = responseTypeOf(listing.kind);
  const current = query.data?.items.find((r) => r.active);
  return (
    <SectionCard id="listing-respond" title={t(`responses.${type.name}.title`)} titleGap="sm">
      {query.isError ? (
        <ProblemAlert error={query.error} />
      ) : current ? (
        <Alert color="blue" variant="light">
          <Stack gap={6} align="flex-start">
            <Group gap="xs">
              <Text>{t("responses.already")}</Text>
              <ResponseStateBadge type={current.type} state={current.state} />
            </Group>
            <Anchor component={Link} to={`/responses/${current.id}`}>
              {t("responses.openMine")}
            </Anchor>
          </Stack>
        </Alert>
      ) : listing.state !== "published" ? (
        <Text c="dimmed">{t("responses.closed")}</Text>
      ) : open ? (
        <RespondForm listing={listing} onCancel={() => setOpen(false)} />
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text>{t(`responses.${type.name}.lead`)}</Text>
          <Button onClick={() => setOpen(true)}>{t(`responses.${type.name}.start`)}</Button>
        </Stack>
      )}
    </SectionCard>
  );
}

/** A listing's responses for a signed-in reader. */
export default function ListingResponses({ listing }: { listing: Listing }) {
  return listing.mine ? <OwnerResponses listing={listing} /> : <Respond listing={listing} />;
}
