import { z } from "zod";

/**
 * Validation messages are i18n keys (namespace "validation"), optionally with interpolation
 * values: "validation:tooLong|{\"max\":300}". Schemas stay shared by server and browser;
 * the page translates the key in its own language.
 */
export function message(key: string, values?: Record<string, string | number>): string {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

export function parseMessage(encoded: string): { key: string; values?: Record<string, string | number> } {
  const separator = encoded.indexOf("|");
  if (separator === -1) return { key: encoded };
  try {
    return { key: encoded.slice(0, separator), values: JSON.parse(encoded.slice(separator + 1)) };
  } catch {
    return { key: encoded.slice(0, separator) };
  }
}

/** zod's own messages, as keys: schemas only name a message where the rule needs its own words. */
export const i18nErrorMap: z.ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: message("validation:required") };
      if (issue.expected === "number") return { message: message("validation:number") };
      if (issue.expected === "date") return { message: message("validation:date") };
      return { message: message("validation:invalid") };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string" && issue.minimum === 1) return { message: message("validation:required") };
      if (issue.type === "string") return { message: message("validation:tooShort", { min: Number(issue.minimum) }) };
      if (issue.type === "array") return { message: message("validation:atLeast", { min: Number(issue.minimum) }) };
      return { message: message("validation:tooSmall", { min: Number(issue.minimum) }) };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: message("validation:tooLong", { max: Number(issue.maximum) }) };
      if (issue.type === "array") return { message: message("validation:atMost", { max: Number(issue.maximum) }) };
      return { message: message("validation:tooBig", { max: Number(issue.maximum) }) };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: message("validation:email") };
      if (issue.validation === "url") return { message: message("validation:url") };
      if (issue.validation === "date" || issue.validation === "datetime") return { message: message("validation:date") };
      return { message: message("validation:invalid") };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: message("validation:choice") };
    case z.ZodIssueCode.invalid_date:
      return { message: message("validation:date") };
    default:
      return { message: context.defaultError.startsWith("validation:") ? context.defaultError : message("validation:invalid") };
  }
};

z.setErrorMap(i18nErrorMap);

export { z };
