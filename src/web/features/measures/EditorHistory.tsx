import { Code, List, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { measureQueries } from "./queries";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return JSON.stringify(value);
}

/** The measure's versions: who changed what, newest first. */
export function History({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(measureQueries.versions(id, version));
  return (
    <SectionCard id="measure-history" title={t("measuresOperator.editor.history")} titleGap="sm">
      <QueryList
        query={query}
        items={query.data?.items}
        skeleton={80}
        empty={<Text>{t("measuresOperator.editor.noHistory")}</Text>}
      >
        {(items) => (
          <List spacing="md" listStyleType="none" p={0}>
            {items.map((v) => (
              <List.Item key={`${v.version}-${v.at}-${v.action}`}>
                <Text size="sm" fw={600}>
                  {t("measuresOperator.editor.versionLine", {
                    version: v.version,
                    action: t(`measuresOperator.editor.actions.${v.action}`, { defaultValue: v.action }),
                    who: v.actor?.fullName ?? t("measuresOperator.editor.system"),
                    when: format.dateTime(v.at),
                  })}
                </Text>
                {Object.keys(v.changes).length > 0 && (
                  <List size="sm" spacing={2} withPadding>
                    {Object.entries(v.changes).map(([field, ch]) => (
                      <List.Item key={field} style={{ overflowWrap: "anywhere" }}>
                        <Code>{field}</Code>: {show(ch.before)} → {show(ch.after)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </QueryList>
    </SectionCard>
  );
}
