import { Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { client, multipart, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { directoryQueries } from "../directory/queries";
import { DocumentForm } from "./DocumentForm";

/** A company whose INN someone else registered claims the organization with a document. */
export default function ClaimPage() {
  const { t } = useTranslation();
  usePageTitle(t("verification.claim.title"));
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const org = useQuery(directoryQueries.organization(id));
  const send = useMutation({
    mutationFn: (body: FormData) =>
      unwrap(
        client.POST("/api/organizations/{id}/claims", { params: { path: { id } }, body: multipart(body) }),
      ),
    onSuccess: () => {
      toast(t("verification.claim.sent"));
      navigate("/claims");
    },
  });
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/organizations/new", label: t("verification.claim.back") }}
        title={t("verification.claim.title")}
      />
      {org.isError ? (
        <ProblemAlert error={org.error} />
      ) : (
        org.data && (
          <Text fw={600}>
            {org.data.organization.shortName}
            {org.data.organization.inn
              ? ` · ${t("verification.inn", { inn: org.data.organization.inn })}`
              : ""}
          </Text>
        )
      )}
      <Text maw={760}>{t("verification.claim.lead")}</Text>
      <Text maw={760} size="sm">
        {t("verification.claim.privacy")}
      </Text>
      <DocumentForm
        submitLabel={t("verification.claim.submit")}
        loading={send.isPending}
        error={send.error}
        onSubmit={(body) => send.mutate(body)}
      />
    </Stack>
  );
}
