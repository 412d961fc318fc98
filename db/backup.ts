import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import { Migrator, sql, type Kysely, type RawBuilder } from "kysely";
import { migrations } from "./migrations/index";

/**
 * Backups that restore, on either engine: one logical format, gzipped JSON lines, written and read
 * through the app's own driver (so it works where pg_dump is absent, and a PGlite backup restores
 * into PostgreSQL and back: the way a registry moves off the embedded database).
 *
 * The file: a header line (format, engine, time, the migrations applied), then per table a line
 * naming it and its columns, one line per row (`to_jsonb(row)`, so every type goes through
 * PostgreSQL's own text forms), and a trailer line with the table's row count and checksum; the
 * sequences' positions; an end line. Written inside one repeatable-read, read-only transaction:
 * a consistent snapshot while the app keeps writing (PostgreSQL).
 *
 * Restore: into an empty database (refused otherwise unless `force`), migrated to the backup's
 * migration, rows inserted with the tables' own triggers off (derived columns come as they were
 * saved; the audit log's guards do not apply to a restore) in foreign-key order, sequences set,
 * every table's count and checksum checked against the trailer before commit, then migrated to
 * the app's latest. See docs/decisions/110-operations.md.
 */
export const BACKUP_FORMAT = "l4a-backup";
export const BACKUP_VERSION = 1;

/** Tables the migrations or start-up fill: a database holding only these counts as empty. */
const BOOKKEEPING = new Set(["public_data_version", "public_reference_version", "export_reference_version", "sdg_goals", "sdg_targets", "themes", "search_reference", "policy_councils"]);
/** Tables where some rows are the migrations' own (migration 140's standing call and its texts): only the other rows count. */
const MIGRATION_ROWS: Record<string, RawBuilder<boolean>> = {
  calls: sql<boolean>`standing`,
  call_translations: sql<boolean>`call_id in (select id from calls where standing)`,
  call_criteria: sql<boolean>`call_id in (select id from calls where standing)`,
};
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
/**
 * Caches the app makes again from the other tables (the stored open-data text: hundreds of MB at
 * 100,000 HUBs): not saved, and emptied by a restore, so a text stamped for the old database is
 * never read in the new one.
 */
const CACHE_TABLES = ["hub_export_text"];
const PAGE = 2_000;
const BATCH = 500;

export interface BackupSummary {
  tables: number;
  rows: number;
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

const ident = (name: string) => sql.id(name);

async function userTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`.execute(db);
  return rows.map((row) => row.name).filter((name) => !MIGRATION_TABLES.has(name) && !CACHE_TABLES.includes(name));
}

async function sequences(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`.execute(db);
  return rows.map((row) => row.name);
}

async function columns(db: Kysely<any>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${`public.${table}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum`.execute(db);
  return rows.map((row) => row.name);
}

/** Row count and an md5 of every row's JSON, sorted: equal when two databases hold the same rows. */
export async function tableChecksum(db: Kysely<any>, table: string): Promise<{ count: number; checksum: string }> {
  const { rows } = await sql<{ count: number; checksum: string }>`
    select count(*)::int as count,
      md5(coalesce(string_agg(r.j, E'\\n' order by r.j), '')) as checksum
    from (select to_jsonb(t)::text as j from ${ident(table)} t) r`.execute(db);
  return { count: Number(rows[0]!.count), checksum: rows[0]!.checksum };
}

/** Every table's count and checksum (the tests compare two databases with it). */
export async function databaseChecksums(db: Kysely<any>): Promise<Record<string, { count: number; checksum: string }>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const result: Record<string, { count: number; checksum: string }> = {};
    for (const table of await userTables(trx)) result[table] = await tableChecksum(trx, table);
    return result;
  });
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((row) => row.name);
  } catch {
    return [];
  }
}

