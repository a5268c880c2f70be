import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Shade 9 of every palette is the "filled"/"light" colour in the light scheme: with it the text of
 * buttons, badges, alerts and links keeps a WCAG AA contrast ratio (≥ 4.5:1).
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 9, dark: 4 },
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "700" },
  defaultRadius: "md",
  focusRing: "auto",
  cursorType: "pointer",
  components: {
    Anchor: { defaultProps: { underline: "always" } },
    // badges read in sentence case, as their texts are written (Mantine's default is capitals)
    Badge: { defaultProps: { tt: "none" } },
    // Mantine renders dialog headers as <header>, which axe counts as a second "banner" landmark
    // no fade: a half-transparent menu fails contrast checks while it animates
    Menu: { defaultProps: { transitionProps: { duration: 0 } } },
    ModalHeader: { defaultProps: { component: "div" } },
    DrawerHeader: { defaultProps: { component: "div" } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
  },
  dark: {},
});
