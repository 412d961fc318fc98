import { getFormProps, getInputProps, useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "~/modules/forms/messages";
import type { Language } from "~/modules/i18n/config";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { CommunicationSection } from "./communication-section";
import { KeyComponentsSection } from "./key-components-section";
import { LocationSection } from "./location-section";
import { PartnersSection } from "./partners-section";
import { isPlaceIntent, type PlaceResult } from "./place-lookup";
import { DraftProposalSchema, ProposalConstraintSchema, type ProposalInput } from "./proposal-schema";
import type { ProposalFormOptions } from "./proposal-form-types";
import { SdgPicker } from "./sdg-picker";
import { CallChoice } from "~/modules/calls/call-choice";
import { TimelineSection } from "./timeline-section";
import { TranslationsSection } from "./translations-section";

export type { PlaceResult } from "./place-lookup";

const LookupSchema = z.object({}).passthrough();
const validateDraft = (formData: FormData) => parseWithZod(formData, { schema: DraftProposalSchema });


/**
 * The HUB proposal form, for a new proposal and for editing one: its sections in order and the save and
 * submit buttons. Validated in the browser with the draft schema; the action decides draft or submit.
 */
export function ProposalForm({
  formId,
  language,
  lastResult,
  defaultValue,
  options,
  places,
  placeQuery,
  canSubmit,
  baselineLocked,
  cancelTo,
  synchronisationHelp,
}: {
  formId: string;
  language: Language;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  options: ProposalFormOptions;
  places?: PlaceResult[] | null;
  placeQuery?: string;
  canSubmit: boolean;
  baselineLocked: boolean;
  cancelTo: string;
  /** Shown in the synchronisation part (the suggested partners of an existing proposal). */
  synchronisationHelp?: ReactNode;
}) {
  const { t } = useTranslation("proposals");
  const [form, fields] = useForm<ProposalInput>({
    id: formId,
    lastResult,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValue: defaultValue as any,
    constraint: getZodConstraint(ProposalConstraintSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The city look-up is not a save: the draft's checks must not stop it (the action skips them too).
    onValidate: ({ formData, submitter }) =>
      isPlaceIntent(submitter?.value)
        ? (parseWithZod(formData, { schema: LookupSchema }) as unknown as ReturnType<typeof validateDraft>)
        : validateDraft(formData),
  });
  const saveLabel = baselineLocked ? t("form.saveChanges") : t("form.saveDraft");

  return (
    <Form method="post" {...getFormProps(form)} className="form proposal-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      {/* The first submit button is the one Enter presses: saving the draft. */}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {saveLabel}
        </button>
      </div>
      <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />

      <fieldset className="form-section">
        <legend>{t("form.sections.about")}</legend>
        {options.calls ? <CallChoice meta={fields.callId} calls={options.calls} /> : null}
        <SelectField
          meta={fields.originalLanguage}
          label={t("form.originalLanguage.label")}
          help={t("form.originalLanguage.help")}
          options={SUPPORTED_LANGUAGES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
        />
        <TextField meta={fields.title} label={t("form.title.label")} help={t("form.title.help")} />
        <TextAreaField meta={fields.summary} label={t("form.summary.label")} help={t("form.summary.help")} rows={3} />
        <TextAreaField meta={fields.description} label={t("form.description.label")} help={t("form.description.help")} rows={8} />
        <SelectField
          meta={fields.themeId}
          label={t("form.themeId.label")}
          help={t("form.themeId.help")}
          placeholder={t("form.choose")}
          options={options.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))}
        />
      </fieldset>

      <KeyComponentsSection fields={fields} options={options} synchronisationHelp={synchronisationHelp} />
      <LocationSection form={form} fields={fields} options={options} places={places} placeQuery={placeQuery} />
      <SdgPicker fields={fields} options={options} />
      <TimelineSection form={form} fields={fields} baselineLocked={baselineLocked} />
      <PartnersSection form={form} fields={fields} />
      <CommunicationSection form={form} fields={fields} />

      <fieldset className="form-section">
        <legend>{t("form.sections.contact")}</legend>
        <TextField meta={fields.contactEmail} type="email" label={t("form.contactEmail.label")} help={t("form.contactEmail.help")} />
        <TextField meta={fields.website} type="url" label={t("form.website.label")} help={t("form.website.help")} />
      </fieldset>

      <TranslationsSection fields={fields} language={language} />

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {saveLabel}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="button button--primary">
            {t("form.submit")}
          </button>
        ) : null}
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
