import { Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { grantQueries } from "./queries";
import type { Program } from "./types";

/** A form page about the program of the address (`:id`): its header back to the program, then the form. */
export function ProgramFormFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: boolean;
  children: (p: Program) => ReactNode;
}) {
  usePageTitle(title);
  const { id = "" } = useParams();
  const q = useQuery(grantQueries.program(id));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/grants/programs/${id}`, label: q.data.titleRu }}
        title={title}
        subtitle={subtitle ? q.data.titleRu : undefined}
      />
      {children(q.data)}
    </Stack>
  );
}
