import fc from "fast-check";
import type { ZodTypeAny } from "zod";

/**
 * The pieces of the fuzz suite (tests/integration/fuzz.test.ts): the form fields each zod schema
 * reads, hostile values, and the cause of a failure. Kept apart so the test reads as its story.
 */

/** One field a form schema reads, in Conform's naming ("outcomes[0].statement", "goals"). */
export interface FormField {
  name: string;
  kind: "string" | "number" | "boolean" | "enum";
  /** For enums and literals: the values the schema accepts. */
  options?: string[];
  /** For a field inside a list of objects: the list's name and its maximum length, if any. */
  list?: { name: string; max?: number; item: string };
}

type ZodDef = { typeName?: string; [key: string]: unknown };
const defOf = (schema: ZodTypeAny) => (schema as unknown as { _def: ZodDef })._def;

/** Every leaf field of a zod schema (objects, lists, unions, effects and defaults walked through). */
export function formFields(schema: ZodTypeAny, prefix = "", list?: FormField["list"]): FormField[] {
  const def = defOf(schema);
  switch (def.typeName) {
    case "ZodObject": {
      const shape = (def.shape as () => Record<string, ZodTypeAny>)();
      return Object.entries(shape).flatMap(([key, child]) => formFields(child, prefix ? `${prefix}.${key}` : key, list));
    }
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
    case "ZodReadonly":
      return formFields(def.innerType as ZodTypeAny, prefix, list);
    case "ZodEffects":
      return formFields(def.schema as ZodTypeAny, prefix, list);
    case "ZodPipeline":
      return formFields(def.in as ZodTypeAny, prefix, list);
    case "ZodUnion":
    case "ZodDiscriminatedUnion": {
      const options = (Array.isArray(def.options) ? def.options : [...(def.options as Map<unknown, ZodTypeAny>).values()]) as ZodTypeAny[];
      const seen = new Map<string, FormField>();
      for (const field of options.flatMap((option) => formFields(option, prefix, list))) {
        const known = seen.get(field.name);
        if (known?.options && field.options) known.options = [...new Set([...known.options, ...field.options])];
        else if (!known) seen.set(field.name, field);
      }
      return [...seen.values()];
    }
    case "ZodArray": {
      const item = def.type as ZodTypeAny;
      const max = (def.maxLength as { value: number } | null)?.value;
      const itemType = defOf(item).typeName;
      const unwrapped = itemType === "ZodOptional" ? defOf(defOf(item).innerType as ZodTypeAny).typeName : itemType;
      // A list of objects is posted as name[i].key; a list of plain values as the name repeated.
      if (unwrapped === "ZodObject") return formFields(item, `${prefix}[0]`, { name: prefix, max, item: "" });
      return formFields(item, prefix, list).map((field) => ({ ...field, list: { name: prefix, max, item: "" } }));
    }
    case "ZodEnum":
      return [{ name: prefix, kind: "enum", options: [...(def.values as string[])], list }];
    case "ZodNativeEnum":
      return [{ name: prefix, kind: "enum", options: Object.values(def.values as Record<string, string>).map(String), list }];
    case "ZodLiteral":
      return [{ name: prefix, kind: "enum", options: [String(def.value)], list }];
    case "ZodNumber":
    case "ZodBigInt":
      return [{ name: prefix, kind: "number", list }];
    case "ZodBoolean":
      return [{ name: prefix, kind: "boolean", list }];
    default:
      return [{ name: prefix, kind: "string", list }];
  }
}

/** "outcomes[0].statement" at another index: "outcomes[999999].statement". */
export function atIndex(name: string, index: number): string {
  return name.replace(/\[\d+\]/, `[${index}]`);
}

/** A value a careful user could type for the field (valid on its own), from the fixtures where it names a row. */
export function plausibleValue(field: FormField, fixtures: { ids: Record<string, number[]>; password: string; email: string }): fc.Arbitrary<string> {
  const leaf = field.name.split(".").pop()!.replace(/\[\d+\]$/, "");
  if (field.options) return fc.constantFrom(...field.options);
  if (field.kind === "boolean") return fc.constantFrom("on", "true");
  if (/^password|Password$/.test(leaf)) return fc.constant(fixtures.password);
  if (/email/i.test(leaf)) return fc.oneof(fc.constant(fixtures.email), fc.nat().map((n) => `person${n}@example.org`));
  if (/(Date|date|heldOn)$/.test(leaf)) return fc.constantFrom("2027-01-01", "2027-06-30", "2028-12-31");
  if (/^(url|website)$/.test(leaf)) return fc.constantFrom("https://example.org", "http://example.org/plan.pdf");
  if (leaf === "latitude") return fc.constantFrom("4.61", "-33.9");
  if (leaf === "longitude") return fc.constantFrom("-74.08", "151.2");
  if (leaf === "slug") return fc.constantFrom("green-corridors", "theme-x");
  if (leaf === "countryCode") return fc.constantFrom("CO", "FR", "KE");
  if (leaf === "targets") return fc.constantFrom("11.2", "13.1");
  if (leaf === "goals" || leaf === "primaryGoal") return fc.integer({ min: 1, max: 17 }).map(String);
  if (leaf === "intervalMonths") return fc.constantFrom("3", "6", "12");
  if (field.kind === "number") {
    const ids = fixtures.ids[leaf] ?? (/(^id|Id|Hubs|participants)$/.test(leaf) ? fixtures.ids.any : undefined);
    return ids?.length ? fc.constantFrom(...ids.map(String)) : fc.integer({ min: 0, max: 100 }).map(String);
  }
  return fc.constantFrom("Plain words", "Texto en español", "Texte en français", "x");
}

