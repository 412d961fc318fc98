import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { ErrorList } from "./form";
import { valueList } from "./form-values";

/** A list box for choosing several options (Ctrl/Cmd-click), which works without JavaScript. */
export function MultiSelectField({
  meta,
  label,
  help,
  size,
  options,
}: {
  meta: FieldMetadata<any>;
  label: ReactNode;
  help: ReactNode;
  size: number;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p id={meta.descriptionId} className="field-help">
        {help}
      </p>
      <select
        id={meta.id}
        name={meta.name}
        multiple
        size={size}
        defaultValue={valueList(meta.initialValue)}
        aria-describedby={`${meta.descriptionId} ${meta.errorId}`}
        aria-invalid={meta.errors?.length ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
