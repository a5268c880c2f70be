import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { LISTING_KIND_NAMES, type ListingKindName } from "../../../shared/listings";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { ConflictAlert } from "../../components/ConflictAlert";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { type FormValues, initialValues, missingRequired, toInput, valuesBody } from "./formValues";
import { kindSettingsQuery } from "./KindSettings";
import { ListingFields } from "./ListingFields";
import { FieldList, fieldLabel, isKind, kindOf } from "./labels";
import { listingKeys, listingQueries } from "./queries";
import type { Listing } from "./types";

const fromListing = (l: Listing): FormValues => {
  // A published listing with a pending change is edited from the change.
  const c = l.pending ?? l;
  return {
    organizationId: l.organization.id,
    titleRu: c.titleRu,
    titleEn: c.titleEn ?? "",
    descriptionRu: c.descriptionRu,
    descriptionEn: c.descriptionEn ?? "",
    values: Object.fromEntries(kindOf(l.kind).fields.map((f) => [f.key, toInput(f, c.values[f.key])])),
  };
};

/** The form's parts that differ between two sets of values, as the form labels them. */
function differences(
  kind: ListingKindName,
  mine: FormValues,
  theirs: FormValues,
  label: (key: string) => string,
) {
  const out: string[] = [];
  for (const key of ["titleRu", "descriptionRu", "titleEn", "descriptionEn"] as const)
    if (mine[key].trim() !== theirs[key].trim()) out.push(label(`listings.form.${key}`));
  const a = valuesBody(kindOf(kind), mine.values);
  const b = valuesBody(kindOf(kind), theirs.values);
  for (const f of kindOf(kind).fields)
    if (JSON.stringify(a[f.key] ?? null) !== JSON.stringify(b[f.key] ?? null)) out.push(label(f.key));
  return out;
}

/** The listing as saved meanwhile: what differs from the input, its title, description and fields. */
function CurrentVersion({
  kind,
  current,
  mine,
}: {
  kind: ListingKindName;
  current: Listing;
  mine: FormValues;
}) {
  const { t } = useTranslation();
  const theirs = fromListing(current);
  const content = current.pending ?? current;
  const differ = differences(kind, mine, theirs, (key) =>
    key.startsWith("listings.") ? t(key) : fieldLabel(t, kind, key),
  );
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t("listings.form.conflict.current")}
        </Text>
        <Text size="sm">
          {differ.length
            ? t("listings.form.conflict.differ", { list: differ.join(", ") })
            : t("listings.form.conflict.same")}
        </Text>
        <Text size="sm" fw={500}>
          {content.titleRu}
        </Text>
        <Text size="sm" lineClamp={3}>
          {content.descriptionRu}
        </Text>
        <FieldList kind={kind} values={content.values} />
      </Stack>
    </Card>
  );
}

