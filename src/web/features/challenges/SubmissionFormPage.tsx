import { Alert, Anchor, Button, Group, Select, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { submitterRefusal } from "../../../shared/challengeEligibility";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { challengeKeys, challengeQueries } from "./queries";
import { SubmissionFields, type SubmissionValues } from "./SubmissionFields";
import { useRefusalText } from "./topics";

/** An organization submits its solution to a challenge (until the deadline, Moscow time). */
export default function SubmissionFormPage() {
  const { t } = useTranslation();
  usePageTitle(t("challenges.submission.newTitle"));
  const format = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id = "" } = useParams();
  const challenge = useQuery(challengeQueries.challenge(id));
  const mine = useMyOrganizations();
  const orgs = mine.data?.items ?? [];
  const [orgId, setOrgId] = useState<string | null>(null);
  const refusalOf = (o: (typeof orgs)[number]["organization"]) =>
    challenge.data
      ? submitterRefusal(
          { orgTypes: challenge.data.orgTypes, participantsOnly: challenge.data.participantsOnly },
          o,
        )
      : null;
  const active = orgs.find((o) => o.organization.id === mine.data?.activeOrganizationId);
  // The active organization when it may submit, else the first one that may.
  const preferred =
    (active && !refusalOf(active.organization) ? active : orgs.find((o) => !refusalOf(o.organization))) ??
    active ??
    orgs[0];
  const organizationId = orgId ?? preferred?.organization.id ?? null;
  const chosen = orgs.find((o) => o.organization.id === organizationId)?.organization;
  const refusal = chosen ? refusalOf(chosen) : null;
  const refusalText = useRefusalText();
  const [v, setV] = useState<SubmissionValues>({
    solution: "",
    trl: 5,
    ipStatus: "patented",
    price: null,
    pilotPlan: "",
  });
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/submissions", {
          params: { path: { id } },
          body: { ...v, organizationId: organizationId ?? "" },
        }),
      ),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
      navigate(`/challenges/submissions/${s.id}`);
    },
  });
  if (challenge.isPending || mine.isPending) return <Skeleton height={300} />;
  if (challenge.error) return <ProblemAlert error={challenge.error} />;
  const c = challenge.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/challenges/${id}`, label: c.titleRu }}
        title={t("challenges.submission.newTitle")}
        subtitle={t("challenges.submission.lead", { deadline: format.wallTime(c.deadline) })}
      />
      {orgs.length === 0 ? (
        <Alert color="yellow">
          {t("challenges.submission.noOrganization")}{" "}
          <Link to="/organizations/new">{t("challenges.submission.registerOrganization")}</Link>
        </Alert>
      ) : (
        <MutationForm onSubmit={() => submit.mutate()} error={submit.error} gap="md">
          <Select
            label={t("challenges.form.organization")}
            data={orgs.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
            value={organizationId}
            allowDeselect={false}
            onChange={setOrgId}
          />
          {refusal && chosen ? (
            <Alert color="yellow" role="status">
              <Stack gap={6}>
                <Text size="sm">{refusalText(refusal, chosen.shortName, c.orgTypes)}</Text>
                {orgs.every((o) => refusalOf(o.organization)) && orgs.length > 1 && (
                  <Text size="sm">{t("challenges.topics.noneEligible")}</Text>
                )}
                {refusal === "participants-only" && (
                  <Anchor component={Link} to={`/organizations/${chosen.id}/status`} size="sm">
                    {t("challenges.topics.becomeParticipant")}
                  </Anchor>
                )}
              </Stack>
            </Alert>
          ) : (
            <>
              <SubmissionFields v={v} set={(p) => setV((x) => ({ ...x, ...p }))} error={submit.error} />
              <Group>
                <Button type="submit" loading={submit.isPending}>
                  {t("challenges.submission.send")}
                </Button>
              </Group>
            </>
          )}
        </MutationForm>
      )}
    </Stack>
  );
}
