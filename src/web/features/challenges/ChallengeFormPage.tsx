import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  CRITERIA_MAX,
  criteriaIssues,
  REWARD_TYPES,
  type RewardType,
  rewardAmountRule,
  weightSum,
} from "../../../shared/challenges";
import { CHALLENGE_VISIBILITIES, type ChallengeVisibility } from "../../../shared/challenges.qa";
import type { OkvedSectionLetter } from "../../../shared/okved";
import type { TagSlug } from "../../../shared/tags";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { fieldError } from "./fieldErrors";
import { challengeKeys, challengeQueries } from "./queries";
import { TopicsFields, type TopicsValues } from "./TopicsFields";
import type { Challenge } from "./types";

type Criterion = { name: string; description: string; weight: number };

interface Values extends TopicsValues {
  organizationId: string | null;
  titleRu: string;
  problemRu: string;
  expectedResultRu: string;
  requirementsRu: string;
  minTrl: number | null;
  rewardType: RewardType;
  rewardAmount: number | null;
  deadline: string;
  stages: 1 | 2;
  criteria: Criterion[];
  visibility: ChallengeVisibility;
  ndaRu: string;
  teamsAllowed: boolean;
  teamsOnly: boolean;
}

const EMPTY: Values = {
  organizationId: null,
  titleRu: "",
  problemRu: "",
  expectedResultRu: "",
  requirementsRu: "",
  minTrl: null,
  rewardType: "paid_pilot",
  rewardAmount: null,
  deadline: "",
  stages: 1,
  industries: [],
  tags: [],
  orgTypes: [],
  participantsOnly: false,
  teamsAllowed: false,
  teamsOnly: false,
  criteria: [
    { name: "", description: "", weight: 50 },
    { name: "", description: "", weight: 50 },
  ],
  visibility: "public",
  ndaRu: "",
};

const fromChallenge = (c: Challenge): Values => ({
  organizationId: c.organization.id,
  titleRu: c.titleRu,
  problemRu: c.problemRu ?? "",
  expectedResultRu: c.expectedResultRu ?? "",
  requirementsRu: c.requirementsRu ?? "",
  minTrl: c.minTrl,
  rewardType: c.rewardType,
  rewardAmount: c.rewardAmount,
  deadline: c.deadline,
  stages: c.stages === 2 ? 2 : 1,
  industries: c.industries as OkvedSectionLetter[],
  tags: c.tags as TagSlug[],
  orgTypes: c.orgTypes,
  participantsOnly: c.participantsOnly,
  teamsAllowed: c.teamsAllowed,
  teamsOnly: c.teamsOnly,
  criteria: c.criteria.map((x) => ({ name: x.name, description: x.description ?? "", weight: x.weight })),
  visibility: c.visibility,
  ndaRu: c.ndaRu ?? "",
});

/** The criteria editor: weights must sum to 100 — the same shared rule the server applies. */
export function CriteriaEditor({
  value,
  onChange,
  error,
}: {
  value: Criterion[];
  onChange: (next: Criterion[]) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const sum = weightSum(value);
  const sumWrong = criteriaIssues(value).some((i) => i.key === "field.challenge.weights-sum");
  const set = (i: number, patch: Partial<Criterion>) =>
    onChange(value.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("challengesWork.form.criteria")}
      </Title>
      {value.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no ids; their order is their identity
        <Card key={i} withBorder padding="sm">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              label={t("challengesWork.form.criterionName", { n: i + 1 })}
              value={c.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={fieldError(error, `criteria.${i}.name`)}
              style={{ flex: "1 1 220px" }}
              required
            />
            <NumberInput
              label={t("challengesWork.form.weight", { n: i + 1 })}
              value={c.weight}
              min={1}
              max={100}
              allowDecimal={false}
              onChange={(v) => set(i, { weight: typeof v === "number" ? v : Number(v) || 0 })}
              error={fieldError(error, `criteria.${i}.weight`)}
              w={120}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("challengesWork.form.removeCriterion", { n: i + 1 })}
              disabled={value.length <= 1}
              onClick={() => onChange(value.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          </Group>
          <Textarea
            mt="xs"
            label={t("challengesWork.form.criterionDescription", { n: i + 1 })}
            autosize
            minRows={1}
            value={c.description}
            onChange={(e) => set(i, { description: e.currentTarget.value })}
          />
        </Card>
      ))}
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="light"
          disabled={value.length >= CRITERIA_MAX}
          onClick={() => onChange([...value, { name: "", description: "", weight: Math.max(1, 100 - sum) }])}
        >
          {t("challengesWork.form.addCriterion")}
        </Button>
        <Text c={sumWrong ? "red" : "teal"} aria-live="polite" fw={500}>
          {t(sumWrong ? "challengesWork.form.weightSumWrong" : "challengesWork.form.weightSum", { sum })}
        </Text>
      </Group>
      {fieldError(error, "criteria") && <Text c="red">{fieldError(error, "criteria")}</Text>}
    </Stack>
  );
}

