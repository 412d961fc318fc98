import { useTranslation } from "react-i18next";
import { TextField } from "~/modules/forms/fields";
import { RepeatList } from "~/ui/repeat-list";
import type { ProposalFields, ProposalFormMetadata } from "./proposal-form-types";

/** The partners and stakeholders who agreed the outcomes, one name per row. */
export function PartnersSection({ form, fields }: { form: ProposalFormMetadata; fields: Pick<ProposalFields, "partners"> }) {
  const { t } = useTranslation("proposals");
  return (
    <fieldset className="form-section">
      <legend>{t("form.partners.label")}</legend>
      <p className="field-help">{t("form.partners.help")}</p>
      <RepeatList
        form={form}
        list={fields.partners}
        removeLabel={(number) => t("form.partners.remove", { number })}
        addLabel={t("form.partners.add")}
      >
        {(partner, number) => <TextField meta={partner.name} label={t("form.partners.name", { number })} />}
      </RepeatList>
    </fieldset>
  );
}
