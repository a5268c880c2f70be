// The files of a listing for its organization's members: upload (one request a file, with its progress),
// the list, and removal. A chunk of its own, loaded for members only.
import { Alert, Button, FileButton, Progress, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LISTING_FILE_FORMATS, LISTING_KINDS, type ListingFileFormat } from "../../../shared/listings";
import { ApiError } from "../../api";
import { client, problemOf, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import i18n, { currentLocale } from "../../i18n";
import { FileList, type ListingFile } from "./ListingFiles";
import { listingKeys } from "./queries";
import type { Listing } from "./types";

const FORMAT_NAMES: Record<ListingFileFormat, string> = {
  pdf: "PDF",
  png: "PNG",
  jpeg: "JPEG",
  webp: "WebP",
  step: "STEP",
  dwg: "DWG",
  dxf: "DXF",
};

/** The kind's file declaration, with what the picker accepts and the formats by name. */
export function filesOf(kind: Listing["kind"], locale: string) {
  const decl = LISTING_KINDS[kind].files;
  if (!decl) return null;
  return {
    ...decl,
    accept: decl.formats.flatMap((f) => LISTING_FILE_FORMATS[f].extensions).join(","),
    formatNames: new Intl.ListFormat(locale, { type: "disjunction" }).format(
      decl.formats.map((f) => FORMAT_NAMES[f]),
    ),
  };
}

/**
 * Uploads one file as the API client would (its language, problem+json failures as ApiError), through
 * XMLHttpRequest, the one browser API that reports an upload's progress.
 */
function uploadFile(
  listingId: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<ListingFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/listings/${listingId}/files`);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.setRequestHeader("Accept-Language", currentLocale());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { "content-type": xhr.getResponseHeader("content-type") ?? "" },
      });
      if (response.ok) resolve(JSON.parse(xhr.responseText) as ListingFile);
      else void problemOf(response).then(reject);
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ type: "about:network-error", title: i18n.t("common.errors.network"), status: 0 }),
      );
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

export default function ListingFilesEditor({ listing }: { listing: Listing }) {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const decl = filesOf(listing.kind, language)!;
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listingKeys.listing(listing.id) });
  const room = decl.max - listing.files.length;
  const closed = listing.state === "closed";

  const upload = async (chosen: File[]) => {
    setError(null);
    const take = chosen.slice(0, Math.max(0, room));
    const tooLarge = take.filter((f) => f.size > decl.maxBytes);
    if (tooLarge.length) {
      setError(
        new Error(
          tooLarge
            .map((f) => t("listings.files.tooLarge", { name: f.name, size: format.fileSize(decl.maxBytes) }))
            .join("; "),
        ),
      );
      return;
    }
    try {
      for (const file of take) {
        setProgress({ name: file.name, share: 0 });
        await uploadFile(listing.id, file, (share) => setProgress({ name: file.name, share }));
        toast(t("listings.files.uploaded", { name: file.name }));
      }
      if (chosen.length > take.length) setError(new Error(t("listings.files.full", { max: decl.max })));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
      await refresh();
    }
  };

  const remove = useMutation({
    mutationFn: (fileId: string) =>
      unwrap(
        client.DELETE("/api/listings/{id}/files/{fileId}", { params: { path: { id: listing.id, fileId } } }),
      ),
    onSuccess: async () => {
      toast(t("listings.files.deleted"));
      await refresh();
    },
    onError: toastError,
  });

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("listings.files.hint", {
          formats: decl.formatNames,
          size: format.fileSize(decl.maxBytes),
          max: decl.max,
        })}
      </Text>
      {listing.state === "published" && (
        <Text size="sm" c="dimmed">
          {t("listingsReview.filesModerated")}
        </Text>
      )}
      {listing.files.length === 0 ? (
        <Text c="dimmed">{t("listings.files.none")}</Text>
      ) : (
        <FileList
          listing={listing}
          actions={(f) =>
            !closed && (
              <Button
                variant="default"
                size="compact-sm"
                aria-label={t("listings.files.delete", { name: f.name })}
                loading={remove.isPending && remove.variables === f.id}
                onClick={() => remove.mutate(f.id)}
              >
                {t("listings.files.remove")}
              </Button>
            )
          }
        />
      )}
      {progress && (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{t("listings.files.uploading", { name: progress.name })}</Text>
          <Progress
            value={Math.round(progress.share * 100)}
            aria-label={t("listings.files.uploading", { name: progress.name })}
          />
        </Stack>
      )}
      {error instanceof ApiError ? (
        <ProblemAlert error={error} />
      ) : error instanceof Error ? (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      ) : null}
      {!closed && room > 0 && (
        <FileButton onChange={(files) => void upload(files)} accept={decl.accept} multiple>
          {(props) => (
            <Button
              {...props}
              variant="light"
              loading={progress !== null}
              style={{ alignSelf: "flex-start" }}
            >
              {t("listings.files.choose")}
            </Button>
          )}
        </FileButton>
      )}
      {!closed && room <= 0 && <Text size="sm">{t("listings.files.full", { max: decl.max })}</Text>}
    </Stack>
  );
}
