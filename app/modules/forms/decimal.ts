import { z } from "./messages";

const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A decimal number as a person types it in any of the app's languages: "43.263" (English) or
 * "43,263" (Spanish, French), with "-" or the typographic minus "−" the hints use. Undefined when
 * it is not one plain number (no grouping: a coordinate never needs it, and "1.234" would be ambiguous).
 */
export function parseDecimal(text: string): number | undefined {
  const normalised = text.trim().replace(/^\u2212/, "-");
  if (!DECIMAL.test(normalised)) return undefined;
  return Number(normalised.replace(",", "."));
}

/**
 * `schema` (a zod number) read from a form field with `parseDecimal`: the one home of decimal input for
 * every form (coordinates of a HUB, of an organisation). An empty field is missing; anything else that
 * is not a number is left to `schema`, which reports it with the usual message.
 */
export function decimalField<Schema extends z.ZodTypeAny>(schema: Schema) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    if (value.trim() === "") return undefined;
    return parseDecimal(value) ?? value;
  }, schema);
}
