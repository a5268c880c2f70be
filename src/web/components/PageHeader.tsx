import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
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
export function PageHeader({ title, subtitle, actions, children }: Props) {
  const heading = (
    <Stack gap="xs">
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
