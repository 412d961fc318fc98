import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, MultiSelectField, SelectField, TextAreaField, TextField, valueList } from "~/modules/forms/fields";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { CallSchema, ORGANISATION_KINDS } from "./call-schema";

const SUFFIX = { en: "En", es: "Es", fr: "Fr" } as const;
/** Empty rows offered after the stored ones, so criteria and documents can be added without JavaScript. */
const BLANK_ROWS = 2;

type Row = Record<string, string | undefined>;

/**
 * The secretariat's call form: texts in the three languages (each language's missing fields named,
 * the same translation status as HUB texts), dates in UTC, eligibility, themes, SDG focus, criteria
 * (read-only once the call has opened) and documents. Works without JavaScript: criteria and
 * documents get blank rows to fill and a "remove" box per row.
 */
export function CallForm({
  defaultValue,
  lastResult,
  missing,
  criteriaLocked,
  themes,
  goals,
  submitLabel,
}: {
  defaultValue: Record<string, unknown>;
  lastResult?: SubmissionResult<string[]>;
  missing?: Record<Language, string[]>;
  criteriaLocked: boolean;
  themes: { id: number; name: string }[];
  goals: { number: number; short: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation("calls");
  const [form, fields] = useForm({
    id: "call-form",
    lastResult,
    // Conform's default value is typed from the schema's input; the loaders give the same shape.
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(CallSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CallSchema }),
  });
  const initial = (form.initialValue ?? defaultValue) as Record<string, unknown>;
  const criteria = ((initial.criteria as Row[] | undefined) ?? []).slice();
  const documents = ((initial.documents as Row[] | undefined) ?? []).slice();
  const errorsOf = (name: string) => form.allErrors[name];
  const kinds = valueList(initial.eligibleKinds);
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      {initial.version !== undefined ? <input type="hidden" name={fields.version.name} value={String(initial.version)} /> : null}
      <div className="field-row">
        <TextField meta={fields.slug} label={t("form.slug")} help={t("form.slugHelp")} />
        <SelectField
          meta={fields.originalLanguage}
          label={t("form.originalLanguage")}
          options={SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: t(`common:languages.${language}`) }))}
        />
      </div>
      {SUPPORTED_LANGUAGES.map((language) => {
        const suffix = SUFFIX[language];
        const gaps = missing?.[language] ?? [];
        return (
          <fieldset key={language} className="form-section">
            <legend>{t("form.texts", { language: t(`common:languages.${language}`) })}</legend>
            <p className="field-help">{gaps.length ? t("form.missing", { fields: gaps.map((field) => t(`form.fields.${field}`)).join(", ") }) : t("form.complete")}</p>
            <TextField meta={fields[`title${suffix}`]} label={t("form.fields.title")} />
            <TextAreaField meta={fields[`summary${suffix}`]} label={t("form.fields.summary")} rows={3} />
            <TextAreaField meta={fields[`body${suffix}`]} label={t("form.fields.body")} rows={8} />
          </fieldset>
        );
      })}
      <fieldset className="form-section">
        <legend>{t("form.dates")}</legend>
        <div className="field-row">
          <DateTimeField meta={fields.opensAt} label={t("form.opensAt")} readOnly={criteriaLocked} />
          <DateTimeField meta={fields.closesAt} label={t("form.closesAt")} />
        </div>
        <div className="field field--checkbox">
          <input {...getInputProps(fields.standing, { type: "checkbox", value: "on" })} key={fields.standing.key} />
          <label htmlFor={fields.standing.id}>{t("form.standing")}</label>
        </div>
        <TextField meta={fields.maxTimelineYears} type="number" label={t("form.maxTimelineYears")} help={t("form.maxTimelineHelp")} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("form.eligibility")}</legend>
        {ORGANISATION_KINDS.map((kind) => (
          <div key={kind} className="field field--checkbox">
            <input id={`eligible-${kind}`} type="checkbox" name="eligibleKinds" value={kind} defaultChecked={kinds.includes(kind)} />
            <label htmlFor={`eligible-${kind}`}>{t(`accounts:kinds.${kind}`)}</label>
          </div>
        ))}
        <ErrorList errors={errorsOf("eligibleKinds")} />
        <MultiSelectField meta={fields.themeIds} label={t("form.themes")} help={t("form.multiHelp")} size={6} options={themes.map((theme) => ({ value: String(theme.id), label: theme.name }))} />
        <MultiSelectField
          meta={fields.goals}
          label={t("form.goals")}
          help={t("form.multiHelp")}
          size={6}
          options={goals.map((goal) => ({ value: String(goal.number), label: t("public.goalName", { number: goal.number, name: goal.short }) }))}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("form.criteria")}</legend>
        <p className="field-help">{criteriaLocked ? t("form.criteriaLocked") : t("form.criteriaHelp")}</p>
        <ErrorList errors={errorsOf("criteria")} />
        {[...criteria, ...(criteriaLocked ? [] : Array.from({ length: BLANK_ROWS }, () => ({}) as Row))].map((row, index) => (
          <fieldset key={index} className="translation-set">
            <legend>{t("form.criterion", { number: index + 1 })}</legend>
            {SUPPORTED_LANGUAGES.map((language) => {
              const name = `criteria[${index}].title${SUFFIX[language]}`;
              return (
                <div key={language} className="field">
                  <label htmlFor={`call-${name}`}>{t("form.criterionIn", { language: t(`common:languages.${language}`) })}</label>
                  <input id={`call-${name}`} name={name} defaultValue={row[`title${SUFFIX[language]}`] ?? ""} readOnly={criteriaLocked} maxLength={300} />
                  <ErrorList errors={errorsOf(name)} />
                </div>
              );
            })}
            {!criteriaLocked && index < criteria.length ? (
              <div className="field field--checkbox">
                <input id={`criteria-remove-${index}`} type="checkbox" name={`criteria[${index}].remove`} value="on" />
                <label htmlFor={`criteria-remove-${index}`}>{t("form.remove")}</label>
              </div>
            ) : null}
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("form.documents")}</legend>
        {[...documents, ...Array.from({ length: BLANK_ROWS }, () => ({}) as Row)].map((row, index) => (
          <div key={index} className="field-row">
            <div className="field">
              <label htmlFor={`document-title-${index}`}>{t("form.documentTitle", { number: index + 1 })}</label>
              <input id={`document-title-${index}`} name={`documents[${index}].title`} defaultValue={row.title ?? ""} maxLength={300} />
              <ErrorList errors={errorsOf(`documents[${index}].title`)} />
            </div>
            <div className="field">
              <label htmlFor={`document-url-${index}`}>{t("form.documentUrl", { number: index + 1 })}</label>
              <input id={`document-url-${index}`} type="url" name={`documents[${index}].url`} defaultValue={row.url ?? ""} maxLength={2048} />
              <ErrorList errors={errorsOf(`documents[${index}].url`)} />
            </div>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

function DateTimeField({ meta, label, readOnly }: { meta: Parameters<typeof getInputProps>[0]; label: string; readOnly?: boolean }) {
  const { key, ...props } = getInputProps(meta, { type: "datetime-local", ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input key={key} {...props} readOnly={readOnly} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
