import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api";
import { client } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { useLabels, warnAlert } from "./labels";
import { orgQueries, refreshOrganizations } from "./queries";

export default function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("organizations.invitation.title"));
  const { token = "" } = useParams();
  const labels = useLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user, isLoading } = useMe();
  const next = `/invitations/${token}`;

  const validToken = token.length >= 16 && token.length <= 200;
  const preview = useQuery({ ...orgQueries.invitation(token), enabled: validToken });
  const accept = useMutation({
    mutationFn: () => client.POST("/api/invitations/accept", { body: { token } }),
    onSuccess: () => {
      const org = preview.data?.organization;
      toast(t("organizations.invitation.accepted", { name: org?.shortName ?? "" }));
      refreshOrganizations(queryClient);
      if (org) navigate(`/organizations/${org.id}`);
      else navigate("/organizations");
    },
  });

  const invalid =
    !validToken ||
    (preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.status === 400));

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t("organizations.invitation.title")}</Title>
      {invalid ? (
        <Alert {...warnAlert} role="alert" title={t("organizations.invitation.invalidTitle")}>
          <Stack gap="xs">
            <Text size="sm">{t("organizations.invitation.invalidText")}</Text>
            <Anchor component={Link} to={user ? "/organizations" : "/"} size="sm">
              {user ? t("organizations.backToMine") : t("common.backHome")}
            </Anchor>
          </Stack>
        </Alert>
      ) : preview.isError ? (
        <ProblemAlert error={preview.error} />
      ) : preview.isPending || isLoading ? (
        <Skeleton height={180} />
      ) : (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Text>{t("organizations.invitation.lead", { name: preview.data.organization.shortName })}</Text>
            <dl className="facts">
              <div>
                <dt>{t("organizations.invitation.organization")}</dt>
                <dd>{preview.data.organization.shortName}</dd>
              </div>
              <div>
                <dt>{t("organizations.invitation.role")}</dt>
                <dd>{labels.role(preview.data.role)}</dd>
              </div>
              <div>
                <dt>{t("organizations.invitation.email")}</dt>
                <dd style={{ wordBreak: "break-all" }}>{preview.data.email}</dd>
              </div>
              <div>
                <dt>{t("organizations.invitation.expires")}</dt>
                <dd>{format.dateTime(preview.data.expiresAt)}</dd>
              </div>
            </dl>
            {user ? (
              <>
                {user.email.toLowerCase() !== preview.data.email.toLowerCase() && (
                  <Alert {...warnAlert}>
                    {t("organizations.invitation.otherEmail", {
                      invited: preview.data.email,
                      current: user.email,
                    })}
                  </Alert>
                )}
                {accept.isError && (
                  <ProblemAlert
                    error={accept.error}
                    title={
                      accept.error instanceof ApiError && accept.error.status === 403
                        ? t("organizations.invitation.otherEmailTitle")
                        : undefined
                    }
                  />
                )}
                <Group gap="sm">
                  <Button onClick={() => accept.mutate()} loading={accept.isPending}>
                    {t("organizations.invitation.accept")}
                  </Button>
                </Group>
              </>
            ) : (
              <Stack gap="sm">
                <Text>{t("organizations.invitation.signedOut", { email: preview.data.email })}</Text>
                <Group gap="sm">
                  <Button component={Link} to={withNext("/signin", next)}>
                    {t("organizations.invitation.signIn")}
                  </Button>
                  <Button component={Link} to={withNext("/signup", next)} variant="default">
                    {t("organizations.invitation.signUp")}
                  </Button>
                </Group>
                <Text size="sm">{t("organizations.invitation.signUpHint")}</Text>
              </Stack>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
