import type { UseFormReturnType } from "@mantine/form";
import { ApiError, errorMessage } from "../api";

/** What a form shows in its general alert after a failed request. */
export interface FormProblem {
  message: string;
  /** Field errors the form has no input for. */
  details: string[];
}

/**
 * Puts the server's `errors[]` next to the matching form fields (names equal the request body keys)
 * and returns the general message (`detail || title`) for the alert.
 */
// biome-ignore lint/suspicious/noExplicitAny: works with a form of any shape
export function applyServerErrors(form: UseFormReturnType<any>, error: unknown): FormProblem {
  const details: string[] = [];
  if (error instanceof ApiError && error.errors.length > 0) {
    const values = form.getValues() as Record<string, unknown>;
    const fieldErrors: Record<string, string> = {};
    for (const { field, message } of error.errors) {
      if (field in values) {
        if (!(field in fieldErrors)) fieldErrors[field] = message;
      } else {
        details.push(message);
      }
    }
    form.setErrors(fieldErrors);
  }
  return { message: errorMessage(error), details };
}

/**
 * `form.onSubmit(handler, focusFirstInvalid)`: after a failed client-side check, move the focus to the
 * first field with an error so keyboard and screen-reader users land on it.
 */
export function focusFirstInvalid(
  _errors: unknown,
  _values: unknown,
  event: { currentTarget: HTMLFormElement } | undefined,
): void {
  const formElement = event?.currentTarget;
  if (!formElement) return;
  requestAnimationFrame(() => {
    formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
