import { ApiError } from "../../api";

/** The server's message for one field of a failed request (the field's `error`), if any. */
export const fieldError = (error: unknown, field: string): string | undefined =>
  error instanceof ApiError ? error.errors.find((e) => e.field === field)?.message : undefined;
