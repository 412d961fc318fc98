import { isHttpUrl, URL_MAX_LENGTH } from "~/ui/external-link";
import { message, z } from "./messages";

/**
 * The kinds of value that many forms share, each with one rule: database ids and whole numbers that
 * fit an `integer` column, real calendar dates, and web links. A form field of one of these kinds uses
 * the schema here, never its own copy, so the limits that keep a value from reaching PostgreSQL as a
 * 500 ("out of range", "invalid date", "javascript:" in an href) hold everywhere at once.
 */

/** PostgreSQL's `integer` (and `serial`) maximum: every id and count column is one. */
export const MAX_DATABASE_ID = 2_147_483_647;

/** A row's id in a form (a theme, an organisation, an outcome …): 1 … 2147483647. */
export const databaseId = z.number().int().positive().max(MAX_DATABASE_ID);

/** A whole number for an `integer` column (a version, a position), `min` … `max` (at most the column's maximum). */
export function databaseInt({ min = 0, max = MAX_DATABASE_ID }: { min?: number; max?: number } = {}) {
  return z.number().int().min(min).max(Math.min(max, MAX_DATABASE_ID));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' naming a day that exists (no 2027-02-30) in a year PostgreSQL accepts (0001 or later). */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value.startsWith("0000")) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date field. */
export const isoDate = z.string().trim().refine(isRealDate, message("validation:date"));

/**
 * A web link typed by someone: trimmed, http or https only (the scheme checked case-insensitively,
 * so `JaVaScRiPt:` and ` javascript:` are refused like `javascript:`), parsed with `URL`, at most
 * 2,048 characters. Every URL field uses it; the database checks the same with a CHECK constraint.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(URL_MAX_LENGTH)
  .refine(isHttpUrl, message("validation:url"));

export { URL_MAX_LENGTH };
