import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { warnAlert } from "./alerts";

interface Props {
  /** What happened: "Someone else changed the listing". */
  title: string;
  /** What it means for the reader's input and what to do. */
  text: ReactNode;
  /** The current version as the others saved it (a summary, what differs from the reader's input). */
  children?: ReactNode;
  /** Save the reader's input over the current version (with its version number), if the form may. */
  overwrite?: { label: string; onClick: () => void; loading?: boolean };
  /** Drop the reader's input and load the current version. */
  reload: { label: string; onClick: () => void };
}

/**
 * A stale edit's answer (409 with the current record): the reader's input stays in the form; the alert
 * says someone else saved meanwhile, shows the current version and lets the reader save theirs over it
 * or load the current one.
 */
export function ConflictAlert({ title, text, children, overwrite, reload }: Props) {
  return (
    <Alert {...warnAlert} role="alert" title={title}>
      <Stack gap="sm">
        <Text size="sm">{text}</Text>
        {children}
        <Group gap="sm">
          {overwrite && (
            <Button size="xs" onClick={overwrite.onClick} loading={overwrite.loading}>
              {overwrite.label}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={reload.onClick}>
            {reload.label}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
