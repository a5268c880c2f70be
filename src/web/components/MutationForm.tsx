import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ProblemAlert } from "./ProblemAlert";

interface Props {
  /** Runs on submit (without a page load); it clears the last error itself and starts the request. */
  onSubmit(): void;
  /** The request's last failure, shown above the fields. */
  error: unknown;
  /** Above the failure: the form's heading or lead. */
  lead?: ReactNode;
  gap?: "xs" | "sm" | "md";
  "aria-labelledby"?: string;
  children: ReactNode;
}

/**
 * A form of a few plain fields (a comment, a message) sent as one request: submitting never reloads
 * the page, and the request's failure is shown above the fields. Forms with checks use `ProblemForm`.
 */
export function MutationForm({ onSubmit, error, lead, gap = "sm", children, ...rest }: Props) {
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap={gap}>
        {lead}
        <ProblemAlert error={error} />
        {children}
      </Stack>
    </form>
  );
}
