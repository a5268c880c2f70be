import { z } from "zod";

/** One queue of the job queue with how many of its jobs wait, run and failed (kept 14 days). */
export const JobQueueCounts = z.object({
  name: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
});

/** A job that failed after its retries, with the error of its last run. */
export const FailedJob = z.object({
  id: z.uuid(),
  queue: z.string(),
  error: z.string(),
  failedAt: z.iso.datetime({ offset: true }).nullable(),
  attempts: z.number().int(),
});

export const JobsOverview = z.object({
  /** Whether this app server works the queue (false only in tests that do not start it). */
  running: z.boolean(),
  queues: z.array(JobQueueCounts),
  failures: z.array(FailedJob),
});

export const JobParams = z.object({ queue: z.string().min(1).max(200), id: z.uuid() });
