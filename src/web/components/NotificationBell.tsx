import { ActionIcon, Indicator } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUnreadCount } from "../features/notifications/queries";
import { useFormat } from "../format";
import { BellIcon } from "./icons";

/** The bell in the header: a link to the notification centre with the number of unread ones. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const { enabled, unread } = useUnreadCount();
  if (!enabled) return null;
  const label = unread > 99 ? "99+" : format.number(unread);
  return (
    <Indicator
      label={<span aria-hidden="true">{label}</span>}
      size={18}
      offset={4}
      color="red.9"
      disabled={unread === 0}
      withBorder
      zIndex={1}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="dark"
        size="lg"
        radius="xl"
        aria-label={t("common.header.notifications", { n: unread })}
      >
        <BellIcon size={22} />
      </ActionIcon>
    </Indicator>
  );
}
