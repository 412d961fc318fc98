import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { TextAreaField, TextField } from "~/modules/forms/fields";
import type { ProposalFields } from "./proposal-form-types";
import { TEXT_FIELDS, type TextField as TextFieldName } from "./text-fields";

const LONG_FIELDS: TextFieldName[] = ["description", "localGlobalLink", "acceleration", "synchronisation"];

/** The texts in each supported language other than the original one; a field not yet translated says so. */
export function TranslationsSection({ fields, language }: { fields: Pick<ProposalFields, "originalLanguage" | "translations">; language: Language }) {
  const { t } = useTranslation("proposals");
  const originalLanguage = (fields.originalLanguage.value ?? fields.originalLanguage.initialValue ?? language) as Language;
  const translations = fields.translations.getFieldset();
  return (
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
  );
}
