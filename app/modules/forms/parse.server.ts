import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { badRequest } from "~/modules/http/responses.server";
import { findListLimitRefusal } from "./list-limits";

/**
 * Every form action parses its post here: the list limits of the schema are checked on the field
 * names first (a fast 400, before Conform builds or the page renders a single implied row), then
 * Conform and zod parse as usual. `limits` is the schema whose lists bound the post when the parsing
 * schema is looser (the proposal form's place look-up re-renders the form from any fields).
 */
export function parseForm<Schema extends z.ZodTypeAny>(formData: FormData, options: { schema: Schema; limits?: z.ZodTypeAny }) {
  refuseRowsBeyondLimits(formData, options.limits ?? options.schema);
  try {
    return parseWithZod(formData, { schema: options.schema });
  } catch (error) {
    // Conform parses its control fields (`__intent__`, `__state__`: JSON) before any schema and
    // throws on forged ones: the client's mistake, a 400. Anything else is ours and stays a 500.
    if (formData.has("__intent__") || formData.has("__state__")) badRequest();
    throw error;
  }
}

/** Throws a 400 when a field name (or a Conform list intent's target) implies rows beyond the schema's limits. */
export function refuseRowsBeyondLimits(formData: FormData, schema: z.ZodTypeAny): void {
  const names: string[] = [];
  for (const [name, value] of formData.entries()) {
    if (name === "__intent__") {
      const target = intentTarget(value);
      if (target === false) badRequest();
      if (target) names.push(target);
      continue;
    }
    names.push(name);
  }
  if (findListLimitRefusal(names, schema)) badRequest();
}

/** The field a Conform intent (`{"type":"update","payload":{"name":"outcomes[3]"}}`) writes to; false when unreadable. */
function intentTarget(value: FormDataEntryValue): string | null | false {
  if (typeof value !== "string") return false;
  try {
    const intent = JSON.parse(value) as { payload?: { name?: unknown } } | null;
    const name = intent?.payload?.name;
    return typeof name === "string" && name !== "" ? name : null;
  } catch {
    return false;
  }
}
