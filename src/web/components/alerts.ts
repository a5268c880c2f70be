/**
 * Props of Mantine's light alerts whose title would fail WCAG AA contrast in the alert's own colour
 * (orange, teal or green text on the light background): spread them, then add `title`, `role`.
 */

/** A warning: orange, its title in the text colour. */
export const warnAlert = {
  color: "orange",
  variant: "light",
  styles: { title: { color: "var(--mantine-color-text)" } },
} as const;

/** A success: teal, its title in the text colour. */
export const okAlert = {
  color: "teal",
  variant: "light",
  styles: { title: { color: "var(--mantine-color-text)" } },
} as const;

/** A finished operation's report: green, its title in a dark green. */
export const doneAlert = {
  color: "green",
  variant: "light",
  styles: { title: { color: "#1e6b34" } },
} as const;

/** A failed operation's report: red, its title in a dark red. */
export const failedAlert = {
  color: "red",
  variant: "light",
  styles: { title: { color: "#a51d1d" } },
} as const;
