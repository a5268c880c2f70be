import { Card, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  /** The heading's id; the section is named by it. */
  id: string;
  title: string;
  /** Space under the heading. */
  titleGap?: "sm" | "md";
  children: ReactNode;
}

/** A bordered section of a page with its h2. */
export function SectionCard({ id, title, titleGap = "md", children }: Props) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={titleGap}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
