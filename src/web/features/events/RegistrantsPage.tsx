import { Button, Checkbox, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useMe } from "../../session";
import { eventKeys, eventQueries } from "./queries";

/** An event's registrations for the operator and the organizer: attendance, missions' decisions. */
export default function RegistrantsPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("events.registrants.title"));
  const { can } = useMe();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const event = useQuery(eventQueries.event(id));
  const list = useQuery(eventQueries.registrants(id, page));
  const refresh = () => void qc.invalidateQueries({ queryKey: eventKeys.all });
  const mark = useMutation({
    mutationFn: (v: { id: string; attended: boolean }) =>
      unwrap(
        client.POST("/api/event-registrations/{id}/attendance", {
          params: { path: { id: v.id } },
          body: { attended: v.attended },
        }),
      ),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: "select" | "decline"; version: number }) =>
      unwrap(
        client.POST("/api/operator/event-registrations/{id}/decision", {
          params: { path: { id: v.id } },
          body: { decision: v.decision, version: v.version },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/events/${id}`, label: event.data?.titleRu ?? t("events.catalog.title") }}
        title={t("events.registrants.title")}
      />
      <ProblemAlert error={list.error ?? mark.error ?? decide.error} />
      {!list.data ? (
        <Skeleton height={300} />
      ) : list.data.items.length === 0 ? (
        <Text>{t("events.registrants.empty")}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("events.registrants.person")}</Table.Th>
                  <Table.Th>{t("events.registrants.organization")}</Table.Th>
                  <Table.Th>{t("events.registrants.state")}</Table.Th>
                  <Table.Th>{t("events.registrants.attended")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.user.fullName}
                      <Text size="xs" c="dimmed">
                        {r.user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.organization?.shortName ?? "—"}
                      {r.exportProductRu && (
                        <Text size="xs" c="dimmed">
                          {r.exportProductRu} · {r.targetCountry}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t(`events.registration.${r.state}`)}
                      {r.state === "applied" && can("operator.events") && (
                        <Group gap={4} mt={4}>
                          <Button
                            size="xs"
                            onClick={() =>
                              decide.mutate({ id: r.id, decision: "select", version: r.version })
                            }
                          >
                            {t("events.registrants.select")}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() =>
                              decide.mutate({ id: r.id, decision: "decline", version: r.version })
                            }
                          >
                            {t("events.registrants.decline")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(r.state === "registered" || r.state === "selected") && (
                        <Checkbox
                          aria-label={t("events.registrants.attendedOf", { name: r.user.fullName })}
                          checked={r.attended === true}
                          onChange={(ev) => mark.mutate({ id: r.id, attended: ev.currentTarget.checked })}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} total={list.data.total} pageSize={50} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