function ListingForm({
  kind,
  listing,
  organizations,
}: {
  kind: ListingKindName;
  listing?: Listing;
  organizations: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [version, setVersion] = useState(listing?.version);
  const required = t("common.validation.required");
  const form = useForm<FormValues>({
    mode: "uncontrolled",
    initialValues: listing
      ? fromListing(listing)
      : initialValues(kindOf(kind), organizations[0]?.value ?? ""),
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.titleRu.trim()) errors.titleRu = required;
      if (!v.descriptionRu.trim()) errors.descriptionRu = required;
      if (!v.organizationId) errors.organizationId = required;
      for (const path of missingRequired(kindOf(kind), v.values)) errors[path] = required;
      return errors;
    },
  });

  // A stale save (409): the listing as someone else saved it meanwhile; the input stays in the form.
  const [conflict, setConflict] = useState<Listing | null>(null);

  const send = async (v: FormValues, atVersion: number | undefined) => {
    setProblem(null);
    setPending(true);
    const content = {
      titleRu: v.titleRu,
      titleEn: v.titleEn || null,
      descriptionRu: v.descriptionRu,
      descriptionEn: v.descriptionEn || null,
      values: valuesBody(kindOf(kind), v.values),
    };
    try {
      const saved = listing
        ? await unwrap(
            client.PATCH("/api/listings/{id}", {
              params: { path: { id: listing.id } },
              body: { ...content, version: atVersion ?? listing.version },
            }),
          )
        : await unwrap(
            client.POST("/api/listings", { body: { ...content, kind, organizationId: v.organizationId } }),
          );
      setConflict(null);
      queryClient.setQueryData(listingKeys.listing(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: listingKeys.all });
      toast(t("listings.form.saved"));
      navigate(`/listings/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.is("listing-changed") && error.body.current) {
        setConflict(error.body.current as Listing);
      } else setProblem(applyServerErrors(form, error));
    } finally {
      setPending(false);
    }
  };
  const save = form.onSubmit((v) => send(v, version), focusFirstInvalid);
  /** Saves the input over the current version (its number), after the form's own checks. */
  const overwrite = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    if (!form.validate().hasErrors) void send(form.getValues(), conflict.version);
  };
  /** Drops the input and loads the current version. */
  const reload = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    form.setValues(fromListing(conflict));
    form.clearErrors();
    setConflict(null);
  };

  return (
    <form noValidate onSubmit={save}>
      <Stack gap="lg" maw={760}>
        {listing?.state === "published" && (
          <Alert color="blue" variant="light">
            {t("listings.form.publishedNote")}
          </Alert>
        )}
        <ProblemAlert problem={problem} />
        {conflict && (
          <ConflictAlert
            title={t("listings.form.conflict.title")}
            text={t("listings.form.conflict.text")}
            overwrite={{ label: t("listings.form.conflict.overwrite"), onClick: overwrite, loading: pending }}
            reload={{ label: t("listings.form.conflict.reload"), onClick: reload }}
          >
            <CurrentVersion kind={kind} current={conflict} mine={form.getValues()} />
          </ConflictAlert>
        )}
        <Card withBorder padding="lg">
          <Stack gap="md">
            {!listing && (
              <Select
                label={t("listings.form.organization")}
                required
                data={organizations}
                allowDeselect={false}
                key={form.key("organizationId")}
                {...form.getInputProps("organizationId")}
              />
            )}
            <TextInput
              label={t("listings.form.titleRu")}
              required
              maxLength={200}
              key={form.key("titleRu")}
              {...form.getInputProps("titleRu")}
            />
            <Textarea
              label={t("listings.form.descriptionRu")}
              required
              autosize
              minRows={4}
              maxLength={5000}
              key={form.key("descriptionRu")}
              {...form.getInputProps("descriptionRu")}
            />
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2} size="h3">
              {t(`listings.kinds.${kind}.title`)}
            </Title>
            <ListingFields kind={kind} form={form} />
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <TextInput
              label={t("listings.form.titleEn")}
              description={t("listings.form.english")}
              maxLength={200}
              lang="en"
              key={form.key("titleEn")}
              {...form.getInputProps("titleEn")}
            />
            <Textarea
              label={t("listings.form.descriptionEn")}
              description={t("listings.form.english")}
              autosize
              minRows={3}
              maxLength={5000}
              lang="en"
              key={form.key("descriptionEn")}
              {...form.getInputProps("descriptionEn")}
            />
          </Stack>
        </Card>
        <Group>
          <Button type="submit" loading={pending}>
            {!listing
              ? t("listings.form.save")
              : listing.state === "published"
                ? t("listings.form.saveAndSubmit")
                : t("listings.form.saveChanges")}
          </Button>
          <Button variant="default" component={Link} to={listing ? `/listings/${listing.id}` : "/exchanges"}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new listing of the kind in ?kind= for one of the member's organizations. */
export function NewListingPage() {
  const { t } = useTranslation();
  usePageTitle(t("listings.form.newTitle"));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get("kind") ?? undefined;
  const kind: ListingKindName = isKind(kindParam) ? kindParam : "capability";
  const mine = useMyOrganizations();
  const settings = useQuery(kindSettingsQuery);
  const limited = settings.data?.items.some((s) => s.kind === kind && s.participantsOnly) ?? false;
  const organizations = (mine.data?.items ?? [])
    .map((i) => ({ value: i.organization.id, label: i.organization.shortName }))
    .sort((a, b) =>
      a.value === mine.data?.activeOrganizationId ? -1 : b.value === mine.data?.activeOrganizationId ? 1 : 0,
    );
  return (
    <Stack gap="lg">
      <PageHeader title={t("listings.form.newTitle")} subtitle={t(`listings.kinds.${kind}.lead`)} />
      {mine.isPending ? (
        <Skeleton height={300} />
      ) : mine.error ? (
        <ProblemAlert error={mine.error} />
      ) : organizations.length === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            {t("listings.form.noOrganization")}
            <Anchor component={Link} to="/organizations/new">
              {t("listings.form.registerOrganization")}
            </Anchor>
          </Stack>
        </Card>
      ) : (
        <>
          <Select
            label={t("listings.form.kind")}
            maw={420}
            data={LISTING_KIND_NAMES.map((k) => ({ value: k, label: t(`listings.kinds.${k}.title`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setParams({ kind: v }, { replace: true })}
          />
          {limited && (
            <Alert color="blue" variant="light">
              {t("listings.form.participantsOnly")}
            </Alert>
          )}
          <ListingForm key={kind} kind={kind} organizations={organizations} />
        </>
      )}
    </Stack>
  );
}

/** Editing a listing (its organization's members). */
export function EditListingPage() {
  const { t } = useTranslation();
  usePageTitle(t("listings.form.editTitle"));
  const { id = "" } = useParams();
  const listing = useQuery(listingQueries.listing(id));
  return (
    <Stack gap="lg">
      <PageHeader title={t("listings.form.editTitle")} />
      {listing.isPending ? (
        <Skeleton height={300} />
      ) : listing.error || !listing.data.mine ? (
        <ProblemAlert error={listing.error ?? new Error(t("listings.page.notFound"))} />
      ) : (
        <ListingForm kind={listing.data.kind} listing={listing.data} organizations={[]} />
      )}
    </Stack>
  );
}
