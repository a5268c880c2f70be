import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { fieldError } from "./fieldErrors";
import { submitterName } from "./labels";
import type { Challenge, Evaluation } from "./types";

type Winner = Evaluation["ranking"][number]["submission"];

const startedKey = (challengeId: string) => ["pilots", "winners", challengeId] as const;

/** The sites to choose from: the challenge owner's own first; any site when it has none. */
function useSites(ownerId: string) {
  const own = useQuery({
    queryKey: ["pilots", "sites", { owner: ownerId, pageSize: 100 }],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/pilot-sites", { params: { query: { owner: ownerId, pageSize: 100 } }, signal }),
      ),
  });
  const none = own.data?.items.length === 0;
  const any = useQuery({
    queryKey: ["pilots", "sites", { pageSize: 100 }],
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/pilot-sites", { params: { query: { pageSize: 100 } }, signal })),
    enabled: none,
  });
  return { sites: (none ? any.data?.items : own.data?.items) ?? [], own: !none };
}

interface Values {
  siteId: string | null;
  expectedEffect: string;
  team: string;
  needs: string;
  dateFrom: string;
  dateTo: string;
  publishResult: boolean;
}

/** Starting a winner's pilot at a site: the site, the expected effect, the team, the needs, the dates. */
function StartForm({ c, winner, onStarted }: { c: Challenge; winner: Winner; onStarted: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { sites, own } = useSites(c.organization.id);
  const [v, setV] = useState<Values>({
    siteId: null,
    expectedEffect: "",
    team: "",
    needs: "",
    dateFrom: "",
    dateTo: "",
    publishResult: true,
  });
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/pilot-winners", {
          body: { ...v, siteId: v.siteId ?? "", challengeId: c.id, submissionId: winner.id },
        }),
      ),
    onSuccess: () => {
      toast(t("pilotsResults.winner.started"));
      onStarted();
      void qc.invalidateQueries({ queryKey: startedKey(c.id) });
    },
    onError: (e) => {
      // started meanwhile (another tab, another manager): the list then shows its link
      if (e instanceof ApiError && e.status === 409)
        void qc.invalidateQueries({ queryKey: startedKey(c.id) });
    },
  });
  const text = (field: "expectedEffect" | "team" | "needs") => (
    <Textarea
      label={t(`pilotsResults.winner.${field}`)}
      required
      autosize
      minRows={2}
      value={v[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={fieldError(start.error, field)}
    />
  );
  return (
    <MutationForm
      onSubmit={() => start.mutate()}
      error={start.error}
      aria-labelledby={`pilot-form-${winner.id}`}
      lead={
        <Text fw={600} id={`pilot-form-${winner.id}`}>
          {t("pilotsResults.winner.formTitle", { name: submitterName(winner) })}
        </Text>
      }
    >
      <Select
        label={t("pilotsResults.winner.site")}
        description={own ? t("pilotsResults.winner.siteOwn") : t("pilotsResults.winner.siteAny")}
        required
        searchable
        data={sites.map((s) => ({ value: s.id, label: s.name }))}
        value={v.siteId}
        onChange={(id) => set({ siteId: id })}
        error={fieldError(start.error, "siteId")}
      />
      {text("expectedEffect")}
      {text("team")}
      {text("needs")}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("pilotsResults.winner.dateFrom")}
          required
          value={v.dateFrom}
          onChange={(e) => set({ dateFrom: e.currentTarget.value })}
          error={fieldError(start.error, "dateFrom")}
        />
        <TextInput
          type="date"
          label={t("pilotsResults.winner.dateTo")}
          required
          value={v.dateTo}
          onChange={(e) => set({ dateTo: e.currentTarget.value })}
          error={fieldError(start.error, "dateTo")}
        />
      </SimpleGrid>
      <Checkbox
        label={t("pilotsResults.winner.publishResult")}
        checked={v.publishResult}
        onChange={(e) => set({ publishResult: e.currentTarget.checked })}
      />
      <Group>
        <Button type="submit" loading={start.isPending}>
          {t("pilotsResults.winner.start")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/**
 * The published winners' pilots on the owner's evaluation page: a winner with a pilot links to it, one
 * without offers to start it at a site (a team tied to no organization is refused with the reason).
 */
export default function WinnerPilots({ c, e }: { c: Challenge; e: Evaluation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const started = useQuery({
    queryKey: startedKey(c.id),
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/pilot-winners", { params: { query: { challengeId: c.id } }, signal })),
  });
  const winners = e.ranking.filter((r) => r.decision === "winner").map((r) => r.submission);
  if (winners.length === 0) return null;
  const pilotOf = (id: string) => started.data?.items.find((i) => i.submissionId === id)?.pilot;
  return (
    <SectionCard id="ch-pilots" title={t("pilotsResults.winner.title")} stack="sm">
      <Text size="sm">{t("pilotsResults.winner.lead")}</Text>
      <ProblemAlert error={started.error} />
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
        {winners.map((w) => {
          const pilot = pilotOf(w.id);
          return (
            <Stack component="li" key={w.id} gap="xs">
              <Text fw={600}>{submitterName(w)}</Text>
              {pilot ? (
                <Text size="sm">
                  <Anchor component={Link} to={`/pilots/${pilot.id}`}>
                    {t("pilotsResults.winner.pilot", { site: pilot.site.name })}
                  </Anchor>
                </Text>
              ) : open === w.id ? (
                <StartForm c={c} winner={w} onStarted={() => setOpen(null)} />
              ) : (
                <Group>
                  <Button
                    variant="light"
                    loading={started.isPending}
                    onClick={() => setOpen(w.id)}
                    aria-label={t("pilotsResults.winner.startFor", { name: submitterName(w) })}
                  >
                    {t("pilotsResults.winner.start")}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
