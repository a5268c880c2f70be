import type { TFunction } from "i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../shared/constants";

/** Client-side checks that mirror the server's; the server's field errors still win. */
export const FULL_NAME_MIN = 2;
export const FULL_NAME_MAX = 200;
export const EMAIL_MAX = 254;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validators(t: TFunction) {
  return {
    email(value: string): string | null {
      const v = value.trim();
      if (!v) return t("common.validation.required");
      if (v.length > EMAIL_MAX || !EMAIL_RE.test(v)) return t("common.validation.email");
      return null;
    },
    fullName(value: string): string | null {
      const v = value.trim();
      if (!v) return t("common.validation.required");
      if (v.length < FULL_NAME_MIN) return t("common.validation.tooShort", { min: FULL_NAME_MIN });
      if (v.length > FULL_NAME_MAX) return t("common.validation.tooLong", { max: FULL_NAME_MAX });
      return null;
    },
    password(value: string): string | null {
      if (!value) return t("common.validation.required");
      if (value.length < PASSWORD_MIN || value.length > PASSWORD_MAX) {
        return t("common.validation.passwordLength", { min: PASSWORD_MIN, max: PASSWORD_MAX });
      }
      return null;
    },
    required(value: string): string | null {
      return value.trim() ? null : t("common.validation.required");
    },
  };
}
