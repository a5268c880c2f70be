import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import { EmailLink } from "../../components/ContactText";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import { orgKeys, orgQueries } from "./queries";

export function JoinRequests({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const requests = useQuery(orgQueries.joinRequests(orgId));
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "approve" | "reject" }) =>
      client.POST(
        action === "approve"
          ? "/api/organizations/{id}/join-requests/{subId}/approve"
          : "/api/organizations/{id}/join-requests/{subId}/reject",
        { params: { path: { id: orgId, subId: id } } },
      ),
    onSuccess: (_d, vars) => {
      toast(
        vars.action === "approve"
          ? t("organizations.joinRequests.approved")
          : t("organizations.joinRequests.rejected"),
      );
      void queryClient.invalidateQueries({ queryKey: orgKeys.joinRequests(orgId) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });
    },
    onError: (error) => {
      toastError(error);
      void queryClient.invalidateQueries({ queryKey: orgKeys.joinRequests(orgId) });
    },
  });
  const pending = (requests.data ?? []).filter((r) => r.state === "pending");
  return (
    <SectionCard id="join-requests-title" title={t("organizations.joinRequests.title")}>
      <QueryList
        query={requests}
        items={requests.data && pending}
        skeleton={60}
        empty={<Text size="sm">{t("organizations.joinRequests.empty")}</Text>}
      >
        {(pending) => (
          <Stack gap="sm">
            {pending.map((r) => (
              <Card key={r.id} withBorder padding="sm">
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <div style={{ minWidth: 0, flex: "1 1 16rem" }}>
                    <Text fw={600}>{r.user.fullName}</Text>
                    <Text size="sm" style={{ wordBreak: "break-all" }}>
                      <EmailLink email={r.user.email} />
                    </Text>
                    <Text size="xs">
                      {t("organizations.joinRequests.sentAt", { date: format.dateTime(r.createdAt) })}
                    </Text>
                    {r.message && (
                      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                        {t("organizations.joinRequests.message", { message: r.message })}
                      </Text>
                    )}
                  </div>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      loading={
                        decide.isPending &&
                        decide.variables?.id === r.id &&
                        decide.variables.action === "approve"
                      }
                      onClick={() => decide.mutate({ id: r.id, action: "approve" })}
                      aria-label={t("organizations.joinRequests.approveFor", { name: r.user.fullName })}
                    >
                      {t("organizations.joinRequests.approve")}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      loading={
                        decide.isPending &&
                        decide.variables?.id === r.id &&
                        decide.variables.action === "reject"
                      }
                      onClick={() => decide.mutate({ id: r.id, action: "reject" })}
                      aria-label={t("organizations.joinRequests.rejectFor", { name: r.user.fullName })}
                    >
                      {t("organizations.joinRequests.reject")}
                    </Button>
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </QueryList>
    </SectionCard>
  );
}
