import { Alert, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** Narrow centred card used by the sign-in, sign-up, confirmation and reset pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack maw={480} mx="auto" gap="lg">
      <Title order={1}>{title}</Title>
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md">
        {children}
      </Paper>
    </Stack>
  );
}

/** The server's answer announced as a status (a mail sent, a password changed), then what to do next. */
export function AuthNotice({ message, children }: { message: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap="md">
      <Alert color="indigo" variant="light" role="status">
        {message}
      </Alert>
      {children}
    </Stack>
  );
}
