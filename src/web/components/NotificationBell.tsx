import { ActionIcon, Indicator } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useConversationUnread } from "../features/conversations/queries";
import { useUnreadCount } from "../features/notifications/queries";
import { useFormat } from "../format";
import { BellIcon, MessageIcon } from "./icons";

/** An icon link of the header with a red count of unread items (hidden at zero). */
function CountLink({
  to,
  count,
  label,
  icon,
}: {
  to: string;
  count: number;
  label: string;
  icon: ReactNode;
}) {
  const format = useFormat();
  const text = count > 99 ? "99+" : format.number(count);
  return (
    <Indicator
      label={<span aria-hidden="true">{text}</span>}
      size={18}
      offset={4}
      color="red.9"
      disabled={count === 0}
      withBorder
      zIndex={1}
    >
      <ActionIcon
        component={Link}
        to={to}
        variant="subtle"
        color="dark"
        size="lg"
        radius="xl"
        aria-label={label}
      >
        {icon}
      </ActionIcon>
    </Indicator>
  );
}

/** The bell in the header: a link to the notification centre with the number of unread ones. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { enabled, unread } = useUnreadCount();
  if (!enabled) return null;
  return (
    <CountLink
      to="/notifications"
      count={unread}
      label={t("common.header.notifications", { n: unread })}
      icon={<BellIcon size={22} />}
    />
  );
}

/** The messages link in the header with the number of unread messages in all conversations (live). */
export function MessagesBadge() {
  const { t } = useTranslation();
  const { enabled, unread } = useConversationUnread();
  if (!enabled) return null;
  return (
    <CountLink
      to="/messages"
      count={unread}
      label={t("conversations.headerLink", { n: unread })}
      icon={<MessageIcon size={22} />}
    />
  );
}
