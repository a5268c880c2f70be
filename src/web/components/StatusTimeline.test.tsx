import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../test/render";
import { StatusTimeline } from "./StatusTimeline";

const formatAt = (at: string) => at.slice(0, 10);

describe("StatusTimeline", () => {
  it("lists the events newest first with their date and lines", () => {
    renderWithApp(
      <StatusTimeline
        formatAt={formatAt}
        empty="Пусто"
        entries={[
          { id: "1", at: "2026-01-10T10:00:00Z", title: "Подана", lines: ["Запрошен статус: участник"] },
          {
            id: "2",
            at: "2026-02-01T10:00:00Z",
            title: "Одобрена",
            color: "teal",
            lines: [null, "Комментарий"],
          },
        ]}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByText("Одобрена")).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText("Комментарий")).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText("Запрошен статус: участник")).toBeTruthy();
    const time = (items[1] as HTMLElement).querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe("2026-01-10T10:00:00Z");
    expect(time?.textContent).toBe("2026-01-10");
  });

  it("says so when there is no history", () => {
    renderWithApp(<StatusTimeline formatAt={formatAt} empty="Истории пока нет" entries={[]} />);
    expect(screen.getByText("Истории пока нет")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});
