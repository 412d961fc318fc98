import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import type { Language } from "~/modules/i18n/config";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/ui/form";
import { DraftProposalSchema, ProposalConstraintSchema, TEXT_FIELDS, type ProposalInput, type TextField as TextFieldName } from "./proposal-schema";

export interface ProposalFormOptions {
  themes: { id: number; name: string }[];
  organisations: { id: number; name: string; city: string; countryCode: string }[];
  targets: { id: string; goal: number; title: string }[];
  hubs: { id: number; title: string }[];
  goals: SdgGoal[];
}

export interface PlaceResult {
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

/** Leaflet touches `window` when loaded: load the map module only in the browser, when it is shown. */
const LocationMap = lazy(() => import("./location-map.client").then((module) => ({ default: module.LocationMap })));

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null || value === "") return [];
  return [String(value)];
}

const LONG_FIELDS: TextFieldName[] = ["description", "localGlobalLink", "acceleration", "synchronisation"];

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
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DraftProposalSchema }),
  });
  const originalLanguage = (fields.originalLanguage.value ?? fields.originalLanguage.initialValue ?? language) as Language;
  const chosenGoals = asArray(fields.goals.value ?? fields.goals.initialValue);
  const chosenTargets = asArray(fields.targets.value ?? fields.targets.initialValue);
  const chosenParticipants = asArray(fields.participants.initialValue);
  const chosenHubs = asArray(fields.synchronisedHubs.initialValue);
  const primaryGoal = String(fields.primaryGoal.value ?? fields.primaryGoal.initialValue ?? "");
  const translations = fields.translations.getFieldset();
  const outcomes = fields.outcomes.getFieldList();
  const partners = fields.partners.getFieldList();
  const events = fields.events.getFieldList();
  const documents = fields.documents.getFieldList();

  return (
    <Form method="post" {...getFormProps(form)} className="form proposal-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      {/* The first submit button is the one Enter presses: saving the draft. */}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {baselineLocked ? t("form.saveChanges") : t("form.saveDraft")}
        </button>
      </div>
      <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />

      <fieldset className="form-section">
        <legend>{t("form.sections.about")}</legend>
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

      <fieldset className="form-section">
        <legend>{t("form.sections.components")}</legend>
        <TextAreaField meta={fields.localGlobalLink} label={t("form.localGlobalLink.label")} help={t("form.localGlobalLink.help")} />
        <TextAreaField meta={fields.acceleration} label={t("form.acceleration.label")} help={t("form.acceleration.help")} />
        <TextAreaField meta={fields.synchronisation} label={t("form.synchronisation.label")} help={t("form.synchronisation.help")} />
        <div className="field">
          <label htmlFor={fields.synchronisedHubs.id}>{t("form.synchronisedHubs.label")}</label>
          <p id={fields.synchronisedHubs.descriptionId} className="field-help">
            {t("form.synchronisedHubs.help")}
          </p>
          <select
            id={fields.synchronisedHubs.id}
            name={fields.synchronisedHubs.name}
            multiple
            size={6}
            defaultValue={chosenHubs}
            aria-describedby={`${fields.synchronisedHubs.descriptionId} ${fields.synchronisedHubs.errorId}`}
            aria-invalid={fields.synchronisedHubs.errors?.length ? true : undefined}
          >
            {options.hubs.map((hub) => (
              <option key={hub.id} value={hub.id}>
                {hub.title}
              </option>
            ))}
          </select>
          <ErrorList id={fields.synchronisedHubs.errorId} errors={fields.synchronisedHubs.errors} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("form.sections.location")}</legend>
        <div className="field">
          <label htmlFor="placeQuery">{t("form.placeQuery.label")}</label>
          <p id="placeQuery-help" className="field-help">
            {t("form.placeQuery.help")}
          </p>
          <div className="inline-search">
            <input id="placeQuery" name="placeQuery" type="search" defaultValue={placeQuery ?? ""} aria-describedby="placeQuery-help" maxLength={100} />
            <button type="submit" name="intent" value="findPlace" className="button button--secondary" formNoValidate>
              {t("form.placeQuery.find")}
            </button>
          </div>
          {places ? (
            places.length ? (
              <ul className="place-results" aria-label={t("form.placeQuery.results")}>
                {places.map((place) => (
                  <li key={`${place.name}-${place.latitude}-${place.longitude}`}>
                    <button
                      type="submit"
                      name="intent"
                      value={`pick:${place.latitude}:${place.longitude}`}
                      className="button--link"
                      formNoValidate
                      onClick={(event) => {
                        event.preventDefault();
                        form.update({ name: fields.latitude.name, value: String(place.latitude) });
                        form.update({ name: fields.longitude.name, value: String(place.longitude) });
                      }}
                    >
                      {t("form.placeQuery.pick", { name: place.name, country: place.countryCode, lat: String(place.latitude), lon: String(place.longitude) })}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p role="status">{t("form.placeQuery.none")}</p>
            )
          ) : null}
          <p className="field-help credit">{t("form.placeQuery.credit")}</p>
        </div>
        <ClientOnly fallback={null}>
          {() => (
            <div className="field">
              <p className="field-help">{t("form.mapHelp")}</p>
              <Suspense fallback={null}>
                <LocationMap
                  latitude={Number(fields.latitude.value ?? fields.latitude.initialValue)}
                  longitude={Number(fields.longitude.value ?? fields.longitude.initialValue)}
                  onPick={(latitude, longitude) => {
                    form.update({ name: fields.latitude.name, value: String(latitude) });
                    form.update({ name: fields.longitude.name, value: String(longitude) });
                  }}
                />
              </Suspense>
            </div>
          )}
        </ClientOnly>
        <div className="field-row">
          <TextField meta={fields.latitude} type="number" step="any" inputMode="decimal" label={t("form.latitude.label")} help={t("form.latitude.help")} />
          <TextField meta={fields.longitude} type="number" step="any" inputMode="decimal" label={t("form.longitude.label")} help={t("form.longitude.help")} />
        </div>
        <div className="field">
          <label htmlFor={fields.participants.id}>{t("form.participants.label")}</label>
          <p id={fields.participants.descriptionId} className="field-help">
            {t("form.participants.help")}
          </p>
          <select
            id={fields.participants.id}
            name={fields.participants.name}
            multiple
            size={8}
            defaultValue={chosenParticipants}
            aria-describedby={`${fields.participants.descriptionId} ${fields.participants.errorId}`}
            aria-invalid={fields.participants.errors?.length ? true : undefined}
          >
            {options.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name} ({organisation.city}, {organisation.countryCode})
              </option>
            ))}
          </select>
          <ErrorList id={fields.participants.errorId} errors={fields.participants.errors} />
        </div>
      </fieldset>

      <fieldset className="form-section" aria-describedby={`${fields.goals.descriptionId} ${fields.goals.errorId}`}>
        <legend>{t("form.goals.label")}</legend>
        <p id={fields.goals.descriptionId} className="field-help">
          {t("form.goals.help")}
        </p>
        <ErrorList id={fields.goals.errorId} errors={fields.goals.errors} />
        <ErrorList id={fields.primaryGoal.errorId} errors={fields.primaryGoal.errors} />
        <table className="goal-table">
          <thead>
            <tr>
              <th scope="col">{t("form.goals.goal")}</th>
              <th scope="col">{t("form.goals.chosen")}</th>
              <th scope="col">{t("form.goals.primary")}</th>
            </tr>
          </thead>
          <tbody>
            {options.goals.map((goal) => (
              <tr key={goal.number}>
                <th scope="row" id={`goal-${goal.number}-name`}>
                  {t("common:sdg.code", { number: goal.number })} {goal.short}
                </th>
                <td>
                  <input
                    type="checkbox"
                    id={`goal-${goal.number}`}
                    name={fields.goals.name}
                    value={goal.number}
                    defaultChecked={chosenGoals.includes(String(goal.number))}
                    aria-label={t("form.goals.chooseGoal", { number: goal.number, name: goal.short })}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    id={`primary-${goal.number}`}
                    name={fields.primaryGoal.name}
                    value={goal.number}
                    defaultChecked={primaryGoal === String(goal.number)}
                    aria-label={t("form.goals.primaryGoal", { number: goal.number, name: goal.short })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 id="targets-title">{t("form.targets.label")}</h3>
        <p id={fields.targets.descriptionId} className="field-help">
          {t("form.targets.help")}
        </p>
        <ErrorList id={fields.targets.errorId} errors={fields.targets.errors} />
        {options.goals.map((goal) => {
          const targets = options.targets.filter((target) => target.goal === goal.number);
          const open = chosenTargets.some((id) => id.startsWith(`${goal.number}.`));
          return (
            <details key={goal.number} open={open} className="target-group">
              <summary>{t("form.targets.ofGoal", { number: goal.number, name: goal.short })}</summary>
              <ul>
                {targets.map((target) => (
                  <li key={target.id}>
                    <input
                      type="checkbox"
                      id={`target-${target.id}`}
                      name={fields.targets.name}
                      value={target.id}
                      defaultChecked={chosenTargets.includes(target.id)}
                    />{" "}
                    <label htmlFor={`target-${target.id}`}>
                      <strong>{target.id}</strong> {target.title}
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </fieldset>

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
        <ol className="repeat-list">
          {outcomes.map((outcome, index) => {
            const o = outcome.getFieldset();
            return (
              <li key={outcome.key}>
                <fieldset>
                  <legend>{t("form.outcomes.item", { number: index + 1 })}</legend>
                  <TextField meta={o.statement} label={t("form.outcomes.statement")} help={t("form.outcomes.statementHelp")} />
                  <TextField meta={o.indicator} label={t("form.outcomes.indicator")} help={t("form.outcomes.indicatorHelp")} />
                  <div className="field-row">
                    <TextField meta={o.baseline} type="number" step="any" label={t("form.outcomes.baseline")} />
                    <TextField meta={o.targetValue} type="number" step="any" label={t("form.outcomes.targetValue")} />
                    <TextField meta={o.unit} label={t("form.outcomes.unit")} />
                  </div>
                  <TextField meta={o.milestone} label={t("form.outcomes.milestone")} help={t("form.outcomes.milestoneHelp")} />
                  <TextField meta={o.dueDate} type="date" label={t("form.outcomes.dueDate")} help={t("form.outcomes.dueDateHelp")} />
                  <button {...form.remove.getButtonProps({ name: fields.outcomes.name, index })} className="button button--secondary" formNoValidate>
                    {t("form.outcomes.remove", { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button {...form.insert.getButtonProps({ name: fields.outcomes.name })} className="button button--secondary" formNoValidate>
          {t("form.outcomes.add")}
        </button>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("form.partners.label")}</legend>
        <p className="field-help">{t("form.partners.help")}</p>
        <ol className="repeat-list">
          {partners.map((partner, index) => {
            const p = partner.getFieldset();
            return (
              <li key={partner.key}>
                <TextField meta={p.name} label={t("form.partners.name", { number: index + 1 })} />
                <button {...form.remove.getButtonProps({ name: fields.partners.name, index })} className="button button--secondary" formNoValidate>
                  {t("form.partners.remove", { number: index + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
        <button {...form.insert.getButtonProps({ name: fields.partners.name })} className="button button--secondary" formNoValidate>
          {t("form.partners.add")}
        </button>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("form.sections.communication")}</legend>
        <TextAreaField meta={fields.channels} label={t("form.channels.label")} help={t("form.channels.help")} rows={3} />
        <h3>{t("form.events.label")}</h3>
        <ol className="repeat-list">
          {events.map((item, index) => {
            const e = item.getFieldset();
            return (
              <li key={item.key}>
                <fieldset>
                  <legend>{t("form.events.item", { number: index + 1 })}</legend>
                  <div className="field-row">
                    <TextField meta={e.name} label={t("form.events.name")} />
                    <TextField meta={e.date} type="date" label={t("form.events.date")} />
                  </div>
                  <button {...form.remove.getButtonProps({ name: fields.events.name, index })} className="button button--secondary" formNoValidate>
                    {t("form.events.remove", { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button {...form.insert.getButtonProps({ name: fields.events.name })} className="button button--secondary" formNoValidate>
          {t("form.events.add")}
        </button>
        <h3>{t("form.documents.label")}</h3>
        <p className="field-help">{t("form.documents.help")}</p>
        <ol className="repeat-list">
          {documents.map((item, index) => {
            const d = item.getFieldset();
            return (
              <li key={item.key}>
                <fieldset>
                  <legend>{t("form.documents.item", { number: index + 1 })}</legend>
                  <div className="field-row">
                    <TextField meta={d.title} label={t("form.documents.title")} />
                    <TextField meta={d.url} type="url" label={t("form.documents.url")} />
                  </div>
                  <button {...form.remove.getButtonProps({ name: fields.documents.name, index })} className="button button--secondary" formNoValidate>
                    {t("form.documents.remove", { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button {...form.insert.getButtonProps({ name: fields.documents.name })} className="button button--secondary" formNoValidate>
          {t("form.documents.add")}
        </button>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("form.sections.contact")}</legend>
        <TextField meta={fields.contactEmail} type="email" label={t("form.contactEmail.label")} help={t("form.contactEmail.help")} />
        <TextField meta={fields.website} type="url" label={t("form.website.label")} help={t("form.website.help")} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("form.sections.translations")}</legend>
        <p className="field-help">{t("form.translationsHelp", { language: t(`common:languages.${originalLanguage}`) })}</p>
        {SUPPORTED_LANGUAGES.filter((other) => other !== originalLanguage).map((other) => {
          const set = translations[other].getFieldset();
          return (
            <fieldset key={other} className="translation-set">
              <legend>{t("form.translationInto", { language: t(`common:languages.${other}`) })}</legend>
              {TEXT_FIELDS.map((field) => {
                const meta = set[field] as FieldMetadata<string | undefined>;
                const filled = Boolean(meta.initialValue);
                const label = `${t(`form.${field}.label`)} (${t(`common:languages.${other}`)})`;
                const help = filled ? undefined : t("form.translationMissing");
                return LONG_FIELDS.includes(field) ? (
                  <TextAreaField key={field} meta={meta} label={label} help={help} rows={4} />
                ) : (
                  <TextField key={field} meta={meta} label={label} help={help} />
                );
              })}
            </fieldset>
          );
        })}
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {baselineLocked ? t("form.saveChanges") : t("form.saveDraft")}
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
