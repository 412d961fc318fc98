import type { FormMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/** What RepeatList needs of a Conform list field: its name and its rows. */
interface ListField<Row> {
  name: string;
  getFieldList: () => { key: string | undefined; getFieldset: () => Row }[];
}

/**
 * A numbered list of repeated rows (outcomes, partners, events …), a remove button in each and an add
 * button after. The buttons submit Conform list intents, so rows are added and removed without
 * JavaScript too. With `itemLegend`, each row is a fieldset named by it.
 */
export function RepeatList<Row>({
  form,
  list,
  itemLegend,
  removeLabel,
  addLabel,
  children,
}: {
  form: Pick<FormMetadata, "insert" | "remove">;
  list: ListField<Row>;
  itemLegend?: (number: number) => string;
  removeLabel: (number: number) => string;
  addLabel: string;
  children: (row: Row, number: number) => ReactNode;
}) {
  return (
    <>
      <ol className="repeat-list">
        {list.getFieldList().map((item, index) => {
          const number = index + 1;
          const removeButton = (
            <button {...form.remove.getButtonProps({ name: list.name, index })} className="button button--secondary" formNoValidate>
              {removeLabel(number)}
            </button>
          );
          return (
            // Conform has no key for rows it did not add itself (a submission answered with errors): their place is their identity.
            <li key={item.key ?? `${list.name}[${index}]`}>
              {itemLegend ? (
                <fieldset>
                  <legend>{itemLegend(number)}</legend>
                  {children(item.getFieldset(), number)}
                  {removeButton}
                </fieldset>
              ) : (
                <>
                  {children(item.getFieldset(), number)}
                  {removeButton}
                </>
              )}
            </li>
          );
        })}
      </ol>
      <button {...form.insert.getButtonProps({ name: list.name })} className="button button--secondary" formNoValidate>
        {addLabel}
      </button>
    </>
  );
}
