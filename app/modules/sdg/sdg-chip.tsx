import { useTranslation } from "react-i18next";
import type { SdgGoal } from "./sdg";

/** An SDG goal in its official colour, with the text colour that passes WCAG AA on it. */
export function SdgChip({ goal, primary = false }: { goal: Pick<SdgGoal, "number" | "color" | "textColor" | "short">; primary?: boolean }) {
  const { t } = useTranslation("common");
  return (
    <span
      className={primary ? "sdg-chip sdg-chip--primary" : "sdg-chip"}
      style={{ backgroundColor: goal.color, color: goal.textColor }}
      title={primary ? t("sdg.primary") : undefined}
    >
      <span className="sdg-chip__number">{t("sdg.code", { number: goal.number })}</span>
      <span className="sdg-chip__name">{goal.short}</span>
      {primary ? <span className="visually-hidden"> ({t("sdg.primary")})</span> : null}
    </span>
  );
}
