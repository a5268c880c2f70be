import { Button, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../components/ProblemAlert";
import type { DocumentType } from "./types";

export const DOCUMENT_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
const MAX_BYTES = 10 * 1024 * 1024;

/** The multipart body: the fields first, then the file (the server reads them in this order). */
export function documentForm(documentType: DocumentType, comment: string, file: File) {
  const form = new FormData();
  form.append("documentType", documentType);
  if (comment.trim()) form.append("comment", comment.trim());
  form.append("file", file, file.name);
  return form;
}

/** Choose the kind of document, attach it, add a comment, send. */
export function DocumentForm({
  submitLabel,
  loading,
  error,
  onSubmit,
}: {
  submitLabel: string;
  loading: boolean;
  error: unknown;
  onSubmit: (body: FormData) => void;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const hintId = useId();
  const [type, setType] = useState<DocumentType>("register_extract");
  const [comment, setComment] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setLocal(t("verification.form.fileRequired"));
        if (file.size > MAX_BYTES) return setLocal(t("verification.form.tooLarge"));
        setLocal(null);
        onSubmit(documentForm(type, comment, file));
      }}
    >
      <Stack gap="md" maw={640}>
        <Radio.Group
          label={t("verification.form.type")}
          value={type}
          onChange={(v) => setType(v as DocumentType)}
          withAsterisk
        >
          <Stack gap={6} mt={6}>
            <Radio value="register_extract" label={t("verification.documentType.register_extract")} />
            <Radio value="letterhead_letter" label={t("verification.documentType.letterhead_letter")} />
          </Stack>
        </Radio.Group>
        <div>
          <label htmlFor={fileId} style={{ fontWeight: 500, fontSize: "var(--mantine-font-size-sm)" }}>
            {t("verification.form.file")}
          </label>
          <input
            id={fileId}
            type="file"
            accept={DOCUMENT_ACCEPT}
            aria-describedby={hintId}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            style={{ display: "block", marginTop: 6 }}
          />
          <Text id={hintId} size="xs" mt={4}>
            {t("verification.form.fileHint")}
          </Text>
        </div>
        <Textarea
          label={t("verification.form.comment")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {local && (
          <Text c="red.8" size="sm" role="alert">
            {local}
          </Text>
        )}
        <ProblemAlert error={error} />
        <Button type="submit" loading={loading} style={{ alignSelf: "flex-start" }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
