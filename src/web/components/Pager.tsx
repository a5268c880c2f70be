import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** More match than `total` (the server stopped counting): "of more than N". */
  totalCapped?: boolean;
  onChange: (page: number) => void;
}

/** Pagination with a "shown X–Y of N" summary; hidden when everything fits one page. */
export function Pager({ page, pageSize, total, totalCapped = false, onChange }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Text size="sm" aria-live="polite">
        {t(totalCapped ? "common.pagination.summaryCapped" : "common.pagination.summary", {
          from,
          to,
          total,
        })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t("common.pagination.label")}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            size="sm"
            getControlProps={(control) => ({
              "aria-label":
                control === "previous"
                  ? t("common.pagination.previous")
                  : control === "next"
                    ? t("common.pagination.next")
                    : control === "first"
                      ? t("common.pagination.first")
                      : t("common.pagination.last"),
            })}
            getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
          />
        </nav>
      )}
    </Group>
  );
}
