import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TextAreaField } from "~/modules/forms/fields";
import { MultiSelectField } from "~/modules/forms/fields";
import type { ProposalFields, ProposalFormOptions } from "./proposal-form-types";

/** The three key components of a HUB: its local–global link, acceleration and synchronisation (and the recognised HUBs it works with). */
export function KeyComponentsSection({
  fields,
  options,
  synchronisationHelp,
}: {
  fields: Pick<ProposalFields, "localGlobalLink" | "acceleration" | "synchronisation" | "synchronisedHubs">;
  options: Pick<ProposalFormOptions, "hubs">;
  /** Shown after the HUBs to work with (the suggested partners, from the network module). */
  synchronisationHelp?: ReactNode;
}) {
  const { t } = useTranslation("proposals");
  return (
    <fieldset className="form-section">
      <legend>{t("form.sections.components")}</legend>
      <TextAreaField meta={fields.localGlobalLink} label={t("form.localGlobalLink.label")} help={t("form.localGlobalLink.help")} />
      <TextAreaField meta={fields.acceleration} label={t("form.acceleration.label")} help={t("form.acceleration.help")} />
      <TextAreaField meta={fields.synchronisation} label={t("form.synchronisation.label")} help={t("form.synchronisation.help")} />
      <MultiSelectField
        meta={fields.synchronisedHubs}
        label={t("form.synchronisedHubs.label")}
        help={t("form.synchronisedHubs.help")}
        size={6}
        options={options.hubs.map((hub) => ({ value: String(hub.id), label: hub.title }))}
      />
      {synchronisationHelp}
    </fieldset>
  );
}
