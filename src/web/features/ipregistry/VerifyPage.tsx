import { Alert, Button, Code, FileInput, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { type Verdict, verifyReceipt } from "./verify";

/**
 * Checks a receipt with no account: the receipt's JSON and the file are read in the browser (nothing is
 * sent), the file's SHA-256, the inclusion proof and the tree head's signature are checked with Web Crypto.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t("ipregistry.verify.title"));
  const [receipt, setReceipt] = useState<File | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState(false);
  const run = async () => {
    if (!receipt || !file) return;
    setBusy(true);
    setVerdict(null);
    setError(false);
    try {
      setVerdict(await verifyReceipt(receipt, file));
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  };
  const leaf = (verdict?.receipt as { leaf?: Record<string, string>; leafIndex?: number } | null) ?? null;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t("ipregistry.verify.title")} subtitle={t("ipregistry.verify.lead")} />
      <FileInput
        label={t("ipregistry.verify.receipt")}
        accept="application/json,.json"
        value={receipt}
        onChange={(f) => {
          setReceipt(f);
          setVerdict(null);
        }}
      />
      <FileInput
        label={t("ipregistry.verify.file")}
        description={t("ipregistry.verify.fileHint")}
        value={file}
        onChange={(f) => {
          setFile(f);
          setVerdict(null);
        }}
      />
      <Button onClick={() => void run()} loading={busy} disabled={!receipt || !file} w="fit-content">
        {t("ipregistry.verify.check")}
      </Button>
      <div aria-live="polite">
        {error && (
          <Alert color="red.9" title={t("ipregistry.verify.error")}>
            {t("ipregistry.verify.errorHint")}
          </Alert>
        )}
        {verdict &&
          (verdict.failed ? (
            <Alert color="red.9" title={t("ipregistry.verify.failed")}>
              {t(`ipregistry.verify.why.${verdict.failed}`)}
            </Alert>
          ) : (
            <Alert color="green.9" title={t("ipregistry.verify.ok")}>
              <List size="sm">
                <List.Item>{t("ipregistry.verify.okFile")}</List.Item>
                <List.Item>{t("ipregistry.verify.okInclusion", { index: leaf?.leafIndex })}</List.Item>
                <List.Item>{t("ipregistry.verify.okSignature")}</List.Item>
              </List>
              <Text size="sm" mt="xs">
                «{leaf?.leaf?.title}», {leaf?.leaf?.holderName}, {leaf?.leaf?.timestamp}
              </Text>
              {verdict.otherLog && <Text size="sm">{t("ipregistry.verify.otherLog")}</Text>}
            </Alert>
          ))}
      </div>
      <Text size="sm">
        {t("ipregistry.verify.cli")}{" "}
        <Code>{`npx innocluster-verify receipt.json file.pdf --log ${typeof window === "undefined" ? "" : window.location.origin}`}</Code>
      </Text>
    </Stack>
  );
}
