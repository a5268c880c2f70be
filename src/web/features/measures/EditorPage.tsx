import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OKVED_SECTIONS } from "../../../shared/okved";
import { REGIONS } from "../../../shared/regions";
import { TAGS } from "../../../shared/tags";
import { ConflictAlert } from "../../components/ConflictAlert";
import { focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { EditorCriteriaFields } from "./EditorCriteriaFields";
import { History } from "./EditorHistory";
import { EditorMainFields, type EditorOptions } from "./EditorMainFields";
import { titleOf, useLocale } from "./labels";
import { StatusBadge } from "./OperatorListPage";
import type { MeasureAdmin } from "./types";
import { useMeasureEditor } from "./useMeasureEditor";

export default function EditorPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { isNew, query, measure, form, problem, setProblem, conflict, save, setStatus, reload } =
    useMeasureEditor();

  if (!isNew && query.isPending) return <Skeleton height={400} aria-busy="true" />;
  if (!isNew && (query.isError || !measure))
    return (
      <Stack gap="md">
        <Title order={1}>{t("measures.page.notFound")}</Title>
        <ProblemAlert error={query.error} />
        <Anchor component={Link} to="/operator/measures">
          {t("measuresOperator.editor.back")}
        </Anchor>
      </Stack>
    );

  const options: EditorOptions = {
    regions: [
      ...REGIONS.map((r) => ({ value: r.code, label: `${r.code} ${r[locale]}` })),
      { value: "foreign", label: t("measuresWork.check.foreign") },
    ],
    okved: OKVED_SECTIONS.map((o) => ({ value: o.letter, label: `${o.letter}. ${o[locale]}` })),
    tags: TAGS.map((tag) => ({ value: tag.slug, label: tag[locale] })),
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operator/measures" size="sm">
        {t("measuresOperator.editor.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {isNew ? t("measuresOperator.editor.newTitle") : titleOf(measure as MeasureAdmin, locale)}
          </Title>
          {measure && (
            <Group gap="xs">
              <StatusBadge status={measure.status} />
              <Text size="sm" c="dimmed">
                {t("measuresOperator.editor.meta", {
                  version: measure.version,
                  views: measure.views,
                  clicks: measure.applyClicks,
                })}
              </Text>
            </Group>
          )}
        </Stack>
        {measure && (
          <Group gap="xs">
            {measure.status === "published" && (
              <Button component={Link} to={`/measures/${measure.id}`} variant="subtle">
                {t("measuresOperator.editor.view")}
              </Button>
            )}
            {measure.status !== "published" && (
              <Button
                loading={setStatus.isPending && setStatus.variables === "publish"}
                disabled={form.isDirty()}
                onClick={() => setStatus.mutate("publish")}
              >
                {t("measuresOperator.editor.publish")}
              </Button>
            )}
            {measure.status !== "archived" && (
              <Button
                variant="default"
                loading={setStatus.isPending && setStatus.variables === "archive"}
                disabled={form.isDirty()}
                onClick={() => setStatus.mutate("archive")}
              >
                {t("measuresOperator.editor.archive")}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {measure && form.isDirty() && (
        <Text size="sm" c="dimmed">
          {t("measuresOperator.editor.saveFirst")}
        </Text>
      )}

      {conflict !== null ? (
        <ConflictAlert
          title={t("measuresOperator.editor.conflictTitle")}
          text={t("measuresOperator.editor.conflictText", { version: conflict.version ?? "?" })}
          reload={{ label: t("measuresOperator.editor.reload"), onClick: () => void reload() }}
        />
      ) : null}
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />

      <form
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          save.mutate(values);
        }, focusFirstInvalid)}
        aria-label={t("measuresOperator.editor.formLabel")}
        noValidate
      >
        <Stack gap="lg">
          <EditorMainFields form={form} options={options} />

          <EditorCriteriaFields form={form} options={options} />

          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {isNew ? t("measuresOperator.editor.create") : t("measuresOperator.editor.save")}
            </Button>
            <Button component={Link} to="/operator/measures" variant="default">
              {t("common.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>

      {measure && <History id={measure.id} version={measure.version} />}
    </Stack>
  );
}
