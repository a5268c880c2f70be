// What a change of a published listing changes, the published value beside the proposed one: the
// operator decides on it in the moderation queue, the author sees what waits on the listing's page.
// Unchanged texts and fields are left out (one line says so); new files waiting with the change are
// listed with their links.
import { Anchor, Box, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ContentChange, contentChanges, type DiffContent } from "../../../shared/listingDiff";
import { useFormat } from "../../format";
import { fieldLabel, kindOf, useLocale, useValueText, valueLabel } from "./labels";
import { fileUrl } from "./queries";
import type { Listing } from "./types";

type Props = {
  listingId: string;
  kind: Listing["kind"];
  /** The published content (null: a new listing, of which only the files are listed). */
  published: DiffContent | null;
  /** The content the change proposes. */
  proposed: DiffContent;
  /** The listing's files; those `pending` wait with the change. */
  files?: Listing["files"];
};

/** One side of a change: its label, then the value (or "not given"). */
function Side({ label, text, tone }: { label: string; text: string | null; tone: "old" | "new" }) {
  const { t } = useTranslation();
  return (
    <Box
      p="xs"
      style={{
        borderRadius: "var(--mantine-radius-sm)",
        background: tone === "old" ? "var(--mantine-color-red-0)" : "var(--mantine-color-green-0)",
        minWidth: 0,
      }}
    >
      <Text size="xs" fw={600} c="dark.6">
        {label}
      </Text>
      {text === null ? (
        <Text size="sm" fs="italic" c="dark.6">
          {t("listingsReview.empty")}
        </Text>
      ) : (
        <Text size="sm" c="dark.9" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
          {text}
        </Text>
      )}
    </Box>
  );
}

/** Files as links under a label (the operator opens each; a photo opens in the browser). */
function FileLinks({
  listingId,
  files,
  label,
}: {
  listingId: string;
  files: Listing["files"];
  label: string;
}) {
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
        {files.map((f) => (
          <li key={f.id}>
            <Anchor
              href={fileUrl(listingId, f.id)}
              target="_blank"
              rel="noopener"
              style={{ wordBreak: "break-word" }}
            >
              {f.name}
            </Anchor>{" "}
            <Text component="span" size="sm" c="dimmed">
              {format.fileSize(f.size)}
            </Text>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

export default function ListingDiff({ listingId, kind, published, proposed, files = [] }: Props) {
  const { t } = useTranslation();
  if (!published)
    return files.length > 0 ? (
      <FileLinks listingId={listingId} files={files} label={t("listingsReview.files")} />
    ) : null;
  return (
    <Changes listingId={listingId} kind={kind} published={published} proposed={proposed} files={files} />
  );
}

function Changes({ listingId, kind, published, proposed, files = [] }: Props & { published: DiffContent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const changes = contentChanges(kindOf(kind), published, proposed);
  const added = files.filter((f) => f.pending);
  const label = (c: ContentChange) =>
    c.kind === "text" ? t(`listings.form.${c.key}`) : fieldLabel(t, kind, c.key);
  const sides = (c: ContentChange): [string | null, string | null] =>
    c.kind === "text"
      ? [c.before, c.after]
      : [
          c.before === undefined ? null : valueText(c.field, c.before),
          c.after === undefined ? null : valueText(c.field, c.after),
        ];
  const labels = (c: ContentChange & { kind: "field" }, values: string[]) =>
    values.map((v) => valueLabel(c.field, v, locale)).join(", ");
  return (
    <Stack gap="sm">
      {changes.length === 0 ? (
        <Text size="sm">{t("listingsReview.noText")}</Text>
      ) : (
        <Stack component="dl" gap="sm" m={0}>
          {changes.map((c) => {
            const [before, after] = sides(c);
            return (
              <div key={c.key}>
                <Text component="dt" fw={600} size="sm">
                  {label(c)}
                </Text>
                <Box component="dd" m={0} mt={4}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <Side label={t("listingsReview.published")} text={before} tone="old" />
                    <Side label={t("listingsReview.proposed")} text={after} tone="new" />
                  </SimpleGrid>
                  {c.kind === "field" && before && after && (c.added.length > 0 || c.removed.length > 0) && (
                    <Text size="xs" mt={4}>
                      {[
                        c.added.length > 0 && t("listingsReview.added", { values: labels(c, c.added) }),
                        c.removed.length > 0 && t("listingsReview.removed", { values: labels(c, c.removed) }),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </Text>
                  )}
                </Box>
              </div>
            );
          })}
        </Stack>
      )}
      {changes.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("listingsReview.unchanged")}
        </Text>
      )}
      {added.length > 0 && (
        <FileLinks listingId={listingId} files={added} label={t("listingsReview.newFiles")} />
      )}
    </Stack>
  );
}
