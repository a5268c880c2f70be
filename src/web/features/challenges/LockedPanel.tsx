// What a reader who may not see a challenge's details gets instead: a prompt to sign in (registered-only
// and NDA challenges), or the NDA's text with its acceptance (NDA challenges). Its own chunk.
import { Alert, Button, Card, Checkbox, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { withNext } from "../../next";
import { challengeKeys } from "./queries";
import type { Challenge } from "./types";

export default function LockedPanel({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const location = useLocation();
  const qc = useQueryClient();
  const [agreed, setAgreed] = useState(false);
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/nda", { params: { path: { id: c.id } }, body: { accept: true } }),
      ),
    onSuccess: (next) => {
      toast(t("challengesQa.locked.accepted"));
      qc.setQueryData(challengeKeys.challenge(c.id), next);
      void qc.invalidateQueries({ queryKey: challengeKeys.questions(c.id) });
    },
  });
  if (c.locked === "sign_in")
    return (
      <Alert color="blue" title={t(`challengesQa.locked.signIn.${c.visibility}`)}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t("challengesQa.locked.signInText")}</Text>
          <Button component={Link} to={withNext("/signin", location.pathname)} size="sm">
            {t("challengesQa.locked.signInButton")}
          </Button>
        </Stack>
      </Alert>
    );
  return (
    <Card withBorder padding="md" aria-labelledby="ch-nda-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ch-nda-title">
          {t("challengesQa.locked.ndaTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("challengesQa.locked.ndaText")}
        </Text>
        <ScrollArea.Autosize mah={240} type="auto">
          <Text style={{ whiteSpace: "pre-line" }} lang="ru">
            {c.ndaRu}
          </Text>
        </ScrollArea.Autosize>
        <Checkbox
          label={t("challengesQa.locked.agree")}
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
        />
        {accept.error && <ProblemAlert error={accept.error} />}
        <Button
          onClick={() => accept.mutate()}
          disabled={!agreed}
          loading={accept.isPending}
          style={{ alignSelf: "flex-start" }}
        >
          {t("challengesQa.locked.accept")}
        </Button>
      </Stack>
    </Card>
  );
}