/** The organizations the reader may post for: where they are the owner or an admin (the server's rule). */
const postingOrganizations = <T extends { role: string }>(items: T[]) =>
  items.filter((o) => o.role === "owner" || o.role === "admin");

function ChallengeForm({ initial, challenge }: { initial: Values; challenge?: Challenge }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mine = useMyOrganizations();
  const orgs = postingOrganizations(mine.data?.items ?? []);
  const [v, setV] = useState<Values>({
    ...initial,
    organizationId:
      initial.organizationId ??
      orgs.find((o) => o.organization.id === mine.data?.activeOrganizationId)?.organization.id ??
      orgs[0]?.organization.id ??
      null,
  });
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const amount = rewardAmountRule(v.rewardType);
  const save = useMutation({
    mutationFn: () => {
      const content = {
        titleRu: v.titleRu,
        problemRu: v.problemRu,
        expectedResultRu: v.expectedResultRu,
        requirementsRu: v.requirementsRu || null,
        minTrl: v.minTrl,
        rewardType: v.rewardType,
        rewardAmount: amount === "none" ? null : v.rewardAmount,
        deadline: v.deadline,
        stages: v.stages,
        industries: v.industries,
        tags: v.tags,
        orgTypes: v.orgTypes,
        participantsOnly: v.participantsOnly,
        teamsAllowed: v.teamsAllowed || v.teamsOnly,
        teamsOnly: v.teamsOnly,
        criteria: v.criteria.map((c) => ({
          name: c.name,
          description: c.description || null,
          weight: c.weight,
        })),
        visibility: v.visibility,
        ndaRu: v.visibility === "nda" ? v.ndaRu || null : null,
      };
      return challenge
        ? unwrap(
            client.PATCH("/api/challenges/{id}", {
              params: { path: { id: challenge.id } },
              body: { ...content, version: challenge.version },
            }),
          )
        : unwrap(
            client.POST("/api/challenges", { body: { ...content, organizationId: v.organizationId ?? "" } }),
          );
    },
    onSuccess: (c) => {
      qc.setQueryData(challengeKeys.challenge(c.id), c);
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
      navigate(`/challenges/${c.id}`);
    },
  });
  const e = save.error;
  return (
    <MutationForm onSubmit={() => save.mutate()} error={e} gap="md">
      {!challenge && orgs.length > 0 && (
        <Select
          label={t("challengesWork.form.organization")}
          data={orgs.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
          value={v.organizationId}
          allowDeselect={false}
          onChange={(x) => set({ organizationId: x })}
        />
      )}
      <TextInput
        label={t("challengesWork.form.title")}
        required
        value={v.titleRu}
        onChange={(x) => set({ titleRu: x.currentTarget.value })}
        error={fieldError(e, "titleRu")}
      />
      <Textarea
        label={t("challengesWork.form.problem")}
        required
        autosize
        minRows={3}
        value={v.problemRu}
        onChange={(x) => set({ problemRu: x.currentTarget.value })}
        error={fieldError(e, "problemRu")}
      />
      <Textarea
        label={t("challengesWork.form.expected")}
        required
        autosize
        minRows={2}
        value={v.expectedResultRu}
        onChange={(x) => set({ expectedResultRu: x.currentTarget.value })}
        error={fieldError(e, "expectedResultRu")}
      />
      <Textarea
        label={t("challengesWork.form.requirements")}
        autosize
        minRows={2}
        value={v.requirementsRu}
        onChange={(x) => set({ requirementsRu: x.currentTarget.value })}
        error={fieldError(e, "requirementsRu")}
      />
      <TopicsFields v={v} set={set} error={e} />
      <Group grow wrap="wrap" align="flex-start">
        <NumberInput
          label={t("challengesWork.form.minTrl")}
          min={1}
          max={9}
          allowDecimal={false}
          value={v.minTrl ?? ""}
          onChange={(x) => set({ minTrl: typeof x === "number" ? x : null })}
          error={fieldError(e, "minTrl")}
        />
        <TextInput
          type="datetime-local"
          label={t("challengesWork.form.deadline")}
          description={t("challengesWork.form.moscowTime")}
          required
          value={v.deadline}
          onChange={(x) => set({ deadline: x.currentTarget.value })}
          error={fieldError(e, "deadline")}
        />
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <Select
          label={t("challengesWork.form.reward")}
          data={REWARD_TYPES.map((r) => ({ value: r, label: t(`challenges.rewards.${r}`) }))}
          value={v.rewardType}
          allowDeselect={false}
          onChange={(x) => x && set({ rewardType: x as RewardType })}
        />
        {amount !== "none" && (
          <NumberInput
            label={t("challengesWork.form.rewardAmount")}
            required={amount === "required"}
            min={0}
            thousandSeparator=" "
            allowDecimal={false}
            value={v.rewardAmount ?? ""}
            onChange={(x) => set({ rewardAmount: typeof x === "number" ? x : null })}
            error={fieldError(e, "rewardAmount")}
          />
        )}
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="stages-label">
          {t("challengesWork.form.stages")}
        </Text>
        <SegmentedControl
          aria-labelledby="stages-label"
          value={String(v.stages)}
          onChange={(x) => set({ stages: x === "2" ? 2 : 1 })}
          data={[
            { value: "1", label: t("challengesWork.form.oneStage") },
            { value: "2", label: t("challengesWork.form.twoStages") },
          ]}
        />
      </Stack>
      <Select
        label={t("challengesQa.form.visibility")}
        description={t(`challengesQa.visibility.hint.${v.visibility}`)}
        data={CHALLENGE_VISIBILITIES.map((x) => ({ value: x, label: t(`challengesQa.visibility.${x}`) }))}
        value={v.visibility}
        allowDeselect={false}
        onChange={(x) => x && set({ visibility: x as ChallengeVisibility })}
        error={fieldError(e, "visibility")}
      />
      {v.visibility === "nda" && (
        <Textarea
          label={t("challengesQa.form.nda")}
          description={t("challengesQa.form.ndaHint")}
          required
          autosize
          minRows={4}
          value={v.ndaRu}
          onChange={(x) => set({ ndaRu: x.currentTarget.value })}
          error={fieldError(e, "ndaRu")}
        />
      )}
      <Stack gap="xs">
        <Switch
          label={t("teams.form.allowed")}
          description={t("teams.form.allowedHint")}
          checked={v.teamsAllowed || v.teamsOnly}
          disabled={v.teamsOnly}
          onChange={(x) => set({ teamsAllowed: x.currentTarget.checked })}
        />
        <Switch
          label={t("teams.form.only")}
          description={t("teams.form.onlyHint")}
          checked={v.teamsOnly}
          onChange={(x) => set({ teamsOnly: x.currentTarget.checked })}
        />
      </Stack>
      <CriteriaEditor value={v.criteria} onChange={(criteria) => set({ criteria })} error={e} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {challenge ? t("challengesWork.form.save") : t("challengesWork.form.create")}
        </Button>
      </Group>
    </MutationForm>
  );
}

export function NewChallengePage() {
  const { t } = useTranslation();
  usePageTitle(t("challengesWork.form.newTitle"));
  const mine = useMyOrganizations();
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/challenges", label: t("challenges.catalog.title") }}
        title={t("challengesWork.form.newTitle")}
        subtitle={t("challengesWork.form.lead")}
      />
      {mine.isPending ? (
        <Skeleton height={300} />
      ) : postingOrganizations(mine.data?.items ?? []).length ? (
        <ChallengeForm initial={EMPTY} />
      ) : (
        <Alert color="yellow">
          {t("challengesWork.form.noOrganization")}{" "}
          <Link to="/organizations/new">{t("challengesWork.submission.registerOrganization")}</Link>
        </Alert>
      )}
    </Stack>
  );
}

export function EditChallengePage() {
  const { t } = useTranslation();
  usePageTitle(t("challengesWork.form.editTitle"));
  const { id = "" } = useParams();
  const q = useQuery(challengeQueries.challenge(id));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/challenges/${id}`, label: q.data?.titleRu ?? "" }}
        title={t("challengesWork.form.editTitle")}
      />
      {q.isPending ? (
        <Skeleton height={300} />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : (
        <ChallengeForm initial={fromChallenge(q.data)} challenge={q.data} />
      )}
    </Stack>
  );
}
