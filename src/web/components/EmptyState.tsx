import { Card, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  /** What is (not) there. */
  text: ReactNode;
  /** A quieter line under it: why, or where things come from. */
  hint?: ReactNode;
  /** What to do next: a link or a button. */
  action?: ReactNode;
}

/** An empty list's card: what it says, a hint and the next step. */
export function EmptyState({ text, hint, action }: Props) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="flex-start">
        <Text>{text}</Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {action}
      </Stack>
    </Card>
  );
}
