import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n";
import { renderWithApp } from "../test/render";
import { InRussian } from "./InRussian";

afterEach(async () => {
  await i18n.changeLanguage("ru");
});

describe("InRussian", () => {
  it("on an English page marks Russian content with lang=ru and a visible label", async () => {
    await i18n.changeLanguage("en");
    renderWithApp(
      <p>
        <InRussian>Фонд содействия инновациям</InRussian>
      </p>,
    );
    const text = screen.getByText("Фонд содействия инновациям");
    expect(text.getAttribute("lang")).toBe("ru");
    expect(screen.getByText("in Russian")).toBeTruthy();
  });

  it("marks a block (a list of documents) as a whole", async () => {
    await i18n.changeLanguage("en");
    renderWithApp(
      <InRussian block>
        <ul>
          <li>Заявка</li>
        </ul>
      </InRussian>,
    );
    expect(screen.getByRole("list").closest("[lang]")?.getAttribute("lang")).toBe("ru");
    expect(screen.getByText("in Russian")).toBeTruthy();
  });

  it("adds nothing on a Russian page or when the content has its English text", async () => {
    const { container, unmount } = renderWithApp(<InRussian>Фонд</InRussian>);
    expect(container.querySelector("[lang]")).toBeNull();
    expect(screen.queryByText("на русском")).toBeNull();
    unmount();
    await i18n.changeLanguage("en");
    renderWithApp(<InRussian russian={false}>Innovation Fund</InRussian>);
    expect(screen.queryByText("in Russian")).toBeNull();
  });
});
