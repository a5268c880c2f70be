import { Button, Textarea } from "@mantine/core";
import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { renderWithApp } from "../test/render";
import { MutationForm } from "./MutationForm";

const refused = new ApiError({
  type: "https://innocluster.example/problems/conflict",
  title: "Конфликт",
  status: 409,
  detail: "Заявка уже подана",
});

/** A comment form whose request fails the first time and succeeds the second. */
function Apply({ sent }: { sent: string[] }) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  return (
    <MutationForm
      aria-labelledby="apply-title"
      lead={<h3 id="apply-title">Подать заявку</h3>}
      error={error}
      onSubmit={() => {
        sent.push(comment);
        setError(sent.length === 1 ? refused : null);
      }}
    >
      <Textarea label="Комментарий" value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      <Button type="submit">Отправить</Button>
    </MutationForm>
  );
}

describe("MutationForm", () => {
  it("sends the typed values without leaving the page and shows a failure above the fields until the next try", async () => {
    const sent: string[] = [];
    const { user } = renderWithApp(<Apply sent={sent} />, { url: "/organizations/1/status" });
    expect(screen.getByRole("form", { name: "Подать заявку" })).toBeTruthy();
    await user.type(screen.getByLabelText("Комментарий"), "Просим статус участника");
    await user.click(screen.getByRole("button", { name: "Отправить" }));
    expect(sent).toEqual(["Просим статус участника"]);
    expect(screen.getByRole("alert").textContent).toContain("Заявка уже подана");
    await user.click(screen.getByRole("button", { name: "Отправить" }));
    expect(sent).toHaveLength(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
