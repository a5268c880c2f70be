import { Anchor } from "@mantine/core";
import { screen } from "@testing-library/react";
import { Link } from "react-router";
import { describe, expect, it } from "vitest";
import { location, renderWithApp } from "../../test/render";
import { AuthCard, AuthNotice } from "./AuthCard";

describe("AuthNotice", () => {
  it("announces the server's answer as a status and offers the next step", async () => {
    const { user } = renderWithApp(
      <AuthCard title="Восстановление пароля">
        <AuthNotice message="Если адрес зарегистрирован, мы отправили на него ссылку.">
          <Anchor component={Link} to="/signin">
            Ко входу
          </Anchor>
        </AuthNotice>
      </AuthCard>,
      { url: "/reset" },
    );
    expect(screen.getByRole("heading", { level: 1, name: "Восстановление пароля" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("мы отправили на него ссылку");
    await user.click(screen.getByRole("link", { name: "Ко входу" }));
    expect(location.current).toBe("/signin");
  });
});
