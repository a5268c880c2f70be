import type { UseFormReturnType } from "@mantine/form";
import { ApiError, errorMessage } from "../api";

/** What a form shows in its general alert after a failed request. */
export interface FormProblem {
  message: string;
  /** Field errors the form has no input for. */
  details: string[];
}

export interface ServerErrorOptions {
  /** Prefix a detail (an error without a field in the form) with its field name. */
  namedDetails?: boolean;
}

/**
 * Puts the server's `errors[]` next to the matching form fields (names equal the request body keys;
 * a nested path such as `criteria.ageYears.min` goes to that path when its top key is in the form)
 * and returns the general message (`detail || title`) and the other errors for the ProblemAlert.
 */
export function applyServerErrors(
  // biome-ignore lint/suspicious/noExplicitAny: works with a form of any shape
  form: UseFormReturnType<any>,
  error: unknown,
  options: ServerErrorOptions = {},
): FormProblem {
  const details: string[] = [];
  if (error instanceof ApiError && error.errors.length > 0) {
    const values = form.getValues() as Record<string, unknown>;
    const fieldErrors: Record<string, string> = {};
    for (const { field, message } of error.errors) {
      const top = field.split(".")[0] ?? field;
      if (top in values) {
        if (!(field in fieldErrors)) fieldErrors[field] = message;
      } else {
        details.push(options.namedDetails ? `${field}: ${message}` : message);
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
