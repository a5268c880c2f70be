import {
  Button,
  Checkbox,
  FileButton,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  GRANT_ASSIGNABLE,
  type GrantDocument,
  REQUIRED_DOCUMENTS,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from "../../../shared/grants";
import { client, multipart, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { SectionCard } from "../../components/SectionCard";
import { fieldError } from "../challenges/fieldErrors";
import { kopecksOf, useMoney } from "./money";
import { grantKeys } from "./queries";
import type { Application } from "./types";

function useApply(a: Application) {
  const qc = useQueryClient();
  return (x: Application) => {
    qc.setQueryData(grantKeys.application(a.id), x);
    void qc.invalidateQueries({ queryKey: grantKeys.all });
  };
}

const path = (a: Application) => ({ params: { path: { id: a.id } } });

/** The completeness check: accept, or return once with the missing documents ticked. */
function Check({ a }: { a: Application }) {
  const { t } = useTranslation();
  const done = useApply(a);
  const [missing, setMissing] = useState<{ itemId: string; document: GrantDocument }[]>(() =>
    a.items.flatMap((it) => it.missing.map((document) => ({ itemId: it.id, document }))),
  );
  const [comment, setComment] = useState("");
  const check = useMutation({
    mutationFn: (decision: "accept" | "return") =>
      unwrap(
        client.POST("/api/grant-applications/{id}/check", {
          ...path(a),
          body: {
            decision,
            missing: decision === "return" ? missing : [],
            comment: comment || null,
            version: a.version,
          },
        }),
      ),
    onSuccess: done,
  });
  const has = (itemId: string, d: GrantDocument) =>
    missing.some((m) => m.itemId === itemId && m.document === d);
  return (
    <SectionCard id="grant-check" title={t("grantsWork.ops.check")}>
      <MutationForm onSubmit={() => check.mutate("accept")} error={check.error}>
        {a.returns > 0 ? (
          <Text size="sm">{t("grantsWork.ops.returnedOnce")}</Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">{t("grantsWork.ops.tickMissing")}</Text>
            {a.items.map((it, i) => (
              <Stack key={it.id} gap="xs">
                <Text size="sm" fw={600}>
                  {i + 1}. {it.descriptionRu}
                </Text>
                {REQUIRED_DOCUMENTS[it.category].map((d) => (
                  <Checkbox
                    key={d}
                    size="md"
                    label={t(`grants.documents.${d}`)}
                    checked={has(it.id, d)}
                    onChange={(e) =>
                      setMissing(
                        e.currentTarget.checked
                          ? [...missing, { itemId: it.id, document: d }]
                          : missing.filter((m) => !(m.itemId === it.id && m.document === d)),
                      )
                    }
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
        <Textarea
          label={t("grantsWork.ops.comment")}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError(check.error, "missing")}
        />
        <Group>
          <Button type="submit" loading={check.isPending}>
            {t("grantsWork.ops.accept")}
          </Button>
          {a.returns === 0 && (
            <Button
              variant="default"
              color="orange.9"
              loading={check.isPending}
              onClick={() => check.mutate("return")}
            >
              {t("grantsWork.ops.return")}
            </Button>
          )}
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** The expert review: a decision per item (partly: the part accepted and a reason). */
function Review({ a }: { a: Application }) {
  const { t } = useTranslation();
  const done = useApply(a);
  const [d, setD] = useState(() =>
    a.items.map((it) => ({ id: it.id, decision: "accepted" as ReviewDecision, accepted: "", reason: "" })),
  );
  const review = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/grant-applications/{id}/review", {
          ...path(a),
          body: {
            items: d.map((x) => ({
              id: x.id,
              decision: x.decision,
              accepted: x.decision === "partial" ? (kopecksOf(x.accepted) ?? -1) : null,
              reason: x.reason || null,
            })),
            version: a.version,
          },
        }),
      ),
    onSuccess: done,
  });
  const set = (i: number, patch: Partial<(typeof d)[number]>) =>
    setD(d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <SectionCard id="grant-review" title={t("grantsWork.ops.review")}>
      <MutationForm onSubmit={() => review.mutate()} error={review.error}>
        {a.items.map((it, i) => (
          <SimpleGrid key={it.id} cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={`${i + 1}. ${it.descriptionRu}`}
              value={d[i]!.decision}
              data={REVIEW_DECISIONS.map((x) => ({ value: x, label: t(`grantsWork.review.${x}`) }))}
              onChange={(e) => set(i, { decision: e.currentTarget.value as ReviewDecision })}
            />
            <TextInput
              label={t("grantsWork.ops.acceptedPart")}
              disabled={d[i]!.decision !== "partial"}
              inputMode="decimal"
              value={d[i]!.accepted}
              onChange={(e) => set(i, { accepted: e.currentTarget.value })}
              error={fieldError(review.error, `items.${i}.accepted`)}
            />
            <TextInput
              label={t("grantsWork.ops.reason")}
              disabled={d[i]!.decision === "accepted"}
              value={d[i]!.reason}
              onChange={(e) => set(i, { reason: e.currentTarget.value })}
              error={fieldError(review.error, `items.${i}.reason`)}
            />
          </SimpleGrid>
        ))}
        <Group>
          <Button type="submit" loading={review.isPending}>
            {t("grantsWork.ops.finishReview")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** The commission's decision: approve an amount (at most the reviewed one) or refuse with reasons. */
function Decision({ a }: { a: Application }) {
  const { t } = useTranslation();
  const money = useMoney();
  const done = useApply(a);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approve" | "refuse") =>
      unwrap(
        client.POST("/api/grant-applications/{id}/decision", {
          ...path(a),
          body: {
            decision,
            amount: amount ? kopecksOf(amount) : null,
            reason: reason || null,
            version: a.version,
          },
        }),
      ),
    onSuccess: done,
  });
  return (
    <SectionCard id="grant-decision" title={t("grantsWork.ops.decision")}>
      <MutationForm onSubmit={() => decide.mutate("approve")} error={decide.error}>
        <Text size="sm">{t("grantsWork.ops.reviewed", { amount: money(a.approved ?? 0) })}</Text>
        <TextInput
          label={t("grantsWork.ops.amount")}
          description={t("grantsWork.ops.amountHint")}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={fieldError(decide.error, "amount")}
        />
        <Textarea
          label={t("grantsWork.ops.reasons")}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(decide.error, "reason")}
        />
        <Group>
          <Button type="submit" loading={decide.isPending}>
            {t("grantsWork.ops.approve")}
          </Button>
          <Button
            variant="default"
            color="red.9"
            loading={decide.isPending}
            onClick={() => decide.mutate("refuse")}
          >
            {t("grantsWork.ops.refuse")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** The signed agreement with both sides' days, then the payment. */
function Agreement({ a }: { a: Application }) {
  const { t } = useTranslation();
  const done = useApply(a);
  const [dates, setDates] = useState({ applicantSignedOn: "", operatorSignedOn: "", paidOn: "" });
  const sign = useMutation({
    mutationFn: (file: File) =>
      unwrap(
        client.POST("/api/grant-applications/{id}/agreement", {
          params: {
            path: { id: a.id },
            query: {
              applicantSignedOn: dates.applicantSignedOn,
              operatorSignedOn: dates.operatorSignedOn,
              version: a.version,
            },
          },
          body: multipart({ file }),
        }),
      ),
    onSuccess: done,
  });
  const pay = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/grant-applications/{id}/payment", {
          ...path(a),
          body: { paidOn: dates.paidOn, version: a.version },
        }),
      ),
    onSuccess: done,
  });
  if (a.state === "approved")
    return (
      <SectionCard id="grant-agreement" title={t("grantsWork.ops.agreement")}>
        <MutationForm onSubmit={() => {}} error={sign.error}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("grantsWork.ops.applicantSignedOn")}
              required
              value={dates.applicantSignedOn}
              onChange={(e) => setDates({ ...dates, applicantSignedOn: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t("grantsWork.ops.operatorSignedOn")}
              required
              value={dates.operatorSignedOn}
              onChange={(e) => setDates({ ...dates, operatorSignedOn: e.currentTarget.value })}
            />
          </SimpleGrid>
          <FileButton accept="application/pdf" onChange={(f) => f && sign.mutate(f)}>
            {(props) => (
              <Button
                loading={sign.isPending}
                disabled={!dates.applicantSignedOn || !dates.operatorSignedOn}
                {...props}
              >
                {t("grantsWork.ops.uploadAgreement")}
              </Button>
            )}
          </FileButton>
        </MutationForm>
      </SectionCard>
    );
  return (
    <SectionCard id="grant-payment" title={t("grantsWork.ops.payment")}>
      <MutationForm onSubmit={() => pay.mutate()} error={pay.error}>
        <TextInput
          type="date"
          label={t("grantsWork.ops.paidOn")}
          required
          value={dates.paidOn}
          onChange={(e) => setDates({ ...dates, paidOn: e.currentTarget.value })}
        />
        <Group>
          <Button type="submit" loading={pay.isPending}>
            {t("grantsWork.ops.recordPayment")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** The operator's and the expert's panel for the application's current stage. */
/** The operator assigns the experts by e-mail (one a line or comma-separated); none of the applicant. */
function Experts({ a }: { a: Application }) {
  const { t } = useTranslation();
  const done = useApply(a);
  const [emails, setEmails] = useState(() => a.experts.map((e) => e.email).join("\n"));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/grant-applications/{id}/experts", {
          ...path(a),
          body: {
            emails: emails
              .split(/[\s,;]+/)
              .map((e) => e.trim())
              .filter(Boolean),
            version: a.version,
          },
        }),
      ),
    onSuccess: done,
  });
  return (
    <SectionCard id="grant-experts" title={t("grantsWork.ops.experts")}>
      <MutationForm onSubmit={() => save.mutate()} error={save.error}>
        {a.experts.length ? (
          <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {a.experts.map((e) => (
              <Text key={e.id} size="sm" component="li">
                {e.fullName} · {e.email}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t("grantsWork.ops.noExperts")}</Text>
        )}
        <Textarea
          label={t("grantsWork.ops.expertEmails")}
          description={t("grantsWork.ops.expertEmailsHint")}
          autosize
          minRows={2}
          value={emails}
          onChange={(e) => setEmails(e.currentTarget.value)}
          error={fieldError(save.error, "emails")}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("grantsWork.ops.assign")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

export function OperatorPanels({ a }: { a: Application }) {
  const assign = a.me.operate && GRANT_ASSIGNABLE.includes(a.state) && <Experts a={a} />;
  if (a.state === "submitted" && a.me.operate)
    return (
      <>
        <Check a={a} />
        {assign}
      </>
    );
  if (a.state === "review" && a.me.review)
    return (
      <>
        {assign}
        <Review a={a} />
      </>
    );
  if (a.state === "commission" && a.me.operate) return <Decision a={a} />;
  if ((a.state === "approved" || a.state === "agreement") && a.me.operate) return <Agreement a={a} />;
  return null;
}
