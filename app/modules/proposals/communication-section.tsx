import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "~/modules/forms/fields";
import { RepeatList } from "~/ui/repeat-list";
import type { ProposalFields, ProposalFormMetadata } from "./proposal-form-types";

/** The communication plan as it is entered: channels, dated events and reference documents (shown by CommunicationPlan). */
export function CommunicationSection({ form, fields }: { form: ProposalFormMetadata; fields: Pick<ProposalFields, "channels" | "events" | "documents"> }) {
  const { t } = useTranslation("proposals");
  return (
    <fieldset className="form-section">
      <legend>{t("form.sections.communication")}</legend>
      <TextAreaField meta={fields.channels} label={t("form.channels.label")} help={t("form.channels.help")} rows={3} />
      <h3>{t("form.events.label")}</h3>
      <RepeatList
        form={form}
        list={fields.events}
        itemLegend={(number) => t("form.events.item", { number })}
        removeLabel={(number) => t("form.events.remove", { number })}
        addLabel={t("form.events.add")}
      >
        {(event) => (
          <div className="field-row">
            <TextField meta={event.name} label={t("form.events.name")} />
            <TextField meta={event.date} type="date" label={t("form.events.date")} />
          </div>
        )}
      </RepeatList>
      <h3>{t("form.documents.label")}</h3>
      <p className="field-help">{t("form.documents.help")}</p>
      <RepeatList
        form={form}
        list={fields.documents}
        itemLegend={(number) => t("form.documents.item", { number })}
        removeLabel={(number) => t("form.documents.remove", { number })}
        addLabel={t("form.documents.add")}
      >
        {(document) => (
          <div className="field-row">
            <TextField meta={document.title} label={t("form.documents.title")} />
            <TextField meta={document.url} type="url" label={t("form.documents.url")} />
          </div>
        )}
      </RepeatList>
    </fieldset>
  );
}
