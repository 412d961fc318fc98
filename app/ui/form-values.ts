/**
 * The chosen values of a field that can hold several (a multi-select, a group of checkboxes) as strings:
 * Conform gives none as undefined or "", one as a plain value, several as an array.
 */
export function valueList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null || value === "") return [];
  return [String(value)];
}
