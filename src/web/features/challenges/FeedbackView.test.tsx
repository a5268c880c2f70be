// @vitest-environment jsdom
// What a submitter reads when the results are published: the decision, the overall score, the average
// of each criterion (a dash where no expert scored it) and the experts' comments without their names.
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render";
import { FeedbackView } from "./SubmissionPage";
import type { Submission } from "./types";

const submission = (feedback: Submission["feedback"]) => ({ feedback }) as Submission;

describe("the feedback view", () => {
  it("shows the decision, the score, each criterion's average and the anonymous comments", () => {
    renderWithApp(
      <FeedbackView
        s={submission({
          decision: "reserve",
          stage: 1,
          score: 7.35,
          averages: [
            { name: "Точность прогноза", weight: 45, average: 8.5 },
            { name: "Срок внедрения", weight: 20, average: null },
            { name: "Стоимость владения", weight: 35, average: 6 },
          ],
          comments: ["Нужны подтверждающие данные пилотов.", "Нужны подтверждающие данные пилотов."],
        })}
      />,
    );
    const region = screen.getByRole("region", { name: "Итоги и обратная связь" });
    expect(within(region).getByText("Резерв")).toBeTruthy();
    expect(within(region).getByText("Итоговая оценка: 7,35 из 10")).toBeTruthy();
    const rows = within(region)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(["Точность прогноза45%8,5", "Срок внедрения20%—", "Стоимость владения35%6"]);
    // two experts wrote the same words: both are shown
    expect(within(region).getAllByText("Нужны подтверждающие данные пилотов.")).toHaveLength(2);
  });

  it("says so when the experts left no comments", () => {
    renderWithApp(
      <FeedbackView
        s={submission({ decision: "not_selected", stage: 2, score: null, averages: [], comments: [] })}
      />,
    );
    expect(screen.getByText("Не отобрана")).toBeTruthy();
    expect(screen.queryByText(/Итоговая оценка/)).toBeNull();
    expect(screen.getByText("Эксперты не оставили комментариев.")).toBeTruthy();
  });
});
