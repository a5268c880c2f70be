// The files of a challenge (its page) and of a submission (its page): the list with download links, and
// for those who may change them (the challenge's managers; the submitter's side until the deadline)
// upload and removal. Its own chunk.
import { Anchor, Button, FileButton, Group, List, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CHALLENGE_FILE_MAX_BYTES, CHALLENGE_FILES_MAX } from "../../../shared/challenges.qa";
import { client, multipart, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import { challengeKeys, challengeQueries } from "./queries";
import type { Challenge, ChallengeFile } from "./types";

const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp";

function FilesPanel({
  files,
  href,
  editable,
  upload,
  remove,
  title,
  id,
}: {
  files: ChallengeFile[];
  href: (f: ChallengeFile) => string;
  editable: boolean;
  upload: (file: File) => Promise<unknown>;
  remove: (fileId: string) => Promise<unknown>;
  title: string;
  id: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useMutation({
    mutationFn: upload,
    onSuccess: () => toast(t("challengesQa.files.uploaded")),
  });
  const del = useMutation({
    mutationFn: remove,
    onSuccess: () => toast(t("challengesQa.files.deleted")),
    onError: toastError,
  });
  if (!files.length && !editable) return null;
  return (
    <SectionCard id={id} title={title}>
      <Stack gap="sm">
        {files.length === 0 ? (
          <Text c="dimmed">{t("challengesQa.files.none")}</Text>
        ) : (
          <List spacing={4} listStyleType="none">
            {files.map((f) => (
              <List.Item key={f.id}>
                <Group gap="xs">
                  <Anchor href={href(f)}>{f.name}</Anchor>
                  <Text size="sm" c="dimmed">
                    {format.fileSize(f.size)}
                  </Text>
                  {editable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => del.mutate(f.id)}
                      aria-label={t("challengesQa.files.removeName", { name: f.name })}
                    >
                      {t("challengesQa.files.remove")}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {editable && files.length < CHALLENGE_FILES_MAX && (
          <>
            <Text size="sm" c="dimmed">
              {t("challengesQa.files.hint", {
                size: format.fileSize(CHALLENGE_FILE_MAX_BYTES),
                max: CHALLENGE_FILES_MAX,
              })}
            </Text>
            {add.error && <ProblemAlert error={add.error} />}
            <FileButton onChange={(f) => f && add.mutate(f)} accept={ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  loading={add.isPending}
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("challengesQa.files.add")}
                </Button>
              )}
            </FileButton>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

/** A challenge's files on its page (shown once its details are); its managers add and remove them. */
export default function ChallengeFiles({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: challengeKeys.challenge(c.id) });
  const path = { params: { path: { id: c.id } } };
  return (
    <FilesPanel
      id="ch-files"
      title={t("challengesQa.files.title")}
      files={c.files}
      href={(f) => `/api/challenges/${c.id}/files/${f.id}`}
      editable={c.me.manage && !["results", "closed"].includes(c.state)}
      upload={(file) =>
        unwrap(client.POST("/api/challenges/{id}/files", { ...path, body: multipart({ file }) })).then(
          refresh,
        )
      }
      remove={(fileId) =>
        unwrap(
          client.DELETE("/api/challenges/{id}/files/{fileId}", { params: { path: { id: c.id, fileId } } }),
        ).then(refresh)
      }
    />
  );
}

/** A submission's files: its submitter's side adds them until the deadline. */
export function SubmissionFiles({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(challengeQueries.submissionFiles(id));
  const refresh = () => qc.invalidateQueries({ queryKey: challengeKeys.submissionFiles(id) });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <FilesPanel
      id="sub-files"
      title={t("challengesQa.files.submissionTitle")}
      files={q.data.items}
      href={(f) => `/api/challenge-submissions/${id}/files/${f.id}`}
      editable={editable}
      upload={(file) =>
        unwrap(
          client.POST("/api/challenge-submissions/{id}/files", {
            params: { path: { id } },
            body: multipart({ file }),
          }),
        ).then(refresh)
      }
      remove={(fileId) =>
        unwrap(
          client.DELETE("/api/challenge-submissions/{id}/files/{fileId}", {
            params: { path: { id, fileId } },
          }),
        ).then(refresh)
      }
    />
  );
}
