/** A badge's colours that keep WCAG AA contrast: filled, dark shades; yellow with black text. */
export const badgeColors = (tone: "green" | "red" | "yellow" | "gray" | "blue" | "indigo") =>
  tone === "yellow"
    ? ({ color: "yellow", c: "black", variant: "filled" } as const)
    : ({
        // green.9 is 4.4:1 against white, under AA for a badge's small text; teal.9 is 5.0:1
        color: tone === "gray" ? "gray.7" : tone === "green" ? "teal.9" : `${tone}.9`,
        variant: "filled",
      } as const);
