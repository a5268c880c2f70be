import { Card, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  /** The heading's id; the section is named by it. */
  id: string;
  title: ReactNode;
  /** Space under the heading. */
  titleGap?: "xs" | "sm" | "md";
  /** The heading's size: h3 for a page's main sections, h4 for side and smaller ones. */
  titleSize?: "h3" | "h4";
  padding?: "md" | "lg";
  /** The heading and the content are one stack with this gap (instead of a margin under the heading). */
  stack?: "sm";
  /** A background colour from the theme, for a section that calls for attention. */
  bg?: string;
  children: ReactNode;
}

/** A bordered section of a page with its h2. */
export function SectionCard({
  id,
  title,
  titleGap = "md",
  titleSize = "h3",
  padding = "lg",
  stack,
  bg,
  children,
}: Props) {
  if (stack)
    return (
      <Card withBorder padding={padding} component="section" aria-labelledby={id} bg={bg}>
        <Stack gap={stack}>
          <Title order={2} size={titleSize} id={id}>
            {title}
          </Title>
          {children}
        </Stack>
      </Card>
    );
  return (
    <Card withBorder padding={padding} component="section" aria-labelledby={id} bg={bg}>
      <Title order={2} size={titleSize} id={id} mb={titleGap}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
