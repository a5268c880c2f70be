import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

interface Props {
  /** A small link above the title to where the page belongs (its list, the step before). */
  back?: { to: string; label: string };
  /** The page's one h1. */
  title: ReactNode;
  /** A lead paragraph under the title. */
  subtitle?: ReactNode;
  /** Buttons or links for the page's main actions; they wrap under the title on a phone. */
  actions?: ReactNode;
  /** Anything between the title and the actions (a badge, a back link). */
  children?: ReactNode;
}

/** The top of a page: title, optional lead and actions, the same on every page. */
export function PageHeader({ back, title, subtitle, actions, children }: Props) {
  const heading = (
    <Stack gap="xs">
      {back && (
        <Anchor component={Link} to={back.to} size="sm">
          {back.label}
        </Anchor>
      )}
      <Title order={1}>{title}</Title>
      {subtitle && <Text maw={760}>{subtitle}</Text>}
      {children}
    </Stack>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      {heading}
      <Group gap="xs">{actions}</Group>
    </Group>
  );
}
