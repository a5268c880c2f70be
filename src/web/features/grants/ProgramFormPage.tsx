import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { GRANT_CATEGORIES, type GrantCategory } from "../../../shared/grants";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { fieldError } from "../challenges/fieldErrors";
import { kopecksOf, typedOf } from "./money";
import { ProgramFormFrame } from "./ProgramFormFrame";
import { grantKeys } from "./queries";
import type { Program } from "./types";

type Cat = { on: boolean; share: string; cap: string };
type Values = {
  titleRu: string;
  descriptionRu: string;
  legalBasisRu: string;
  legalBasisNumber: string;
  participantsOnly: boolean;
  orgTypes: string[];
  smeCategories: string[];
  noTaxDebt: boolean;
  minAgeMonths: string;
  categories: Record<GrantCategory, Cat>;
  maxPerApplicant: string;
  budget: string;
  opensAt: string;
  closesAt: string;
  checkDays: string;
};

/** An instant as Moscow's wall time for a datetime-local field, and back (Moscow is UTC+3 all year). */
const MSK = 3 * 3600_000;
const wallOf = (iso: string) => new Date(new Date(iso).getTime() + MSK).toISOString().slice(0, 16);
const instantOf = (wall: string) => (wall ? `${wall}:00+03:00` : "");

const valuesOf = (p?: Program): Values => ({
  titleRu: p?.titleRu ?? "",
  descriptionRu: p?.descriptionRu ?? "",
  legalBasisRu: p?.legalBasisRu ?? "",
  legalBasisNumber: p?.legalBasisNumber ?? "",
  participantsOnly: p?.eligibility.participantsOnly ?? true,
  orgTypes: p?.eligibility.orgTypes ?? ["legal_entity", "individual_entrepreneur"],
  smeCategories: p?.eligibility.smeCategories ?? [],
  noTaxDebt: p?.eligibility.noTaxDebt ?? true,
  minAgeMonths: p?.eligibility.minAgeMonths == null ? "" : String(p.eligibility.minAgeMonths),
  categories: Object.fromEntries(
    GRANT_CATEGORIES.map((c) => {
      const x = p?.categories.find((y) => y.category === c);
      return [
        c,
        { on: !!x, share: x ? String(x.share / 100) : "50", cap: x?.cap != null ? typedOf(x.cap) : "" },
      ];
    }),
  ) as Record<GrantCategory, Cat>,
  maxPerApplicant: p ? typedOf(p.maxPerApplicant) : "",
  budget: p ? typedOf(p.budget) : "",
  opensAt: p ? wallOf(p.opensAt) : "",
  closesAt: p ? wallOf(p.closesAt) : "",
  checkDays: String(p?.checkDays ?? 10),
});

