import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import { toast, toastError } from "../../components/toast";
import { warnAlert } from "./labels";
import { orgKeys, orgQueries } from "./queries";

/**
 * A participant's or partner's new name waiting for the operator (or just rejected): the organization
 * keeps its name until the operator approves. Managers may withdraw the request.
 */
export function NameChangeNotice({ orgId, canCancel }: { orgId: string; canCancel: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useQuery(orgQueries.nameChange(orgId));
  const cancel = useMutation({
    mutationFn: () =>
      client.DELETE("/api/organizations/{id}/name-change", { params: { path: { id: orgId } } }),
    onSuccess: () => {
      toast(t("organizations.nameChange.cancelled"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.nameChange(orgId) });
    },
    onError: toastError,
  });
  const nc = q.data;
  if (!nc || (nc.state !== "pending" && nc.state !== "rejected")) return null;
  if (nc.state === "rejected")
    return (
      <Alert {...warnAlert} title={t("organizations.nameChange.rejectedTitle", { name: nc.shortName })}>
        {nc.operatorComment ?? ""}
      </Alert>
    );
  return (
    <Alert {...warnAlert} role="status" title={t("organizations.nameChange.pendingTitle")}>
      <Stack gap="xs">
        <Text size="sm">
          {t("organizations.nameChange.pendingText", { short: nc.shortName, full: nc.fullName })}
        </Text>
        {canCancel && (
          <Button
            size="xs"
            variant="default"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
            style={{ alignSelf: "flex-start" }}
          >
            {t("organizations.nameChange.cancel")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
