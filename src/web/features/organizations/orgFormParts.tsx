// Small pieces the profile form's sections share: field ids (for "fill in the profile" links), the
// section card and the live identifier check.
import { Stack } from "@mantine/core";
import type { ChangeEvent, ReactNode } from "react";
import { SectionCard } from "../../components/SectionCard";
import { compact, type OrgForm } from "./orgFormValues";
import type { IdField } from "./useOrgForm";

/**
 * The id of a profile field's input (`org-field-foundedOn`, `org-field-flags.exporter`): "fill in the
 * profile" links of the support-measure navigator name the field (`?edit=1&field=…`).
 */
export const fieldId = (field: string) => `org-field-${field}`;

/**
 * Scrolls to a profile field and puts the focus in it (for a group of radios: the checked one, else the
 * first). Returns false when the form has no such field.
 */
export function focusOrgField(field: string): boolean {
  const el = document.getElementById(fieldId(field));
  if (!el) return false;
  const focusable = /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)
    ? el
    : (el.querySelector<HTMLElement>("input:checked") ??
      el.querySelector<HTMLElement>("input, select, textarea, button") ??
      el);
  el.scrollIntoView({ block: "center" });
  focusable.focus({ preventScroll: true });
  return true;
}

export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <SectionCard id={id} title={title}>
      <Stack gap="md">{children}</Stack>
    </SectionCard>
  );
}

/**
 * Live check of an identifier: the error appears as soon as the value is long enough to judge (or has
 * a wrong character), and on leaving the field; while typing a short value no error is shown.
 */
export function identifierProps(form: OrgForm, field: IdField, expected: number) {
  const props = form.getInputProps(field);
  return {
    ...props,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      form.setFieldValue(field, value);
      const v = compact(value);
      if (v.length >= expected || (field !== "kpp" && /\D/.test(v))) form.validateField(field);
      else form.clearFieldError(field);
    },
    onBlur: () => {
      if (form.getValues()[field]) form.validateField(field);
    },
  };
}