/** Numbers a form or a URL should refuse cleanly. */
export const HOSTILE_NUMBERS = ["0", "-1", "2147483647", "2147483648", "4294967296", "9007199254740993", "99999999999999999999", "1e308", "-1e308", "1e309", "NaN", "Infinity", "-0", "0x10", "1.5", "01"];
/** Dates that are not real days, or far from the present. */
export const HOSTILE_DATES = ["2027-02-30", "2026-13-01", "2026-00-10", "0000-00-00", "9999-12-31", "10000-01-01", "2026-1-1", "2026-12-01T00:00:00Z"];
/** Values aimed at links, redirects, headers, spreadsheets and SQL. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "javascript:alert(1)",
  " JaVaScRiPt:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//evil.example",
  "/\t/evil.example",
  "/\\evil.example",
  "https://evil.example",
  "a\r\nSet-Cookie: x=1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  "' OR 1=1 --",
  "%00",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u202Eevil",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 ﷽",
  "true",
  "null",
  "[]",
  "{}",
  '{"type":"insert","payload":{"name":"outcomes"}}',
  "__proto__",
  "__proto__.polluted",
  "constructor.prototype.polluted",
];
const LONG = "x".repeat(100_000);
const LONG_UNICODE = "é😀".repeat(20_000);

/** The values the security review found giving 500s (NUL, beyond 2^31, impossible dates), kept frequent so every run tries them. */
export const REVIEW_FINDINGS = ["a\u0000b", "\u0000", "2147483648", "99999999999", "2027-02-30", "javascript:alert(1)"];

/** Any hostile form or query value: unicode, NUL, lone surrogates, 100k characters, out-of-range numbers, dates, schemes. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...REVIEW_FINDINGS), weight: 6 },
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 4 },
  { arbitrary: fc.constantFrom(...HOSTILE_DATES), weight: 2 },
  { arbitrary: fc.constantFrom(LONG, LONG_UNICODE), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  { arbitrary: fc.bigInt().map(String), weight: 1 },
);

/** The string with lone surrogates replaced (encodeURIComponent throws on them; a browser sends U+FFFD). */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A URL part (path segment or query value) as it travels: percent-encoded text, or raw bytes that are not UTF-8. */
export const hostileUrlValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileValue.map((value) => encodeURIComponent(wellFormed(value))), weight: 6 },
  { arbitrary: fc.constantFrom("%FF", "%C0%80", "%ED%A0%80", "%E2%82", "%", "%zz", "%00", "a%00b", "+", "%2B", "&&", "=="), weight: 2 },
);

/** Why a case failed, grouped for the report. The known causes are being fixed on other branches (issue 14). */
export type Cause =
  | "NUL byte or invalid UTF-8 reaches the database"
  | "POST body that is not form-encoded"
  | "integer at or beyond 2^31 reaches the database"
  | "impossible date reaches the database"
  | "list index beyond the list's limit (slow)"
  | `other: ${string}`;

export const KNOWN_CAUSES: Cause[] = [
  "NUL byte or invalid UTF-8 reaches the database",
  "POST body that is not form-encoded",
  "integer at or beyond 2^31 reaches the database",
  "impossible date reaches the database",
  "list index beyond the list's limit (slow)",
];

export function causeOf(error: unknown): Cause {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : String(error);
  if (/invalid byte sequence|\\u0000|0x00|22021|URI malformed/i.test(text)) return "NUL byte or invalid UTF-8 reaches the database";
  if (/Content-Type was not one of/i.test(text)) return "POST body that is not form-encoded";
  if (/out of range for type (integer|smallint)|22003/i.test(text)) return "integer at or beyond 2^31 reaches the database";
  if (/date\/time field value out of range|invalid input syntax for type date|22008/i.test(text)) return "impossible date reaches the database";
  return `other: ${text.split("\n")[0].slice(0, 160)}`;
}