/** Writes a backup of `db` to `file` (written aside, then renamed: a backup file is whole or absent). */
export async function backupDatabase(db: Kysely<any>, file: string, { engine }: { engine: string }): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  let total = 0;
  let tableCount = 0;
  try {
    await db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        await sql`set local timezone = 'UTC'`.execute(trx);
        await write(
          JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, engine, createdAt: new Date().toISOString(), migrations: await appliedMigrations(trx) }),
        );
        for (const table of await userTables(trx)) {
          tableCount += 1;
          await write(JSON.stringify({ table, columns: await columns(trx, table) }));
          for (let offset = 0; ; offset += PAGE) {
            const { rows } = await sql<{ j: string }>`
              select to_jsonb(t)::text as j from ${ident(table)} t order by t.ctid limit ${PAGE} offset ${offset}`.execute(trx);
            for (const row of rows) await write(row.j);
            total += rows.length;
            if (rows.length < PAGE) break;
          }
          await write(JSON.stringify({ end: table, ...(await tableChecksum(trx, table)) }));
        }
        for (const name of await sequences(trx)) {
          const { rows } = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from ${ident(name)}`.execute(trx);
          await write(JSON.stringify({ sequence: name, lastValue: String(rows[0]!.last_value), isCalled: rows[0]!.is_called }));
        }
        await write(JSON.stringify({ done: true, tables: tableCount, rows: total }));
      });
    gzip.end();
    await once(out, "close");
    renameSync(partial, file);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
  return { tables: tableCount, rows: total };
}

interface TableBlock {
  table: string;
  columns: string[];
  rows: string[];
  expected?: { count: number; checksum: string };
}

interface BackupContents {
  header: { format: string; version: number; engine: string; createdAt: string; migrations: string[] };
  tables: TableBlock[];
  sequences: { sequence: string; lastValue: string; isCalled: boolean }[];
}

async function readBackup(file: string): Promise<BackupContents> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: BackupContents["header"] | undefined;
  const tables: TableBlock[] = [];
  const seqs: BackupContents["sequences"] = [];
  let current: TableBlock | undefined;
  let done = false;
  for await (const line of lines) {
    if (!line) continue;
    if (!header) {
      const parsed = JSON.parse(line);
      if (parsed.format !== BACKUP_FORMAT) throw new RestoreRefusedError(`${file} is not a backup made by npm run db:backup.`);
      if (parsed.version > BACKUP_VERSION) throw new RestoreRefusedError(`${file} was written by a newer version of the app (backup format ${parsed.version}).`);
      header = parsed;
      continue;
    }
    if (current && !line.startsWith('{"end":')) {
      current.rows.push(line);
      continue;
    }
    const parsed = JSON.parse(line);
    if (parsed.end !== undefined) {
      current!.expected = { count: parsed.count, checksum: parsed.checksum };
      current = undefined;
    } else if (parsed.table !== undefined) {
      current = { table: parsed.table, columns: parsed.columns, rows: [] };
      tables.push(current);
    } else if (parsed.sequence !== undefined) seqs.push(parsed);
    else if (parsed.done) done = true;
  }
  if (!header || !done) throw new RestoreRefusedError(`${file} is incomplete (it ends before its last line): it cannot be restored.`);
  return { header, tables, sequences: seqs };
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function foreignKeyOrder(db: Kysely<any>, tables: string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(db);
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set()]));
  for (const { child, parent } of rows) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** The tables that hold data beyond what migrations and start-up put there. */
export async function nonEmptyTables(db: Kysely<any>): Promise<string[]> {
  const found: string[] = [];
  for (const table of await userTables(db)) {
    if (BOOKKEEPING.has(table)) continue;
    const own = MIGRATION_ROWS[table] ?? sql<boolean>`false`;
    const { rows } = await sql<{ any: boolean }>`select exists (select 1 from ${ident(table)} where not (${own})) as any`.execute(db);
    if (rows[0]?.any) found.push(table);
  }
  return found;
}

/**
 * Restores `file` into `db`: see the module comment. `migrateLatest` brings the restored
 * database to the app's schema afterwards (db/prepare.ts's prepareDatabase).
 */
export async function restoreDatabase(
  db: Kysely<any>,
  file: string,
  { force = false, afterRestore }: { force?: boolean; afterRestore?: (db: Kysely<any>) => Promise<void> } = {},
): Promise<BackupSummary> {
  const backup = await readBackup(file);
  const known = Object.keys(migrations);
  const unknown = backup.header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`The backup comes from a newer version of the app (migrations ${unknown.join(", ")}): upgrade the app first, then restore.`);
  }
  const filled = await nonEmptyTables(db);
  if (filled.length > 0 && !force) {
    throw new RestoreRefusedError(
      `The database is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""} hold rows). Restore into an empty database, or add --force to replace everything in it.`,
    );
  }
  // The schema the backup was taken at; newer migrations run after the data is in.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const target = backup.header.migrations.at(-1);
  const applied = await appliedMigrations(db);
  if (target && !applied.includes(target)) {
    const { error } = await migrator.migrateTo(target);
    if (error) throw error;
  } else if (target && applied.at(-1) !== target) {
    throw new RestoreRefusedError(`The database's schema is newer than the backup's (${applied.at(-1)} applied, backup at ${target}): restore into a new, empty database.`);
  }

  let total = 0;
  await db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const present = new Set(await userTables(trx));
    const missing = backup.tables.filter((block) => !present.has(block.table)).map((block) => block.table);
    if (missing.length > 0) throw new RestoreRefusedError(`The database has no table ${missing.join(", ")} of the backup.`);
    const order = await foreignKeyOrder(trx, [...present]);
    for (const table of present) await sql`alter table ${ident(table)} disable trigger user`.execute(trx);
    for (const table of CACHE_TABLES) await sql`delete from ${ident(table)}`.execute(trx);
    for (const table of [...order].reverse()) await sql`delete from ${ident(table)}`.execute(trx);
    const blocks = new Map(backup.tables.map((block) => [block.table, block]));
    for (const table of order) {
      const block = blocks.get(table);
      if (!block || block.rows.length === 0) continue;
      const targetColumns = new Set(await columns(trx, table));
      const shared = block.columns.filter((column) => targetColumns.has(column));
      const list = sql.join(shared.map((column) => ident(column)));
      for (let start = 0; start < block.rows.length; start += BATCH) {
        const json = `[${block.rows.slice(start, start + BATCH).join(",")}]`;
        await sql`insert into ${ident(table)} (${list}) overriding system value
          select ${list} from jsonb_populate_recordset(null::${ident(table)}, (${json}::text)::jsonb)`.execute(trx);
      }
      total += block.rows.length;
    }
    for (const table of present) await sql`alter table ${ident(table)} enable trigger user`.execute(trx);
    for (const { sequence, lastValue, isCalled } of backup.sequences) {
      if (!(await sequences(trx)).includes(sequence)) continue;
      await sql`select setval(${`public.${sequence}`}::regclass, ${lastValue}::bigint, ${isCalled})`.execute(trx);
    }
    // Nothing is committed unless every table holds exactly what was saved.
    for (const block of backup.tables) {
      if (!block.expected) continue;
      const actual = await tableChecksum(trx, block.table);
      if (actual.count !== block.expected.count || actual.checksum !== block.expected.checksum) {
        throw new RestoreRefusedError(`Table ${block.table} does not match the backup after restoring (${actual.count} rows, ${block.expected.count} saved): nothing was restored.`);
      }
    }
  });
  await afterRestore?.(db);
  return { tables: backup.tables.length, rows: total };
}
