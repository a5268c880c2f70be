import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AWARD_KINDS, type AwardKind } from "../../../shared/challenges";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { useFormat } from "../../format";
import { fieldError } from "./fieldErrors";
import { challengeKeys } from "./queries";
import type { Submission } from "./types";

type Award = NonNullable<Submission["award"]>;

function AwardLine({ a }: { a: Award }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2}>
      <Text fw={500}>
        {t("challengeAwards.panel.recorded", {
          kind: t(`challengeAwards.kinds.${a.kind}`),
          amount: format.number(a.amount),
          date: format.date(a.awardedOn),
        })}
      </Text>
      {a.documentRu && (
        <Text size="sm" c="dimmed">
          {t("challengeAwards.panel.document", { document: a.documentRu })}
        </Text>
      )}
    </Stack>
  );
}

/** Today in the reader's calendar, as YYYY-MM-DD (the server checks the date against Moscow's today). */
const today = () => new Date().toLocaleDateString("sv-SE");

/** The form of those who manage the challenge: records the award or corrects it (naming its version). */
function AwardForm({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const a = s.award;
  const [kind, setKind] = useState<AwardKind>(a?.kind ?? "contract");
  const [amount, setAmount] = useState<number | "">(a?.amount ?? "");
  const [awardedOn, setAwardedOn] = useState(a?.awardedOn ?? today());
  const [documentRu, setDocument] = useState(a?.documentRu ?? "");
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/challenge-submissions/{id}/award", {
          params: { path: { id: s.id } },
          body: {
            kind,
            amount: amount === "" ? 0 : amount,
            awardedOn,
            documentRu: documentRu.trim() || undefined,
            version: a?.version,
          },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengeAwards.panel.saved"));
      qc.setQueryData(challengeKeys.submission(s.id), next);
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });
  return (
    <MutationForm onSubmit={() => save.mutate()} error={save.error}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("challengeAwards.panel.kind")}
          required
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as AwardKind)}
          data={AWARD_KINDS.map((k) => ({ value: k, label: t(`challengeAwards.kinds.${k}`) }))}
          error={fieldError(save.error, "kind")}
        />
        <NumberInput
          label={t("challengeAwards.panel.amount")}
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          value={amount}
          onChange={(v) => setAmount(typeof v === "number" ? v : "")}
          error={fieldError(save.error, "amount")}
        />
        <TextInput
          type="date"
          label={t("challengeAwards.panel.awardedOn")}
          required
          value={awardedOn}
          onChange={(e) => setAwardedOn(e.currentTarget.value)}
          error={fieldError(save.error, "awardedOn")}
        />
      </SimpleGrid>
      <TextInput
        label={t("challengeAwards.panel.documentRu")}
        description={t("challengeAwards.panel.documentHint")}
        maxLength={200}
        value={documentRu}
        onChange={(e) => setDocument(e.currentTarget.value)}
        error={fieldError(save.error, "documentRu")}
      />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {a ? t("challengeAwards.panel.correct") : t("challengeAwards.panel.record")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/**
 * A winner's award on its submission's page: those who manage the challenge record or correct it once
 * the results are published; the winner reads it.
 */
export function AwardPanel({ s, manage }: { s: Submission; manage: boolean }) {
  const { t } = useTranslation();
  const published = s.challenge.state === "results" || s.challenge.state === "closed";
  if (s.decision !== "winner" || !published || (!manage && !s.award)) return null;
  return (
    <SectionCard id="ch-award" title={t("challengeAwards.panel.title")}>
      <Stack gap="sm">
        {manage && <Text size="sm">{t("challengeAwards.panel.intro")}</Text>}
        {s.award ? <AwardLine a={s.award} /> : <Text c="dimmed">{t("challengeAwards.panel.none")}</Text>}
        {manage && <AwardForm key={s.award?.version ?? 0} s={s} />}
      </Stack>
    </SectionCard>
  );
}
