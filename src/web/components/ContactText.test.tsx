import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../test/render";
import { ContactText, EmailLink, PhoneLink, telHref } from "./ContactText";

describe("ContactText", () => {
  it("makes every phone number a tel: link and every e-mail a mailto: link, keeping the text", () => {
    const { container } = renderWithApp(
      <p>
        <ContactText>
          {"Фонд. Телефон: +7 (495) 000-10-07; e-mail: fund@example.org; резерв 8 800 555-35-35."}
        </ContactText>
      </p>,
    );
    expect(screen.getByRole("link", { name: "+7 (495) 000-10-07" }).getAttribute("href")).toBe(
      "tel:+74950001007",
    );
    expect(screen.getByRole("link", { name: "8 800 555-35-35" }).getAttribute("href")).toBe(
      "tel:+78005553535",
    );
    expect(screen.getByRole("link", { name: "fund@example.org" }).getAttribute("href")).toBe(
      "mailto:fund@example.org",
    );
    expect(container.querySelector("p")?.textContent).toBe(
      "Фонд. Телефон: +7 (495) 000-10-07; e-mail: fund@example.org; резерв 8 800 555-35-35.",
    );
  });

  it("leaves numbers that are not phones (dates, amounts) as text", () => {
    renderWithApp(<ContactText>{"Приём до 15.12.2026, до 5 000 000 рублей"}</ContactText>);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("links one address or number, and shows a number that cannot be dialled as text", () => {
    renderWithApp(
      <>
        <EmailLink email="a@b.ru" />
        <PhoneLink phone="+7 495 123-45-67" />
        <PhoneLink phone="доб. 12" />
      </>,
    );
    expect(screen.getByRole("link", { name: "a@b.ru" }).getAttribute("href")).toBe("mailto:a@b.ru");
    expect(screen.getByRole("link", { name: "+7 495 123-45-67" }).getAttribute("href")).toBe(
      "tel:+74951234567",
    );
    expect(screen.getByText("доб. 12")).toBeTruthy();
    expect(telHref("123")).toBeNull();
  });
});
