import { Alert, Anchor, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
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
import { teamQueries } from "../teams/queries";
import { challengeKeys, challengeQueries } from "./queries";
import { SubmissionFields, type SubmissionValues } from "./SubmissionFields";
import { SubmitterChoice, submitterOf, submitterOptions } from "./SubmitterChoice";
import { useRefusalText } from "./topics";

/** An organization or a team submits its solution to a challenge (until the deadline, Moscow time). */
export default function SubmissionFormPage() {
  const { t } = useTranslation();
  usePageTitle(t("challengesWork.submission.newTitle"));
  const format = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id = "" } = useParams();
  const challenge = useQuery(challengeQueries.challenge(id));
  const mine = useMyOrganizations();
  const orgs = mine.data?.items ?? [];
  const teams = useQuery({ ...teamQueries.mine(), enabled: Boolean(challenge.data?.teamsAllowed) });
  const myTeams = (teams.data?.items ?? []).map((x) => ({ id: x.id, name: x.name }));
  const organizations = orgs.map((o) => o.organization);
  const [chosen, setChosen] = useState<string | null>(null);
  const options = challenge.data ? submitterOptions(challenge.data, organizations, myTeams) : [];
  const refusalOf = (o: (typeof organizations)[number]) =>
    challenge.data
      ? submitterRefusal(
          { orgTypes: challenge.data.orgTypes, participantsOnly: challenge.data.participantsOnly },
          o,
        )
      : null;
  const orgOf = (option: string | null) =>
    option?.startsWith("org:") ? organizations.find((o) => `org:${o.id}` === option) : undefined;
  const mayApply = (option: string) => {
    const o = orgOf(option);
    return !o || !refusalOf(o);
  };
  const active = mine.data?.activeOrganizationId;
  // The active organization when it may submit, else the first option that may (a team always may).
  const submitter =
    chosen ??
    (active && options.includes(`org:${active}`) && mayApply(`org:${active}`)
      ? `org:${active}`
      : (options.find(mayApply) ?? options[0] ?? null));
  const chosenOrg = orgOf(submitter);
  const refusal = chosenOrg ? refusalOf(chosenOrg) : null;
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
          body: { ...v, ...(submitterOf(submitter) ?? { organizationId: "" }) },
        }),
      ),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
      navigate(`/challenges/submissions/${s.id}`);
    },
  });
  if (challenge.isPending || mine.isPending || (challenge.data?.teamsAllowed && teams.isPending))
    return <Skeleton height={300} />;
  if (challenge.error) return <ProblemAlert error={challenge.error} />;
  const c = challenge.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/challenges/${id}`, label: c.titleRu }}
        title={t("challengesWork.submission.newTitle")}
        subtitle={t("challengesWork.submission.lead", { deadline: format.wallTime(c.deadline) })}
      />
      {options.length === 0 ? (
        c.teamsOnly ? (
          <Alert color="yellow">
            {t("teams.submitter.none")} <Link to="/teams">{t("teams.submitter.myTeams")}</Link>
          </Alert>
        ) : (
          <Alert color="yellow">
            {t("challengesWork.submission.noOrganization")}{" "}
            <Link to="/organizations/new">{t("challengesWork.submission.registerOrganization")}</Link>
          </Alert>
        )
      ) : (
        <MutationForm onSubmit={() => submit.mutate()} error={submit.error} gap="md">
          <SubmitterChoice
            organizations={organizations}
            teams={myTeams}
            teamsAllowed={c.teamsAllowed}
            teamsOnly={c.teamsOnly}
            value={submitter}
            onChange={setChosen}
          />
          {refusal && chosenOrg ? (
            <Alert color="yellow" role="status">
              <Stack gap={6}>
                <Text size="sm">{refusalText(refusal, chosenOrg.shortName, c.orgTypes)}</Text>
                {!options.some(mayApply) && options.length > 1 && (
                  <Text size="sm">{t("challenges.topics.noneEligible")}</Text>
                )}
                {refusal === "participants-only" && (
                  <Anchor component={Link} to={`/organizations/${chosenOrg.id}/status`} size="sm">
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
                  {t("challengesWork.submission.send")}
                </Button>
              </Group>
            </>
          )}
        </MutationForm>
      )}
    </Stack>
  );
}
