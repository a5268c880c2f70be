import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/** PasswordInput that, unlike Mantine's, marks its input `aria-invalid` when it shows an error. */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput aria-invalid={props.error ? true : undefined} {...props} />;
}
