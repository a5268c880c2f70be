import { Alert, Button, Group, Select, Skeleton, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { challengeKeys, challengeQueries } from "./queries";
import { SubmissionFields, type SubmissionValues } from "./SubmissionFields";

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
  const organizationId = orgId ?? mine.data?.activeOrganizationId ?? orgs[0]?.organization.id ?? null;
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
          <SubmissionFields v={v} set={(p) => setV((x) => ({ ...x, ...p }))} error={submit.error} />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t("challenges.submission.send")}
            </Button>
          </Group>
        </MutationForm>
      )}
    </Stack>
  );
}
