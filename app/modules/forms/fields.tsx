import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { parseMessage } from "./messages";

/** Translates validation messages (i18n keys, see modules/forms/messages.ts) in the page's language. */
export function useErrorText() {
  const { t } = useTranslation("validation");
  return (encoded: string) => {
    const { key, values } = parseMessage(encoded);
    return t(key, values) as string;
  };
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{errorText(error)}</li>
      ))}
    </ul>
  );
}

/** Form-level errors (a conflict, a refused login), announced to screen readers. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((error) => (
        <p key={error}>{errorText(error)}</p>
      ))}
    </div>
  );
}

interface FieldProps {
  meta: FieldMetadata<any>;
  label: ReactNode;
  help?: ReactNode;
  className?: string;
}

function describedBy(meta: FieldMetadata<any>, help?: ReactNode) {
  return [help ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
}

/** A field's frame: its label, its help when there is any, the control, and its errors beside it. */
function Field({ meta, label, help, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={meta.id}>{label}</label>
      {help ? (
        <p id={meta.descriptionId} className="field-help">
          {help}
        </p>
      ) : null}
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function Options({ options }: { options: { value: string; label: string }[] }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

type InputType = "text" | "email" | "password" | "url" | "date" | "number" | "search" | "tel";

export function TextField({
  meta,
  label,
  help,
  type = "text",
  autoComplete,
  className,
  inputMode,
  step,
}: FieldProps & { type?: InputType; autoComplete?: string; inputMode?: "decimal" | "numeric" | "text"; step?: string }) {
  const { key, ...inputProps } = getInputProps(meta, { type, ariaAttributes: true, ariaDescribedBy: describedBy(meta, help) });
  return (
    <Field meta={meta} label={label} help={help} className={className}>
      <input key={key} {...inputProps} autoComplete={autoComplete} inputMode={inputMode} step={step} />
    </Field>
  );
}

export function TextAreaField({ meta, label, help, className, rows = 5 }: FieldProps & { rows?: number }) {
  const { key, ...textareaProps } = getTextareaProps(meta, { ariaAttributes: true, ariaDescribedBy: describedBy(meta, help) });
  return (
    <Field meta={meta} label={label} help={help} className={className}>
      <textarea key={key} {...textareaProps} rows={rows} />
    </Field>
  );
}

export function SelectField({
  meta,
  label,
  help,
  options,
  placeholder,
  className,
}: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field meta={meta} label={label} help={help} className={className}>
      <select
        id={meta.id}
        name={meta.name}
        form={meta.formId}
        defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""}
        required={meta.required}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, help)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <Options options={options} />
      </select>
    </Field>
  );
}

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
    <Field meta={meta} label={label} help={help}>
      <select
        id={meta.id}
        name={meta.name}
        multiple
        size={size}
        defaultValue={valueList(meta.initialValue)}
        aria-describedby={describedBy(meta, help)}
        aria-invalid={meta.errors?.length ? true : undefined}
      >
        <Options options={options} />
      </select>
    </Field>
  );
}

/**
 * The chosen values of a field that can hold several (a multi-select, a group of checkboxes) as strings:
 * Conform gives none as undefined or "", one as a plain value, several as an array.
 */
export function valueList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null || value === "") return [];
  return [String(value)];
}
