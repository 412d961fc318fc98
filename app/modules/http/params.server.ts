import { isLanguage, type Language } from "~/modules/i18n/config";
import { MAX_DATABASE_ID } from "~/modules/forms/values";
import { notFound } from "./responses.server";

/**
 * The one parser of route parameters. A parameter that cannot name anything is a 404, never a 500:
 * an unknown language, a slug with other characters, an id that is not canonical digits or lies
 * outside PostgreSQL's `integer` (1..2147483647, where a larger number would make the query fail).
 */

export { MAX_DATABASE_ID };

/** The page's language from the `$lang` segment, or a 404. */
export function languageParam(value: string | undefined): Language {
  if (!isLanguage(value)) notFound();
  return value;
}

/** The language of an open-data request's `?lang=`: English when absent or unknown (the API never 404s on it). */
export function languageQuery(url: URL): Language {
  const value = url.searchParams.get("lang");
  return isLanguage(value) ? value : "en";
}

/** A database id: "1" … "2147483647", no sign, no leading zero, no spaces; anything else is a 404. */
export function idParam(value: string | undefined): number {
  if (!parseId(value)) notFound();
  return Number(value);
}

/** The same rule as `idParam` for values that are not URL segments (form fields): the id or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_DATABASE_ID ? id : null;
}

/** A HUB slug (lower-case letters, digits and hyphens), or a 404. */
export function slugParam(value: string | undefined): string {
  if (typeof value !== "string" || !/^[a-z0-9-]{1,200}$/.test(value)) notFound();
  return value;
}
