import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/modules/forms/fields";

/** The proposal form's choice of the call it answers (preselected by the loader when one call is open). */
export function CallChoice({ meta, calls }: { meta: FieldMetadata<any>; calls: { id: number; label: string }[] }) {
  const { t } = useTranslation("calls");
  if (!calls.length) return <p className="notice">{t("proposal.noOpenCall")}</p>;
  return (
    <SelectField
      meta={meta}
      label={t("proposal.call")}
      help={t("proposal.callHelp")}
      placeholder={t("proposal.noCall")}
      options={calls.map((call) => ({ value: String(call.id), label: call.label }))}
    />
  );
}
