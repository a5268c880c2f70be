import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import i18n from "../i18n";
import { renderWithApp } from "../test/render";
import { AppModal, ModalFormActions } from "./modal";

describe("AppModal and ModalFormActions", () => {
  it("shows a dialog with its title, a named close button, and cancel / submit buttons", async () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const { user } = renderWithApp(
      <AppModal opened onClose={() => {}} title="Заблокировать">
        <form onSubmit={onSubmit}>
          <ModalFormActions onCancel={onCancel} submitLabel="Заблокировать" color="red" />
        </form>
      </AppModal>,
    );
    const dialog = await screen.findByRole("dialog", { name: "Заблокировать" });
    expect(dialog).toBeTruthy();
    expect(screen.getByRole("button", { name: i18n.t("common.close") })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: i18n.t("common.cancel") }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Заблокировать" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
