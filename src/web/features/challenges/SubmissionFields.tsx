import { Group, NumberInput, Select, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IP_STATUSES, type IpStatus } from "../../../shared/challenges";
import { fieldError } from "./fieldErrors";

export interface SubmissionValues {
  solution: string;
  trl: number;
  ipStatus: IpStatus;
  price: number | null;
  pilotPlan: string;
}

/** A submission's fields: the solution, TRL, IP status, price and the pilot plan. */
export function SubmissionFields({
  v,
  set,
  error,
}: {
  v: SubmissionValues;
  set: (patch: Partial<SubmissionValues>) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t("challengesWork.submission.solution")}
        required
        autosize
        minRows={4}
        value={v.solution}
        onChange={(e) => set({ solution: e.currentTarget.value })}
        error={fieldError(error, "solution")}
      />
      <Group grow wrap="wrap" align="flex-start">
        <NumberInput
          label={t("challengesWork.submission.trl")}
          required
          min={1}
          max={9}
          allowDecimal={false}
          value={v.trl}
          onChange={(x) => set({ trl: typeof x === "number" ? x : 1 })}
          error={fieldError(error, "trl")}
        />
        <Select
          label={t("challengesWork.submission.ipStatus")}
          data={IP_STATUSES.map((s) => ({ value: s, label: t(`challengesWork.ipStatus.${s}`) }))}
          value={v.ipStatus}
          allowDeselect={false}
          onChange={(x) => x && set({ ipStatus: x as IpStatus })}
        />
        <NumberInput
          label={t("challengesWork.submission.price")}
          min={0}
          thousandSeparator=" "
          allowDecimal={false}
          value={v.price ?? ""}
          onChange={(x) => set({ price: typeof x === "number" ? x : null })}
          error={fieldError(error, "price")}
        />
      </Group>
      <Textarea
        label={t("challengesWork.submission.pilotPlan")}
        required
        autosize
        minRows={3}
        value={v.pilotPlan}
        onChange={(e) => set({ pilotPlan: e.currentTarget.value })}
        error={fieldError(error, "pilotPlan")}
      />
    </>
  );
}
