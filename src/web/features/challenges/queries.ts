import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { ChallengesQuery } from "./types";

export const challengeKeys = {
  all: ["challenges"] as const,
  search: (query: ChallengesQuery) => ["challenges", "search", query] as const,
  challenge: (id: string) => ["challenges", "challenge", id] as const,
  submissions: (id: string) => ["challenges", "submissions", id] as const,
  submission: (id: string) => ["challenges", "submission", id] as const,
  evaluation: (id: string, stage?: number) => ["challenges", "evaluation", id, stage ?? null] as const,
  queue: (page: number) => ["challenges", "queue", page] as const,
  questions: (id: string) => ["challenges", "questions", id] as const,
  submissionFiles: (id: string) => ["challenges", "submissionFiles", id] as const,
};

export const challengeQueries = {
  search: (query: ChallengesQuery) =>
    queryOptions({
      queryKey: challengeKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/challenges", { params: { query }, signal })),
    }),
  challenge: (id: string) =>
    queryOptions({
      queryKey: challengeKeys.challenge(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenges/{id}", { params: { path: { id } }, signal })),
    }),
  submissions: (id: string) =>
    queryOptions({
      queryKey: challengeKeys.submissions(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenges/{id}/submissions", { params: { path: { id } }, signal })),
    }),
  submission: (id: string) =>
    queryOptions({
      queryKey: challengeKeys.submission(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenge-submissions/{id}", { params: { path: { id } }, signal })),
    }),
  evaluation: (id: string, stage?: number) =>
    queryOptions({
      queryKey: challengeKeys.evaluation(id, stage),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/challenges/{id}/evaluation", {
            params: { path: { id }, query: stage ? { stage } : {} },
            signal,
          }),
        ),
    }),
  queue: (page: number) =>
    queryOptions({
      queryKey: challengeKeys.queue(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/challenges", { params: { query: { page, pageSize: 20 } }, signal })),
    }),
  questions: (id: string) =>
    queryOptions({
      queryKey: challengeKeys.questions(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenges/{id}/questions", { params: { path: { id } }, signal })),
    }),
  submissionFiles: (id: string) =>
    queryOptions({
      queryKey: challengeKeys.submissionFiles(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenge-submissions/{id}/files", { params: { path: { id } }, signal })),
    }),
};
