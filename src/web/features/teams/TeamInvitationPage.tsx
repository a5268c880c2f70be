import { Alert, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { teamKeys, teamQueries } from "./queries";

/** The page of a mailed team invitation link: accept or decline (signed in with the invited e-mail). */
export default function TeamInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("teams.invitationTitle"));
  const format = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { token = "" } = useParams();
  const q = useQuery(teamQueries.invitation(token));
  const answer = useMutation({
    mutationFn: (accept: boolean) =>
      unwrap(
        accept
          ? client.POST("/api/team-invitations/{token}/accept", { params: { path: { token } } })
          : client.POST("/api/team-invitations/{token}/decline", { params: { path: { token } } }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: teamKeys.all });
      navigate("/teams");
    },
  });
  if (q.isPending) return <Skeleton height={200} />;
  if (q.error) return <ProblemAlert error={q.error} />;
  const i = q.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t("teams.invitationTitle")} />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Text>{t("teams.invitationFrom", { team: i.team.name, inviter: i.inviter })}</Text>
          {i.state === "pending" ? (
            <>
              <Text size="sm" c="dimmed">
                {t("teams.invitationFor", { email: i.email, until: format.dateTime(i.expiresAt) })}
              </Text>
              {answer.error ? <ProblemAlert error={answer.error} /> : null}
              <Group>
                <Button loading={answer.isPending} onClick={() => answer.mutate(true)}>
                  {t("teams.accept")}
                </Button>
                <Button variant="default" disabled={answer.isPending} onClick={() => answer.mutate(false)}>
                  {t("teams.decline")}
                </Button>
              </Group>
            </>
          ) : (
            <Alert color="yellow">{t("teams.invitationUsed")}</Alert>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
