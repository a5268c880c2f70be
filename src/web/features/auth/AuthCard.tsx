import { Paper, Stack, Title } from "@mantine/core";
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