function ProgramForm({ program }: { program?: Program }) {
  const { t } = useTranslation();
  // the options are the vocabulary's values as labelled in grants.json (src/shared/organizations.ts
  // ORG_TYPES, SME_CATEGORIES; the i18n test keeps both languages complete): importing the module would
  // bring the identifiers' checksums into a chunk of their own on every public page
  const options = (group: "orgTypes" | "sme") =>
    Object.entries(t(`grants.${group}`, { returnObjects: true }) as Record<string, string>).map(
      ([value, label]) => ({
        value,
        label,
      }),
    );
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [v, setV] = useState(() => valuesOf(program));
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const setCat = (c: GrantCategory, patch: Partial<Cat>) =>
    set({ categories: { ...v.categories, [c]: { ...v.categories[c], ...patch } } });
  const body = () => ({
    titleRu: v.titleRu,
    descriptionRu: v.descriptionRu,
    legalBasisRu: v.legalBasisRu,
    legalBasisNumber: v.legalBasisNumber,
    eligibility: {
      participantsOnly: v.participantsOnly,
      orgTypes: v.orgTypes as never,
      smeCategories: v.smeCategories as never,
      noTaxDebt: v.noTaxDebt,
      minAgeMonths: v.minAgeMonths ? Number(v.minAgeMonths) : null,
    },
    categories: GRANT_CATEGORIES.filter((c) => v.categories[c].on).map((c) => ({
      category: c,
      share: Math.round(Number(v.categories[c].share.replace(",", ".")) * 100),
      cap: v.categories[c].cap ? kopecksOf(v.categories[c].cap) : null,
    })),
    maxPerApplicant: kopecksOf(v.maxPerApplicant) ?? -1,
    budget: kopecksOf(v.budget) ?? -1,
    opensAt: instantOf(v.opensAt),
    closesAt: instantOf(v.closesAt),
    checkDays: Number(v.checkDays),
  });
  const save = useMutation({
    mutationFn: () =>
      program
        ? unwrap(
            client.PATCH("/api/grant-programs/{id}", {
              params: { path: { id: program.id } },
              body: { ...body(), version: program.version },
            }),
          )
        : unwrap(client.POST("/api/grant-programs", { body: body() })),
    onSuccess: (p) => {
      qc.setQueryData(grantKeys.program(p.id), p);
      void qc.invalidateQueries({ queryKey: grantKeys.all });
      navigate(`/grants/programs/${p.id}`);
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  const stale = save.error instanceof ApiError && save.error.is("grant-program-changed");
  return (
    <MutationForm onSubmit={() => save.mutate()} error={save.error} gap="md">
      {stale && (
        <Button variant="default" onClick={() => navigate(0)}>
          {t("grantsWork.form.reload")}
        </Button>
      )}
      <TextInput
        label={t("grantsWork.pform.title")}
        required
        value={v.titleRu}
        onChange={(e) => set({ titleRu: e.currentTarget.value })}
        error={err("titleRu")}
      />
      <Textarea
        label={t("grantsWork.pform.description")}
        required
        autosize
        minRows={4}
        value={v.descriptionRu}
        onChange={(e) => set({ descriptionRu: e.currentTarget.value })}
        error={err("descriptionRu")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("grantsWork.pform.legalBasis")}
          required
          value={v.legalBasisRu}
          onChange={(e) => set({ legalBasisRu: e.currentTarget.value })}
          error={err("legalBasisRu")}
        />
        <TextInput
          label={t("grantsWork.pform.legalNumber")}
          required
          value={v.legalBasisNumber}
          onChange={(e) => set({ legalBasisNumber: e.currentTarget.value })}
          error={err("legalBasisNumber")}
        />
      </SimpleGrid>
      <Title order={3} size="h4">
        {t("grants.program.eligibility")}
      </Title>
      <Checkbox
        label={t("grants.eligibility.participantsOnly")}
        checked={v.participantsOnly}
        onChange={(e) => set({ participantsOnly: e.currentTarget.checked })}
      />
      <Checkbox
        label={t("grants.eligibility.noTaxDebt")}
        checked={v.noTaxDebt}
        onChange={(e) => set({ noTaxDebt: e.currentTarget.checked })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Checkbox.Group
          label={t("grantsWork.pform.orgTypes")}
          value={v.orgTypes}
          onChange={(x) => set({ orgTypes: x })}
        >
          <Stack gap="xs" mt={6}>
            {options("orgTypes").map((o) => (
              <Checkbox key={o.value} size="md" value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label={t("grantsWork.pform.sme")}
          value={v.smeCategories}
          onChange={(x) => set({ smeCategories: x })}
        >
          <Stack gap="xs" mt={6}>
            {options("sme").map((o) => (
              <Checkbox key={o.value} size="md" value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t("grantsWork.pform.minAge")}
          inputMode="numeric"
          value={v.minAgeMonths}
          onChange={(e) => set({ minAgeMonths: e.currentTarget.value })}
          error={err("eligibility.minAgeMonths")}
        />
      </SimpleGrid>
      <Title order={3} size="h4">
        {t("grants.program.categories")}
      </Title>
      {GRANT_CATEGORIES.map((c, i) => (
        <SimpleGrid key={c} cols={{ base: 1, sm: 3 }}>
          <Checkbox
            mt="md"
            label={t(`grants.categories.${c}`)}
            checked={v.categories[c].on}
            onChange={(e) => setCat(c, { on: e.currentTarget.checked })}
          />
          <TextInput
            label={t("grantsWork.pform.share")}
            disabled={!v.categories[c].on}
            inputMode="decimal"
            value={v.categories[c].share}
            onChange={(e) => setCat(c, { share: e.currentTarget.value })}
            error={err(`categories.${i}.share`)}
          />
          <TextInput
            label={t("grantsWork.pform.cap")}
            disabled={!v.categories[c].on}
            inputMode="decimal"
            value={v.categories[c].cap}
            onChange={(e) => setCat(c, { cap: e.currentTarget.value })}
          />
        </SimpleGrid>
      ))}
      {err("categories") && <Text c="red.8">{err("categories")}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("grantsWork.pform.max")}
          required
          inputMode="decimal"
          value={v.maxPerApplicant}
          onChange={(e) => set({ maxPerApplicant: e.currentTarget.value })}
          error={err("maxPerApplicant")}
        />
        <TextInput
          label={t("grantsWork.pform.budget")}
          required
          inputMode="decimal"
          value={v.budget}
          onChange={(e) => set({ budget: e.currentTarget.value })}
          error={err("budget")}
        />
        <TextInput
          type="datetime-local"
          label={t("grantsWork.pform.opensAt")}
          required
          value={v.opensAt}
          onChange={(e) => set({ opensAt: e.currentTarget.value })}
          error={err("opensAt")}
        />
        <TextInput
          type="datetime-local"
          label={t("grantsWork.pform.closesAt")}
          required
          value={v.closesAt}
          onChange={(e) => set({ closesAt: e.currentTarget.value })}
          error={err("closesAt")}
        />
        <TextInput
          label={t("grantsWork.pform.checkDays")}
          required
          inputMode="numeric"
          value={v.checkDays}
          onChange={(e) => set({ checkDays: e.currentTarget.value })}
          error={err("checkDays")}
        />
      </SimpleGrid>
      <Group>
        <Button type="submit" loading={save.isPending}>
          {program ? t("grantsWork.form.save") : t("grantsWork.pform.create")}
        </Button>
      </Group>
    </MutationForm>
  );
}

export function NewProgramPage() {
  const { t } = useTranslation();
  usePageTitle(t("grantsWork.pform.newTitle"));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/grants", label: t("grants.programs.title") }}
        title={t("grantsWork.pform.newTitle")}
      />
      <ProgramForm />
    </Stack>
  );
}

export function EditProgramPage() {
  const { t } = useTranslation();
  return (
    <ProgramFormFrame title={t("grantsWork.pform.editTitle")}>
      {(p) => <ProgramForm key={p.version} program={p} />}
    </ProgramFormFrame>
  );
}
