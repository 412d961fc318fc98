import type { z } from "zod";

/**
 * Which field names a form may carry, by its schema, before anything is parsed. Conform builds the
 * submitted object from the names (`outcomes[10000].statement` is a list of 10,001 rows), and the page
 * then validates and renders every implied row: one small post held the server for minutes. So a name
 * is accepted only when each list index in it is below that list's `.max()` in the schema, and a field
 * repeated as a multiple choice (`participants=1&participants=2…`) comes at most that many times. A list
 * without a `.max()`, an index into something that is not a list, and a name Conform cannot read are refused.
 */

/** Where a name's path cannot be followed in the schema: the form is refused whole. */
export type ListLimitRefusal = { name: string; reason: "tooManyRows" | "notAList" | "unreadable" };

type Segment = string | number;

/** A field name as Conform reads it (`a.b[2].c`), or null where Conform would throw. */
export function fieldPath(name: string): Segment[] | null {
  const token = /([^.[\]]+)|\[(\d*)\]/g;
  const segments: Segment[] = [];
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = token.exec(name))) {
    if (match.index !== last && !(match.index === last + 1 && name[last] === ".")) return null;
    const [, key, index] = match;
    if (key !== undefined) {
      if (key === "__proto__" || key === "constructor" || key === "prototype") return null;
      segments.push(key);
    } else if (index === "" || index.length > 6) {
      // "[]" (append) is not used by any form; a seven-digit index is beyond every list.
      return null;
    } else {
      segments.push(Number(index));
    }
    last = token.lastIndex;
  }
  return last === name.length ? segments : null;
}

/** The schema without its wrappers (optional, default, refinements …). */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current: z.ZodTypeAny = schema;
  for (;;) {
    const def = current._def as { typeName?: string; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny; in?: z.ZodTypeAny; type?: z.ZodTypeAny; getter?: () => z.ZodTypeAny };
    switch (def.typeName) {
      case "ZodOptional":
      case "ZodNullable":
      case "ZodDefault":
      case "ZodCatch":
      case "ZodReadonly":
        current = def.innerType!;
        break;
      case "ZodEffects":
        current = def.schema!;
        break;
      case "ZodPipeline":
        current = def.in!;
        break;
      case "ZodBranded":
        current = def.type!;
        break;
      case "ZodLazy":
        current = def.getter!();
        break;
      default:
        return current;
    }
  }
}

/** The schemas a key may lead to (several for a union of objects: sign-up's "create" or "join"). */
function child(schema: z.ZodTypeAny, key: string): z.ZodTypeAny[] {
  const node = unwrap(schema);
  const def = node._def as { typeName?: string; options?: z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny> };
  if (def.typeName === "ZodObject") {
    const shape = (node as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
    return Object.hasOwn(shape, key) ? [shape[key]] : [];
  }
  if (def.typeName === "ZodUnion" || def.typeName === "ZodDiscriminatedUnion") {
    const options = Array.isArray(def.options) ? def.options : [...(def.options?.values() ?? [])];
    return options.flatMap((option) => child(option, key));
  }
  return [];
}

function listMax(schema: z.ZodTypeAny): number | null {
  const node = unwrap(schema);
  const def = node._def as { typeName?: string; maxLength?: { value: number } | null; exactLength?: { value: number } | null };
  if (def.typeName !== "ZodArray") return null;
  return def.maxLength?.value ?? def.exactLength?.value ?? null;
}

/**
 * The first name of the form that would imply more rows than its schema allows, or null when every
 * name is within the limits. Names the schema does not know, without an index, are left to the schema
 * (it strips them); with an index they are refused, since Conform would build their rows too.
 */
export function findListLimitRefusal(names: Iterable<string>, schema: z.ZodTypeAny): ListLimitRefusal | null {
  const repeats = new Map<string, number>();
  for (const name of names) {
    const path = fieldPath(name);
    if (!path) return { name, reason: "unreadable" };
    if (!path.some((segment) => typeof segment === "number")) {
      // A repeated plain name is a multiple choice: at most the list's maximum of values.
      const count = (repeats.get(name) ?? 0) + 1;
      repeats.set(name, count);
      if (count > 1) {
        const nodes = path.reduce<z.ZodTypeAny[]>((current, segment) => current.flatMap((node) => child(node, segment as string)), [schema]);
        const max = nodes.map(listMax).find((value) => value !== null);
        if (max !== undefined && max !== null && count > max) return { name, reason: "tooManyRows" };
      }
      continue;
    }
    const refusal = indexRefusal(path, schema);
    if (refusal) return { name, reason: refusal };
  }
  return null;
}

/** Follows a path with list indexes through the schema: null when every index is below its list's maximum. */
function indexRefusal(path: Segment[], schema: z.ZodTypeAny): ListLimitRefusal["reason"] | null {
  let nodes: z.ZodTypeAny[] = [schema];
  for (const [position, segment] of path.entries()) {
    if (typeof segment === "number") {
      const lists = nodes.filter((node) => unwrap(node)._def.typeName === "ZodArray");
      const max = Math.max(-1, ...lists.map((node) => listMax(node) ?? -1));
      if (max < 0) return "notAList";
      if (segment >= max) return "tooManyRows";
      nodes = lists.map((node) => (unwrap(node) as z.ZodArray<z.ZodTypeAny>).element);
    } else {
      nodes = nodes.flatMap((node) => child(node, segment));
      // A name the schema does not know is stripped by it, unless an index below would make Conform build rows.
      if (nodes.length === 0) return path.slice(position).some((rest) => typeof rest === "number") ? "notAList" : null;
    }
  }
  return null;
}
