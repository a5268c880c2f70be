// @vitest-environment jsdom
// Who submits: the reader's organizations and teams as the challenge allows — organizations only where
// teams are not allowed, both where they are, teams only at a hackathon.
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render";
import { SubmitterChoice, submitterOf, submitterOptions } from "./SubmitterChoice";

const organizations = [{ id: "o1", shortName: "ООО «Нейросеть»" }];
const teams = [{ id: "t1", name: "Команда «Бауманка»" }];

function Choice({ teamsAllowed, teamsOnly }: { teamsAllowed: boolean; teamsOnly: boolean }) {
  const options = submitterOptions({ teamsAllowed, teamsOnly }, organizations, teams);
  const [value, setValue] = useState<string | null>(options[0] ?? null);
  return (
    <>
      <SubmitterChoice
        organizations={organizations}
        teams={teams}
        teamsAllowed={teamsAllowed}
        teamsOnly={teamsOnly}
        value={value}
        onChange={setValue}
      />
      <output>{JSON.stringify(submitterOf(value))}</output>
    </>
  );
}

const optionNames = () => screen.queryAllByRole("option", { hidden: true }).map((o) => o.textContent);

describe("the submitter choice", () => {
  it("offers organizations only where teams are not allowed", () => {
    renderWithApp(<Choice teamsAllowed={false} teamsOnly={false} />);
    fireEvent.click(screen.getByLabelText("Кто подаёт заявку", { selector: "input" }));
    expect(optionNames()).toEqual(["ООО «Нейросеть»"]);
    expect(screen.getByRole("status").textContent).toBe('{"organizationId":"o1"}');
  });

  it("offers both where teams are allowed, and submits as the chosen team", () => {
    renderWithApp(<Choice teamsAllowed teamsOnly={false} />);
    fireEvent.click(screen.getByLabelText("Кто подаёт заявку", { selector: "input" }));
    expect(optionNames()).toEqual(["ООО «Нейросеть»", "Команда «Бауманка»"]);
    fireEvent.click(screen.getByRole("option", { name: "Команда «Бауманка»", hidden: true }));
    expect(screen.getByRole("status").textContent).toBe('{"teamId":"t1"}');
  });

  it("offers teams only at a hackathon", () => {
    renderWithApp(<Choice teamsAllowed teamsOnly />);
    expect(screen.getByText("Хакатон: заявки принимаются только от команд")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Кто подаёт заявку", { selector: "input" }));
    expect(optionNames()).toEqual(["Команда «Бауманка»"]);
    expect(screen.getByRole("status").textContent).toBe('{"teamId":"t1"}');
  });
});
