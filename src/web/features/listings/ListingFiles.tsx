// A listing's files on its page: download links for whoever may see them (behind an NDA, the server
// sends none until the reader's organization accepted it). Its organization's members get the editor
// (ListingFilesEditor, a chunk of its own: guests' pages do not carry it).
import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LISTING_FILE_FORMATS, LISTING_KINDS, type ListingFileFormat } from "../../../shared/listings";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import type { Listing } from "./types";

const ListingFilesEditor = lazy(() => import("./ListingFilesEditor"));

export type ListingFile = Listing["files"][number];

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

export const fileUrl = (listingId: string, fileId: string) => `/api/listings/${listingId}/files/${fileId}`;

/** One file: its name as a download link, its size; `actions` beside it (the editor's "remove"). */
export function FileRow({
  listingId,
  file,
  actions,
}: {
  listingId: string;
  file: ListingFile;
  actions?: ReactNode;
}) {
  const format = useFormat();
  return (
    <Group component="li" gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="xs" wrap="wrap">
        <Anchor href={fileUrl(listingId, file.id)} download={file.name} style={{ wordBreak: "break-word" }}>
          {file.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {format.fileSize(file.size)}
        </Text>
      </Group>
      {actions}
    </Group>
  );
}

/** The listing's files as a list, each with its `actions` (the editor's "remove"). */
export function FileList({
  listing,
  actions,
}: {
  listing: Listing;
  actions?: (f: ListingFile) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      gap="xs"
      aria-label={t("listings.files.listLabel")}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {listing.files.map((f) => (
        <FileRow key={f.id} listingId={listing.id} file={f} actions={actions?.(f)} />
      ))}
    </Stack>
  );
}

/** The files section of a listing's page (nothing for a kind without files, nor an empty list to others). */
export default function ListingFiles({ listing }: { listing: Listing }) {
  const { t, i18n } = useTranslation();
  const decl = filesOf(listing.kind, i18n.language);
  if (!decl || listing.nda?.hidden) return null;
  if (!listing.mine && listing.files.length === 0) return null;
  return (
    <SectionCard id="listing-files" title={t(`listings.files.${decl.purpose}`)} titleGap="sm">
      {listing.mine ? (
        <Suspense fallback={<Skeleton height={80} />}>
          <ListingFilesEditor listing={listing} />
        </Suspense>
      ) : (
        <FileList listing={listing} />
      )}
    </SectionCard>
  );
}
