import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatNumber } from "~/modules/i18n/format";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { OVERALL_STATUSES, ProgressUpdateSchema } from "./progress-form";

export interface FormOutcome {
  id: number;
  statement: string;
  indicator: string;
  baseline: number | null;
  target_value: number | null;
  unit: string | null;
  milestone: string | null;
}

export interface ProgressFormDefaults {
  overallStatus?: string;
  narrative?: string;
  translations?: Partial<Record<Language, string>>;
  outcomes?: { outcomeId: number; value: number | null; milestoneReached: boolean | null; comment: string | null }[];
  activities?: { title: string; heldOn: string }[];
  evidence?: { url: string; label: string | null }[];
}

const SPARE_ROWS = 2;

/** The progress-update form (new and edit): posts without JavaScript; errors beside their fields; input kept. */
export function ProgressUpdateForm({
  outcomes,
  defaults,
  version,
  originalLanguage,
  lastResult,
  language,
}: {
  outcomes: FormOutcome[];
  defaults: ProgressFormDefaults;
  version?: number;
  originalLanguage: Language;
  lastResult?: SubmissionResult<string[]> | null;
  language: Language;
}) {
  const { t } = useTranslation(["monitoring", "common"]);
  const navigation = useNavigation();
  const byOutcome = new Map((defaults.outcomes ?? []).map((row) => [row.outcomeId, row]));
  const [form, fields] = useForm({
    id: "progress-update",
    lastResult,
    constraint: getZodConstraint(ProgressUpdateSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgressUpdateSchema }),
    defaultValue: {
      overallStatus: defaults.overallStatus ?? "",
      narrative: defaults.narrative ?? "",
      translation_en: defaults.translations?.en ?? "",
      translation_es: defaults.translations?.es ?? "",
      translation_fr: defaults.translations?.fr ?? "",
      outcomes: outcomes.map((outcome) => {
        const row = byOutcome.get(outcome.id);
        return {
          outcomeId: String(outcome.id),
          kind: outcome.milestone || outcome.target_value === null ? "milestone" : "numeric",
          value: row?.value === null || row?.value === undefined ? "" : String(row.value),
          milestoneReached: row?.milestoneReached === null || row?.milestoneReached === undefined ? "" : row.milestoneReached ? "yes" : "no",
          comment: row?.comment ?? "",
        };
      }),
      activities: [...(defaults.activities ?? []), ...Array.from({ length: SPARE_ROWS }, () => ({ title: "", heldOn: "" }))],
      evidence: [...(defaults.evidence ?? []).map((entry) => ({ url: entry.url, label: entry.label ?? "" })), ...Array.from({ length: SPARE_ROWS }, () => ({ url: "", label: "" }))],
    },
  });
  const outcomeFields = fields.outcomes.getFieldList();
  const activityFields = fields.activities.getFieldList();
  const evidenceFields = fields.evidence.getFieldList();
  const number = (value: number | null, unit: string | null) => (value === null ? "–" : `${formatNumber(value, language)}${unit ? ` ${unit}` : ""}`);
  return (
    <Form method="post" {...getFormProps(form)} className="form form--wide">
      <FormErrors id={form.errorId} errors={form.errors} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <SelectField
        meta={fields.overallStatus}
        label={t("form.overallStatus")}
        placeholder={t("form.choose")}
        options={OVERALL_STATUSES.map((status) => ({ value: status, label: t(`overall.${status}`) }))}
      />
      <TextAreaField
        meta={fields.narrative}
        rows={8}
        label={t("form.narrative", { language: t(`common:languages.${originalLanguage}`) })}
        help={t("form.narrativeHelp")}
      />
      <fieldset className="fieldset">
        <legend>{t("form.outcomesLegend")}</legend>
        {outcomeFields.map((field, index) => {
          const outcome = outcomes[index];
          if (!outcome) return null;
          const entry = field.getFieldset();
          const milestone = Boolean(outcome.milestone) || outcome.target_value === null;
          return (
            <div key={field.key} className="outcome-entry">
              <h3 className="outcome-entry__title">{outcome.statement}</h3>
              <p className="field-help">
                {outcome.indicator} ·{" "}
                {milestone
                  ? t("form.milestone", { milestone: outcome.milestone ?? "" })
                  : t("form.baselineTarget", { baseline: number(outcome.baseline, outcome.unit), target: number(outcome.target_value, outcome.unit) })}
              </p>
              <input {...getInputProps(entry.outcomeId, { type: "hidden" })} key={entry.outcomeId.key} />
              <input {...getInputProps(entry.kind, { type: "hidden" })} key={entry.kind.key} />
              {milestone ? (
                <SelectField
                  meta={entry.milestoneReached}
                  label={t("form.milestoneReached", { outcome: outcome.statement })}
                  placeholder={t("form.choose")}
                  options={[
                    { value: "yes", label: t("form.reached") },
                    { value: "no", label: t("form.notYet") },
                  ]}
                />
              ) : (
                <TextField
                  meta={entry.value}
                  type="number"
                  step="any"
                  inputMode="decimal"
                  label={t("form.valueReached", { outcome: outcome.statement, unit: outcome.unit ?? "" })}
                />
              )}
              <TextAreaField meta={entry.comment} rows={2} label={t("form.outcomeComment", { outcome: outcome.statement })} />
            </div>
          );
        })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("form.activitiesLegend")}</legend>
        <p className="field-help">{t("form.activitiesHelp")}</p>
        {activityFields.map((field, index) => {
          const entry = field.getFieldset();
          return (
            <div key={field.key} className="row-fields">
              <TextField meta={entry.title} label={t("form.activityTitle", { number: index + 1 })} />
              <TextField meta={entry.heldOn} type="date" label={t("form.activityDate", { number: index + 1 })} />
            </div>
          );
        })}
        <ErrorList id={fields.activities.errorId} errors={fields.activities.errors} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("form.evidenceLegend")}</legend>
        {evidenceFields.map((field, index) => {
          const entry = field.getFieldset();
          return (
            <div key={field.key} className="row-fields">
              <TextField meta={entry.url} type="url" label={t("form.evidenceUrl", { number: index + 1 })} />
              <TextField meta={entry.label} label={t("form.evidenceLabel", { number: index + 1 })} />
            </div>
          );
        })}
      </fieldset>
      <details className="fieldset">
        <summary>{t("form.translationsLegend")}</summary>
        {(["en", "es", "fr"] as const)
          .filter((other) => other !== originalLanguage)
          .map((other) => (
            <TextAreaField key={other} meta={fields[`translation_${other}`]} rows={5} label={t("form.translation", { language: t(`common:languages.${other}`) })} />
          ))}
      </details>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button button--secondary" disabled={navigation.state === "submitting"}>
          {t("form.saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("form.submit")}
        </button>
      </div>
    </Form>
  );
}
