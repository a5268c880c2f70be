// @vitest-environment jsdom
// The criteria editor applies the shared rule (src/shared/challenges.ts) as the author types: the
// total of the weights is shown, and a total other than 100 is said in words, not only in colour;
// a new criterion takes the weight that is left; the last criterion cannot be removed.
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { criteriaIssues } from "../../../shared/challenges";
import { renderWithApp } from "../../test/render";
import { CriteriaEditor } from "./ChallengeFormPage";

type Criterion = { name: string; description: string; weight: number };
const last: { value: Criterion[] } = { value: [] };

function Harness({ initial }: { initial: Criterion[] }) {
  const [value, setValue] = useState(initial);
  last.value = value;
  return <CriteriaEditor value={value} onChange={setValue} />;
}

const C = (name: string, weight: number): Criterion => ({ name, description: "", weight });

describe("the criteria editor", () => {
  it("shows the total of the weights and says when it is not 100", async () => {
    renderWithApp(<Harness initial={[C("Точность", 50), C("Цена", 50)]} />);
    expect(screen.getByText("Сумма весов: 100 из 100")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Вес критерия 1, %"), { target: { value: "70" } });
    expect(await screen.findByText("Сумма весов: 120 из 100 — должна быть ровно 100")).toBeTruthy();
    expect(criteriaIssues(last.value).map((i) => i.key)).toEqual(["field.challenge.weights-sum"]);
    fireEvent.change(screen.getByLabelText("Вес критерия 2, %"), { target: { value: "30" } });
    expect(await screen.findByText("Сумма весов: 100 из 100")).toBeTruthy();
    expect(criteriaIssues(last.value)).toEqual([]);
  });

  it("gives a new criterion the weight that is left, and keeps at least one criterion", async () => {
    const { user } = renderWithApp(<Harness initial={[C("Точность", 60)]} />);
    const remove = screen.getByRole("button", { name: "Удалить критерий 1" });
    expect(remove.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Добавить критерий" }));
    expect((screen.getByLabelText("Вес критерия 2, %") as HTMLInputElement).value).toBe("40");
    expect(screen.getByText("Сумма весов: 100 из 100")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Удалить критерий 1" }));
    expect(last.value).toEqual([C("", 40)]);
    expect(screen.getByText("Сумма весов: 40 из 100 — должна быть ровно 100")).toBeTruthy();
  });
});
