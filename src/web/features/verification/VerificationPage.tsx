import { Alert, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { client, multipart, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { useFormat } from "../../format";
import { OrgShell } from "../organizations/OrgShell";
import { orgKeys } from "../organizations/queries";
import { DocumentForm } from "./DocumentForm";
import { verificationQueries } from "./queries";
import { RequestList } from "./RequestList";

function VerificationSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery(verificationQueries.organization(id));
  const send = useMutation({
    mutationFn: (body: FormData) =>
      unwrap(
        client.POST("/api/organizations/{id}/verification", {
          params: { path: { id } },
          body: multipart(body),
        }),
      ),
    onSuccess: () => {
      toast(t("verification.sent"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(id) });
    },
  });
  if (query.isPending) return <Text aria-busy="true">{t("common.loading")}</Text>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const v = query.data;
  const pending = v.requests.some((r) => r.state === "pending");
  return (
    <Stack gap="lg">
      {v.verified ? (
        <Alert color="teal" variant="light" title={t("verification.verifiedTitle")}>
          {t("verification.verifiedText", { date: format.dateTime(v.verifiedAt) })}
        </Alert>
      ) : pending ? (
        <Alert color="blue" variant="light" title={t("verification.pendingTitle")}>
          {t("verification.pendingText")}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text maw={760}>{t("verification.lead")}</Text>
          <DocumentForm
            submitLabel={t("verification.form.submit")}
            loading={send.isPending}
            error={send.error}
            onSubmit={(body) => send.mutate(body)}
          />
        </Stack>
      )}
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("verification.documents")}
        </Title>
        <RequestList items={v.requests} empty={t("verification.noDocuments")} />
      </Stack>
    </Stack>
  );
}

export default function VerificationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <OrgShell id={id} page={t("verification.title")}>
      {() => <VerificationSection id={id} />}
    </OrgShell>
  );
}
