import { useTranslation } from "react-i18next";
import { ErrorList } from "~/modules/forms/fields";
import { valueList } from "~/modules/forms/fields";
import type { ProposalFields, ProposalFormOptions } from "./proposal-form-types";

/**
 * The SDGs a HUB works towards: a table of the goals (chosen, and the one primary goal), then each goal's
 * targets in a group that starts open when one of its targets is chosen.
 */
export function SdgPicker({
  fields,
  options,
}: {
  fields: Pick<ProposalFields, "goals" | "primaryGoal" | "targets">;
  options: Pick<ProposalFormOptions, "goals" | "targets">;
}) {
  const { t } = useTranslation("proposals");
  const chosenGoals = valueList(fields.goals.value ?? fields.goals.initialValue);
  const chosenTargets = valueList(fields.targets.value ?? fields.targets.initialValue);
  const primaryGoal = String(fields.primaryGoal.value ?? fields.primaryGoal.initialValue ?? "");
  return (
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
  );
}
