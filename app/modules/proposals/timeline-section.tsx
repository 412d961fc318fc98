import { useTranslation } from "react-i18next";
import { ErrorList, TextField } from "~/modules/forms/fields";
import { RepeatList } from "~/ui/repeat-list";
import type { ProposalFields, ProposalFormMetadata } from "./proposal-form-types";

/** The HUB's dates and its measurable outcomes, each with an indicator, baseline, target and due date. */
export function TimelineSection({
  form,
  fields,
  baselineLocked,
}: {
  form: ProposalFormMetadata;
  fields: Pick<ProposalFields, "startDate" | "endDate" | "outcomes">;
  baselineLocked: boolean;
}) {
  const { t } = useTranslation("proposals");
  return (
    <fieldset className="form-section">
      <legend>{t("form.sections.timeline")}</legend>
      <p className="field-help">{t("form.timelineHelp")}</p>
      {baselineLocked ? <p className="notice">{t("form.baselineLocked")}</p> : null}
      <div className="field-row">
        <TextField meta={fields.startDate} type="date" label={t("form.startDate.label")} help={t("form.startDate.help")} />
        <TextField meta={fields.endDate} type="date" label={t("form.endDate.label")} help={t("form.endDate.help")} />
      </div>
      <h3>{t("form.outcomes.label")}</h3>
      <p className="field-help">{t("form.outcomes.help")}</p>
      <ErrorList id={fields.outcomes.errorId} errors={fields.outcomes.errors} />
      <RepeatList
        form={form}
        list={fields.outcomes}
        itemLegend={(number) => t("form.outcomes.item", { number })}
        removeLabel={(number) => t("form.outcomes.remove", { number })}
        addLabel={t("form.outcomes.add")}
      >
        {(outcome) => (
          <>
            <TextField meta={outcome.statement} label={t("form.outcomes.statement")} help={t("form.outcomes.statementHelp")} />
            <TextField meta={outcome.indicator} label={t("form.outcomes.indicator")} help={t("form.outcomes.indicatorHelp")} />
            <div className="field-row">
              <TextField meta={outcome.baseline} type="number" step="any" label={t("form.outcomes.baseline")} />
              <TextField meta={outcome.targetValue} type="number" step="any" label={t("form.outcomes.targetValue")} />
              <TextField meta={outcome.unit} label={t("form.outcomes.unit")} />
            </div>
            <TextField meta={outcome.milestone} label={t("form.outcomes.milestone")} help={t("form.outcomes.milestoneHelp")} />
            <TextField meta={outcome.dueDate} type="date" label={t("form.outcomes.dueDate")} help={t("form.outcomes.dueDateHelp")} />
          </>
        )}
      </RepeatList>
    </fieldset>
  );
}
