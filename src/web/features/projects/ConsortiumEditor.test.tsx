// @vitest-environment jsdom
// The consortium's share editor applies the shared rule (src/shared/projects.ts) as the lead types:
// the sum of the shares is shown, a sum other than 100% is said in words, not only in colour, a share
// that is not a percent says so at its field, and a removed partner's share is left to rebalance.
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { shareIssues } from "../../../shared/projects";
import { renderWithApp } from "../../test/render";
import { rowsAsMembers, type ShareRow, SharesEditor } from "./ConsortiumEditor";

const last: { value: ShareRow[] } = { value: [] };

function Harness({ initial }: { initial: ShareRow[] }) {
  const [value, setValue] = useState(initial);
  last.value = value;
  return <SharesEditor value={value} onChange={setValue} />;
}

const row = (id: string, shortName: string, share: string, state: ShareRow["state"]): ShareRow => ({
  organizationId: id,
  shortName,
  roleRu: state === "lead" ? "Разработчик" : "Испытания",
  share,
  state,
});

describe("the consortium's share editor", () => {
  it("shows the sum of the shares and says when it is not 100%", async () => {
    renderWithApp(
      <Harness
        initial={[
          row("a", "ООО «Вода»", "60", "lead"),
          row("b", "МГТУ", "25", "accepted"),
          row("c", "АО «Три»", "15", "invited"),
        ]}
      />,
    );
    expect(screen.getByText("Сумма долей: 100 %")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Доля, %: МГТУ"), { target: { value: "33,34" } });
    expect(await screen.findByText("Сумма долей: 108,34 % — должна быть ровно 100 %")).toBeTruthy();
    expect(shareIssues(rowsAsMembers(last.value)).map((i) => i.key)).toEqual(["field.project.shares-sum"]);
    fireEvent.change(screen.getByLabelText("Доля, %: ООО «Вода»"), { target: { value: "51,66" } });
    expect(await screen.findByText("Сумма долей: 100 %")).toBeTruthy();
    expect(rowsAsMembers(last.value).map((m) => m.share)).toEqual([5166, 3334, 1500]);
    expect(shareIssues(rowsAsMembers(last.value))).toEqual([]);
  });

  it("says at the field when a share is not a percent, and leaves a removed partner's share to rebalance", async () => {
    const { user } = renderWithApp(
      <Harness initial={[row("a", "ООО «Вода»", "70", "lead"), row("b", "МГТУ", "30", "invited")]} />,
    );
    expect(screen.queryByRole("button", { name: "Убрать ООО «Вода» из консорциума" })).toBeNull();
    fireEvent.change(screen.getByLabelText("Доля, %: МГТУ"), { target: { value: "3,333" } });
    expect(await screen.findByText("Число процентов, до двух знаков после запятой")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Убрать МГТУ из консорциума" }));
    expect(last.value.map((r) => r.organizationId)).toEqual(["a"]);
    expect(screen.getByText("Сумма долей: 70 % — должна быть ровно 100 %")).toBeTruthy();
  });
});
