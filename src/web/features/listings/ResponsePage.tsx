// A response as its two sides see it: the listing, what was offered or asked, where it stands, the
// moves the reader's side may make now (a form when the move asks for something), the dated history
// and the conversation between the two organizations.
import { Anchor, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { moveOf, type ResponseMove } from "../../../shared/listingResponses";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { AppModal, ModalFormActions } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { StatusTimeline } from "../../components/StatusTimeline";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { type FieldInput, initialValues, missingRequired, valuesBody } from "./formValues";
import { FieldInputs } from "./ListingFields";
import { FieldValues, titleOf, useLocale } from "./labels";
import { listingKeys } from "./queries";
import {
  outcomeFields,
  QuotePrice,
  ResponseStateBadge,
  responseFieldLabel,
  responseType,
} from "./responseLabels";
import type { ListingResponse } from "./types";

const responseKey = (id: string) => [...listingKeys.all, "response", id] as const;

/** A move's dialog: its fields (or a confirmation), then the request; a stale version shows the news. */
function MoveDialog({
  response,
  move,
  onClose,
}: {
  response: ListingResponse;
  move: ResponseMove;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decl = { kind: response.type, fields: move.fields ?? [] };
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const required = t("common.validation.required");
  const form = useForm<{ values: Record<string, FieldInput> }>({
    mode: "uncontrolled",
    initialValues: { values: initialValues(decl, "").values },
    validate: (v) => Object.fromEntries(missingRequired(decl, v.values).map((p) => [p, required])),
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    setPending(true);
    try {
      const after = await unwrap(
        client.POST("/api/responses/{id}/moves", {
          params: { path: { id: response.id } },
          body: { move: move.name as never, version: response.version, values: valuesBody(decl, v.values) },
        }),
      );
      queryClient.setQueryData(responseKey(response.id), after);
      void queryClient.invalidateQueries({ queryKey: listingKeys.all });
      toast(t(`responses.${response.type}.states.${after.state}`));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.is("response-changed") && error.body.current) {
        queryClient.setQueryData(responseKey(response.id), error.body.current as ListingResponse);
        setProblem({ message: t("responses.changed"), details: [] });
      } else setProblem(applyServerErrors(form, error));
    } finally {
      setPending(false);
    }
  }, focusFirstInvalid);
  const label = t(`responses.${response.type}.moves.${move.name}`);
  return (
    <AppModal opened onClose={onClose} title={label}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ProblemAlert problem={problem} />
          <Text size="sm">{t(`responses.${response.type}.confirm.${move.name}`)}</Text>
          {decl.fields.length > 0 && (
            <FieldInputs
              fields={decl.fields}
              label={(key) => responseFieldLabel(t, response.type, key)}
              form={form}
            />
          )}
          <ModalFormActions
            onCancel={onClose}
            submitLabel={label}
            loading={pending}
            color={move.confirm ? "red" : undefined}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

export default function ResponsePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const locale = useLocale();
  const format = useFormat();
  const query = useQuery({
    queryKey: responseKey(id),
    queryFn: ({ signal }) => unwrap(client.GET("/api/responses/{id}", { params: { path: { id } }, signal })),
  });
  const [moving, setMoving] = useState<ResponseMove | null>(null);
  const r = query.data;
  usePageTitle(r ? `${t(`responses.${r.type}.title`)}: ${r.listing.titleRu}` : t("responses.title"));
  if (query.isPending) return <Skeleton height={320} />;
  if (query.error || !r) return <ProblemAlert error={query.error} />;
  const type = responseType(r.type);
  const other = r.side === "owner" ? r.organization : r.listing.organization;
  const outcome = outcomeFields(type);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t(`responses.${r.type}.title`)}
        subtitle={
          <>
            <Anchor component={Link} to={`/listings/${r.listing.id}`}>
              {titleOf(r.listing, locale)}
            </Anchor>
            {" · "}
            {t(r.side === "owner" ? "responses.from" : "responses.to", {
              org: other.shortName,
            })}
          </>
        }
      >
        <Group gap="xs">
          <ResponseStateBadge type={r.type} state={r.state} />
          <Text size="sm" c="dimmed">
            {t("responses.sentAt", { date: format.dateTime(r.createdAt) })}
          </Text>
        </Group>
      </PageHeader>
      {(r.moves.length > 0 || r.conversationId) && (
        <Group gap="sm">
          {r.moves.map((name) => {
            const move = moveOf(type, name);
            return (
              move && (
                <Button
                  key={name}
                  variant={move.confirm ? "subtle" : "filled"}
                  color={move.confirm ? "red" : undefined}
                  onClick={() => setMoving(move)}
                >
                  {t(`responses.${r.type}.moves.${name}`)}
                </Button>
              )
            );
          })}
          {r.conversationId && (
            <Button component={Link} to={`/messages/${r.conversationId}`} variant="default">
              {t("responses.conversation")}
            </Button>
          )}
        </Group>
      )}
      {r.moves.length === 0 && r.active && (
        <Text c="dimmed">{t("responses.waiting", { org: other.shortName })}</Text>
      )}
      <SectionCard id="response-values" title={t("responses.what")} titleGap="sm">
        <Stack gap="sm">
          {r.type === "quote" && <QuotePrice values={r.values} />}
          <FieldValues
            fields={type.fields}
            label={(key) => responseFieldLabel(t, r.type, key)}
            values={r.values}
          />
        </Stack>
      </SectionCard>
      {outcome.some((f) => r.outcome[f.key] !== undefined) && (
        <SectionCard id="response-outcome" title={t("responses.outcome")} titleGap="sm">
          <FieldValues
            fields={outcome}
            label={(key) => responseFieldLabel(t, r.type, key)}
            values={r.outcome}
          />
        </SectionCard>
      )}
      <SectionCard id="response-history" title={t("responses.history")} titleGap="sm">
        <StatusTimeline
          empty=""
          formatAt={format.dateTime}
          entries={r.history.map((e, i) => ({
            id: String(i),
            at: e.at,
            title: t(`responses.events.${e.event}`),
            color: e.toState === "declined" || e.toState === "cancelled" ? "red" : undefined,
            lines: [(e.side === "owner" ? r.listing.organization : r.organization).shortName],
          }))}
        />
      </SectionCard>
      {moving && <MoveDialog response={r} move={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
}
