import { useTranslation } from "react-i18next";
import { STEP_UP_FIELD } from "./two-factor";

/**
 * The fresh-code field of a sensitive form, shown when the loader says `stepUpNeeded`. `error` is a
 * message key (from the action's `stepUpProblem`).
 */
export function StepUpField({ formId, error }: { formId: string; error?: string | null }) {
  const { t } = useTranslation("accounts");
  const id = `${formId}-step-up`;
  return (
    <div className="field">
      <label htmlFor={id}>{t("stepUp.label")}</label>
      <p id={`${id}-help`} className="field-help">
        {t("stepUp.help")}
      </p>
      <input
        id={id}
        name={STEP_UP_FIELD}
        type="text"
        autoComplete="one-time-code"
        inputMode="numeric"
        aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <ul id={`${id}-error`} className="field-errors">
          <li>{t(error.replace(/^accounts:/, ""))}</li>
        </ul>
      ) : null}
    </div>
  );
}
