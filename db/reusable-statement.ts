import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from "kysely";

/**
 * A statement Kysely builds and compiles once per database handle and shape, then runs with each
 * call's values. Building and compiling a large query (a HUB page's is a tree of seven JSON
 * subqueries) costs more of the server's main thread than PostgreSQL spends running it once prepared.
 *
 * `build` gets stand-ins for `values` and must pass each one to Kysely unchanged, as a value (a
 * `where` operand, a `${…}` in `sql`): the stand-ins' places in the compiled parameters are where
 * each call's values go. Everything else the statement's text depends on (a language that picks
 * columns) goes in `shape` (none: one shape). A stand-in that Kysely never sees as a parameter, that is changed on the
 * way (concatenated, parsed) or that ends up in the statement's text throws when the statement is
 * first compiled, so a misuse fails in the first test that runs it, not with a wrong answer.
 *
 * Every value that differs between calls must be one of `values`: anything else `build` reads (the
 * clock, today's date, a setting) is kept from the first call. A list value (`in (…)`) changes the
 * text with its length: it cannot be one of `values`.
 */
export function reusableStatement<D, Values extends Record<string, string | number>, Shape extends string, Row>(
  name: string,
  build: (db: Kysely<D>, values: Values, shape: Shape) => Compilable<Row>,
) {
  const templates = new WeakMap<object, Map<string, Template<Row>>>();
  return {
    async execute(db: Kysely<D>, values: Values, shape: Shape = "" as Shape): Promise<Row[]> {
      let byShape = templates.get(db);
      if (!byShape) {
        byShape = new Map();
        templates.set(db, byShape);
      }
      let template = byShape.get(shape);
      if (!template) {
        template = compileTemplate(name, db, build, Object.keys(values), shape);
        byShape.set(shape, template);
      }
      const parameters = template.compiled.parameters.map((constant, index) => {
        const slot = template.slots[index];
        return slot === undefined ? constant : values[slot];
      });
      const compiled: CompiledQuery<Row> = { ...template.compiled, parameters, queryId: createQueryId() };
      return (await db.executeQuery(compiled)).rows;
    },
  };
}

interface Template<Row> {
  compiled: CompiledQuery<Row>;
  /** For each compiled parameter, the name of the value that goes there (undefined: a constant of the shape). */
  slots: (string | undefined)[];
}

const STAND_IN_MARK = "\u0000reusable-statement-value:";

function compileTemplate<D, Values extends Record<string, string | number>, Shape extends string, Row>(
  name: string,
  db: Kysely<D>,
  build: (db: Kysely<D>, values: Values, shape: Shape) => Compilable<Row>,
  names: string[],
  shape: Shape,
): Template<Row> {
  const standIns = Object.fromEntries(names.map((valueName) => [valueName, `${STAND_IN_MARK}${valueName}\u0000`])) as unknown as Values;
  const compiled = build(db, standIns, shape).compile();
  if (compiled.sql.includes(STAND_IN_MARK)) throw new Error(`reusableStatement ${name}: a value was written into the statement's text instead of passed as a parameter`);
  const byStandIn = new Map(names.map((valueName) => [`${STAND_IN_MARK}${valueName}\u0000`, valueName]));
  const seen = new Set<string>();
  const slots = compiled.parameters.map((parameter) => {
    if (typeof parameter !== "string" || !parameter.includes(STAND_IN_MARK)) return undefined;
    const valueName = byStandIn.get(parameter);
    if (valueName === undefined) throw new Error(`reusableStatement ${name}: a value was changed on its way to Kysely (${JSON.stringify(parameter)})`);
    seen.add(valueName);
    return valueName;
  });
  const unused = names.filter((valueName) => !seen.has(valueName));
  if (unused.length > 0) throw new Error(`reusableStatement ${name}: ${unused.join(", ")} never reached the statement as a parameter`);
  return { compiled, slots };
}
