// Where a clarification's conversation links to (its subject): the challenge it is about.
import { Skeleton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";

export default function ClarificationPage() {
  const { id = "" } = useParams();
  const q = useQuery({
    queryKey: ["challenges", "clarification", id],
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/challenge-clarifications/{id}", { params: { path: { id } }, signal })),
  });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={120} />;
  return <Navigate to={`/challenges/${q.data.challengeId}`} replace />;
}
