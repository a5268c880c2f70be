import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { identifierError } from "../../../shared/identifiers";
import { okvedSectionOfCode } from "../../../shared/okved";
import { ORG_IDENTIFIER_RULES } from "../../../shared/organizations";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { warnAlert } from "./labels";
import { compact, type OrgForm } from "./orgFormValues";
import { orgQueries } from "./queries";
import type { RegistryParty } from "./types";

/** The form's values the register's answer gives; what it lacks stays as typed. */
function fill(form: OrgForm, p: RegistryParty): void {
  const v = form.getValues();
  const section = p.okvedMain ? okvedSectionOfCode(p.okvedMain) : null;
  form.setValues({
    inn: p.inn,
    ogrn: p.ogrn ?? v.ogrn,
    kpp: p.kpp ?? v.kpp,
    fullName: p.fullName,
    shortName: p.shortName,
    legalAddress: p.legalAddress ?? v.legalAddress,
    regionCode: p.regionCode ?? v.regionCode,
    okvedMain: p.okvedMain ?? v.okvedMain,
    okvedSections:
      section && !v.okvedSections.includes(section) ? [...v.okvedSections, section] : v.okvedSections,
  });
  form.clearErrors();
}

/**
 * "Fill in from the state register": shown only when the server has a register configured; the INN
 * must be valid for the chosen type. The answer fills the form (the person checks it); when the
 * register is down or does not know the INN, the message says so and the form goes on by hand.
 */
export function RegistryLookup({ form, onFilled }: { form: OrgForm; onFilled: (p: RegistryParty) => void }) {
  const { t } = useTranslation();
  const registry = useQuery({ ...orgQueries.registry(), retry: false });
  const [filled, setFilled] = useState<RegistryParty | null>(null);
  const values = form.getValues();
  const rules = values.type ? ORG_IDENTIFIER_RULES[values.type] : null;
  const inn = compact(values.inn);
  const innOk = rules?.scheme === "russian" && identifierError(rules.inn, inn) === null;

  const lookup = useMutation({
    mutationFn: (value: string) =>
      unwrap(client.GET("/api/organizations/lookup", { params: { query: { inn: value } } })),
    onSuccess: (party) => {
      fill(form, party);
      setFilled(party);
      onFilled(party);
    },
    onError: (error) => {
      setFilled(null);
      if (error instanceof ApiError && error.errors.length > 0)
        form.setFieldError("inn", error.errors[0]?.message ?? "");
    },
  });

  if (!registry.data?.lookup || rules?.scheme !== "russian") return null;
  return (
    <Stack gap="xs">
      <Text size="sm" id="registry-lookup-hint">
        {t("organizations.new.lookup.hint")}
      </Text>
      <Button
        variant="default"
        style={{ alignSelf: "flex-start" }}
        disabled={!innOk}
        aria-describedby="registry-lookup-hint"
        loading={lookup.isPending}
        onClick={() => lookup.mutate(inn)}
      >
        {t("organizations.new.lookup.button")}
      </Button>
      {lookup.isError && !(lookup.error instanceof ApiError && lookup.error.errors.length > 0) && (
        <ProblemAlert error={lookup.error} title={t("organizations.new.lookup.failedTitle")} />
      )}
      {filled && (
        <Alert
          color="green"
          variant="light"
          role="status"
          styles={{ title: { color: "var(--mantine-color-text)" } }}
          title={t("organizations.new.lookup.filled", { name: filled.shortName })}
        >
          {t("organizations.new.lookup.check")}
        </Alert>
      )}
      {filled && filled.state !== "active" && filled.state !== "unknown" && (
        <Alert {...warnAlert} title={t(`organizations.new.lookup.state.${filled.state}`)}>
          {t("organizations.new.lookup.stateHint")}
        </Alert>
      )}
    </Stack>
  );
}
