import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useFormat } from "./format";
import i18n from "./i18n";

afterEach(async () => {
  await i18n.changeLanguage("ru");
});

// The test process runs in UTC (or wherever the machine is): the values below are chosen so that
// the day differs between UTC and Moscow, as it does for a reader outside Moscow.
describe("dates and times", () => {
  it("shows a moment in Moscow time wherever the reader is (late evening UTC is the next day in Moscow)", () => {
    const { result } = renderHook(() => useFormat());
    expect(result.current.dateTime("2026-03-11T22:30:00Z")).toBe("12 мар. 2026 г., 01:30");
    expect(result.current.date("2026-03-11T22:30:00Z")).toBe("12 марта 2026 г.");
  });

  it("shows a day (a deadline, a founding date) as that very day, in either language", async () => {
    const { result, rerender } = renderHook(() => useFormat());
    expect(result.current.date("2026-03-12")).toBe("12 марта 2026 г.");
    await i18n.changeLanguage("en");
    rerender();
    expect(result.current.date("2026-03-12")).toBe("12 March 2026");
  });
});
