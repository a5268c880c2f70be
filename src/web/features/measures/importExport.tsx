import { Alert, Button, FileButton, Group, List, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import type { ProblemOf, ResponseOf } from "../../api/types";
import { doneAlert, failedAlert } from "../../components/alerts";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { measureKeys } from "./queries";

type ImportResult = ResponseOf<"/api/operator/measures/import", "post">;
type ImportProblem = ProblemOf<"/api/operator/measures/import", "post", 400>;

/** JSON goes as it is; CSV as text/csv (the contract's string body), sent unchanged. */
async function importFile(file: File): Promise<ImportResult> {
  const text = await file.text();
  const isJson = file.name.toLowerCase().endsWith(".json") || file.type === "application/json";
  if (isJson) {
    let body: unknown[];
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError({ type: "about:invalid-json", title: "invalid-json", status: 400 });
    }
    return unwrap(client.POST("/api/operator/measures/import", { body }));
  }
  return unwrap(
    client.POST("/api/operator/measures/import", {
      body: text,
      headers: { "Content-Type": "text/csv; charset=utf-8" },
      bodySerializer: (csv) => csv as string,
    }),
  );
}

/** Export every measure as JSON or CSV, and import a file (all or nothing, with a row-by-row report). */
export function ImportExport() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: importFile,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measureKeys.all }),
  });
  const error = upload.error;
  const rows = (error instanceof ApiError ? (error.body as ImportProblem).rows : undefined) ?? [];

  return (
    <SectionCard
      id="measures-io"
      title={t("measuresOperator.io.title")}
      titleSize="h4"
      padding="md"
      stack="sm"
    >
      <Group gap="xs" wrap="wrap">
        <Button component="a" href="/api/operator/measures/export?format=csv" variant="default" download>
          {t("measuresOperator.io.exportCsv")}
        </Button>
        <Button component="a" href="/api/operator/measures/export?format=json" variant="default" download>
          {t("measuresOperator.io.exportJson")}
        </Button>
        <FileButton onChange={(f) => f && upload.mutate(f)} accept=".csv,.json,text/csv,application/json">
          {(props) => (
            <Button {...props} loading={upload.isPending}>
              {t("measuresOperator.io.import")}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t("measuresOperator.io.hint")}
      </Text>
      {upload.isSuccess && (
        <Alert {...doneAlert} role="status" title={t("measuresOperator.io.done")}>
          {t("measuresOperator.io.result", { ...upload.data })}
        </Alert>
      )}
      {upload.isError && (
        <Alert {...failedAlert} role="alert" title={t("measuresOperator.io.failed")}>
          <Text size="sm">
            {error instanceof ApiError && error.title === "invalid-json"
              ? t("measuresOperator.io.invalidJson")
              : error instanceof ApiError
                ? error.detail || error.title
                : t("common.errors.unexpected")}
          </Text>
          {rows.length > 0 && (
            <List size="sm" mt="xs" spacing={2}>
              {rows.slice(0, 200).map((r) => (
                <List.Item key={r.row}>
                  {t("measuresOperator.io.row", { row: r.row })}{" "}
                  {r.errors.map((e) => `${e.field}: ${e.message[locale]}`).join("; ")}
                </List.Item>
              ))}
            </List>
          )}
          {rows.length === 0 && error instanceof ApiError && error.errors.length > 0 && (
            <List size="sm" mt="xs" spacing={2}>
              {error.errors.slice(0, 200).map((e) => (
                <List.Item key={`${e.field}:${e.message}`}>{`${e.field}: ${e.message}`}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </SectionCard>
  );
}
