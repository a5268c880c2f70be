import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { type EditorValues, n, toBody, toValues } from "./editorValues";
import { titleOf, useLocale } from "./labels";
import { measureKeys, measureQueries } from "./queries";
import type { MeasureAdmin } from "./types";

/**
 * The editor's state: the measure (none for a new one), its form, saving and publishing with the version
 * the operator saw (a 409 becomes `conflict`), and the problem to show.
 */
export function useMeasureEditor() {
  const { id = "" } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<{ version: number | null } | null>(null);

  const query = useQuery({ ...measureQueries.admin(id), enabled: !isNew });
  const measure = query.data;
  usePageTitle(
    isNew
      ? t("measuresOperator.editor.newTitle")
      : measure
        ? titleOf(measure, locale)
        : t("measures.page.loading"),
  );

  const form = useForm<EditorValues>({
    initialValues: toValues(),
    validate: {
      titleRu: (v) => (v.trim().length < 3 ? t("measuresOperator.editor.errors.title") : null),
      provider: (v) => (v.trim().length < 2 ? t("measuresOperator.editor.errors.provider") : null),
      applyUrl: (v) =>
        v.trim() && !/^https?:\/\/\S+$/.test(v.trim()) ? t("measuresOperator.editor.errors.url") : null,
      amountMax: (v, all) =>
        n(v) != null && n(all.amountMin) != null && (n(v) as number) < (n(all.amountMin) as number)
          ? t("measuresOperator.editor.errors.range")
          : null,
      closesOn: (v, all) =>
        !all.permanent && v && all.opensOn && v < all.opensOn
          ? t("measuresOperator.editor.errors.dates")
          : null,
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when another version loads
  useEffect(() => {
    if (measure) {
      form.setValues(toValues(measure));
      form.resetDirty(toValues(measure));
    }
  }, [measure?.id, measure?.version]);

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict({ version: (error.body.current as MeasureAdmin | undefined)?.version ?? null });
      return;
    }
    setProblem(applyServerErrors(form, error, { namedDetails: true }));
  };

  const save = useMutation({
    mutationFn: (values: EditorValues) =>
      unwrap(
        isNew
          ? client.POST("/api/operator/measures", { body: toBody(values) })
          : client.PATCH("/api/operator/measures/{id}", {
              params: { path: { id } },
              body: { ...toBody(values), version: measure?.version ?? 0 },
            }),
      ),
    onSuccess: (m) => {
      setProblem(null);
      toast(t("measuresOperator.editor.saved"), "green");
      queryClient.setQueryData(measureKeys.admin(m.id), m);
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
      if (isNew) navigate(`/operator/measures/${m.id}`, { replace: true });
    },
    onError,
  });

  const setStatus = useMutation({
    mutationFn: (action: "publish" | "archive") =>
      unwrap(
        client.POST(
          action === "publish"
            ? "/api/operator/measures/{id}/publish"
            : "/api/operator/measures/{id}/archive",
          { params: { path: { id } }, body: { version: measure?.version ?? 0 } },
        ),
      ),
    onSuccess: (m, action) => {
      setProblem(null);
      toast(t(`measuresOperator.editor.done.${action}`), "green");
      queryClient.setQueryData(measureKeys.admin(m.id), m);
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
    },
    onError,
  });

  const reload = async () => {
    setConflict(null);
    setProblem(null);
    await query.refetch();
  };
  return { id, isNew, query, measure, form, problem, setProblem, conflict, save, setStatus, reload };
}
