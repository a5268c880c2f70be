// A listing's files on its page: photos as a gallery of thumbnails linking to the full picture, other
// files as download links, for whoever may see them (behind an NDA, the server sends none until the
// reader's organization accepted it; a file waiting for moderation only to its organization and the
// operators, marked so). Its organization's members get the editor (ListingFilesEditor, a chunk of its
// own: guests' pages do not carry it).
import { Anchor, Badge, Group, Skeleton, Stack, Text } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { isPicture, LISTING_KINDS } from "../../../shared/listings";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { badgeColors } from "./labels";
import { fileUrl } from "./queries";
import type { Listing } from "./types";

const ListingFilesEditor = lazy(() => import("./ListingFilesEditor"));

export type ListingFile = Listing["files"][number];

/** Where a file stands, for its organization and operators: waiting with the listing's change, or rejected with it. */
function FileBadge({ listing, file }: { listing: Listing; file: ListingFile }) {
  const { t } = useTranslation();
  if (!file.pending || listing.state !== "published") return null;
  const rejected = listing.pending?.state === "rejected";
  return (
    <Badge size="sm" {...badgeColors(rejected ? "red" : "yellow")}>
      {t(rejected ? "listings.files.rejected" : "listings.files.pending")}
    </Badge>
  );
}

/** One file: its name as a download link, its size; `actions` beside it (the editor's "remove"). */
function FileRow({ listing, file, actions }: { listing: Listing; file: ListingFile; actions?: ReactNode }) {
  const format = useFormat();
  return (
    <Group component="li" gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="xs" wrap="wrap">
        <Anchor href={fileUrl(listing.id, file.id)} download={file.name} style={{ wordBreak: "break-word" }}>
          {file.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {format.fileSize(file.size)}
        </Text>
        <FileBadge listing={listing} file={file} />
      </Group>
      {actions}
    </Group>
  );
}

/** A thumbnail's box: the picture is cropped to it, so the page does not move while pictures load. */
const THUMB = { width: 160, height: 120 } as const;

/**
 * The photos as a gallery of thumbnails, each a link to the full picture (the original, loaded only when
 * it comes near the screen), with its size and `actions` under it.
 */
function Gallery({
  listing,
  photos,
  actions,
}: {
  listing: Listing;
  photos: ListingFile[];
  actions?: (f: ListingFile) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group
      component="ul"
      gap="sm"
      align="flex-start"
      aria-label={t("listings.files.galleryLabel")}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {photos.map((f, i) => (
        <Stack component="li" key={f.id} gap={4} w={THUMB.width}>
          <Anchor href={fileUrl(listing.id, f.id)} display="block" lh={0}>
            <img
              src={fileUrl(listing.id, f.id)}
              alt={t("listings.files.photoAlt", {
                n: i + 1,
                total: photos.length,
                title: listing.titleRu,
              })}
              width={THUMB.width}
              height={THUMB.height}
              loading="lazy"
              decoding="async"
              style={{
                ...THUMB,
                objectFit: "cover",
                display: "block",
                borderRadius: "var(--mantine-radius-sm)",
                background: "var(--mantine-color-gray-1)",
              }}
            />
          </Anchor>
          <Group gap={4} wrap="wrap">
            <Text size="xs" c="dimmed">
              {format.fileSize(f.size)}
            </Text>
            <FileBadge listing={listing} file={f} />
          </Group>
          {actions?.(f)}
        </Stack>
      ))}
    </Group>
  );
}

/** The listing's files: photos as thumbnails, the others as a list of links, each with its `actions`. */
export function FileList({
  listing,
  actions,
  label,
}: {
  listing: Listing;
  actions?: (f: ListingFile) => ReactNode;
  /** The list's name (default: the listing's files). */
  label?: string;
}) {
  const { t } = useTranslation();
  const photos = listing.files.filter((f) => isPicture(f.contentType));
  const others = listing.files.filter((f) => !isPicture(f.contentType));
  return (
    <Stack gap="sm">
      {photos.length > 0 && <Gallery listing={listing} photos={photos} actions={actions} />}
      {others.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          aria-label={label ?? t(photos.length ? "listings.files.otherLabel" : "listings.files.listLabel")}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {others.map((f) => (
            <FileRow key={f.id} listing={listing} file={f} actions={actions?.(f)} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The files section of a listing's page (nothing for a kind without files, nor an empty list to others). */
export default function ListingFiles({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const decl = LISTING_KINDS[listing.kind].files;
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
