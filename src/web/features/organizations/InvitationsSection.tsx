import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { ScrollTable, translatedHeaders } from "../../components/table/ScrollTable";
import { toast, toastError } from "../../components/toast";
import { validators } from "../../components/validation";
import { useFormat } from "../../format";
import { useLabels } from "./labels";
import { orgKeys, orgQueries } from "./queries";
import type { AssignableRole } from "./types";

const _PAGE_SIZE = 20;
const ASSIGNABLE: AssignableRole[] = ["member", "admin"];

const INVITATION_COLOR: Record<string, string> = {
  pending: "blue",
  accepted: "teal",
  revoked: "gray",
  expired: "yellow",
};

export function Invitations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const invitations = useQuery(orgQueries.invitations(orgId));
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "", role: "member" },
    validate: { email: v.email },
  });
  const invite = useMutation({
    mutationFn: (body: { email: string; role: string }) =>
      client.POST("/api/organizations/{id}/invitations", {
        params: { path: { id: orgId } },
        body: { ...body, role: body.role as AssignableRole },
      }),
    onSuccess: (_d, body) => {
      toast(t("organizations.invitations.sent", { email: body.email }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      client.DELETE("/api/organizations/{id}/invitations/{subId}", {
        params: { path: { id: orgId, subId: id } },
      }),
    onSuccess: () => {
      toast(t("organizations.invitations.revoked"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
    onError: (error) => {
      toastError(error);
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
  });

  return (
    <SectionCard id="invitations-title" title={t("organizations.invitations.title")}>
      <Stack gap="md">
        <form
          noValidate
          aria-label={t("organizations.invitations.formLabel")}
          onSubmit={form.onSubmit((values) => {
            setProblem(null);
            invite.mutate({ email: values.email.trim(), role: values.role });
          }, focusFirstInvalid)}
        >
          <Stack gap="sm">
            <Text size="sm">{t("organizations.invitations.lead")}</Text>
            <ProblemAlert problem={problem} />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                type="email"
                label={t("organizations.invitations.email")}
                autoComplete="off"
                required
                style={{ flex: "1 1 16rem" }}
                key={form.key("email")}
                {...form.getInputProps("email")}
              />
              <NativeSelect
                label={t("organizations.invitations.role")}
                data={ASSIGNABLE.map((r) => ({ value: r, label: labels.role(r) }))}
                style={{ flex: "0 1 12rem" }}
                key={form.key("role")}
                {...form.getInputProps("role")}
              />
            </Group>
            <Button type="submit" loading={invite.isPending} style={{ alignSelf: "flex-start" }}>
              {t("organizations.invitations.submit")}
            </Button>
          </Stack>
        </form>

        <QueryList
          query={invitations}
          items={invitations.data}
          skeleton={80}
          empty={<Text size="sm">{t("organizations.invitations.empty")}</Text>}
        >
          {(list) => (
            <ScrollTable
              minWidth={640}
              label={t("organizations.invitations.tableLabel")}
              striped
              verticalSpacing="xs"
              headers={{
                ...translatedHeaders(t, "organizations.invitations", ["email", "role", "state", "expires"]),
                actions: t("organizations.members.actions"),
              }}
            >
              {list.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td style={{ wordBreak: "break-all" }}>{inv.email}</Table.Td>
                  <Table.Td>{labels.role(inv.role)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={INVITATION_COLOR[inv.state] ?? "gray"}
                      c={inv.state === "expired" ? "black" : undefined}
                      variant="filled"
                    >
                      {t(`organizations.invitations.states.${inv.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.dateTime(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    {inv.state === "pending" && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        loading={revoke.isPending && revoke.variables === inv.id}
                        onClick={() => revoke.mutate(inv.id)}
                        aria-label={t("organizations.invitations.revokeFor", { email: inv.email })}
                      >
                        {t("organizations.invitations.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ScrollTable>
          )}
        </QueryList>
      </Stack>
    </SectionCard>
  );
}
