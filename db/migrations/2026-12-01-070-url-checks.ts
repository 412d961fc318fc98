import { sql, type Kysely } from "kysely";

// Frozen once landed. Every column that holds a link someone typed accepts only http(s) addresses of
// at most 2,048 characters, whatever code writes to it (security review, finding 1: a `javascript:`
// evidence link was rendered as an href). The same rule as the forms' `httpUrl`, scheme case-insensitive.
//
// Rows already stored that break the rule could only come from before the forms checked the scheme
// (progress evidence used zod's `.url()`, which accepts `javascript:`): they are not links anyone can
// follow safely, so they are removed rather than kept in a form the app would still render. A HUB's
// website (nullable) becomes null; a document or an evidence link (its row is the link) is deleted.
// The migration therefore never fails on an existing database.
const URL_COLUMNS = [
  { table: "hubs", column: "website", nullable: true },
  { table: "hub_documents", column: "url", nullable: false },
  { table: "progress_update_evidence", column: "url", nullable: false },
] as const;

const safe = (column: string) => sql`(${sql.ref(column)} ~* '^https?://' and char_length(${sql.ref(column)}) <= 2048)`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, column, nullable } of URL_COLUMNS) {
    if (nullable) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} is not null and not ${safe(column)}`.execute(db);
    } else {
      await sql`delete from ${sql.table(table)} where not ${safe(column)}`.execute(db);
    }
    await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_${column}_http`)} check ${safe(column)}`.execute(db);
  }
  // Migration 020's check on documents was case-sensitive ('HTTPS://…' refused there, accepted by the form).
  await sql`alter table hub_documents drop constraint if exists hub_documents_url_check`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Not valid: rows with an upper-case scheme, allowed since, stay.
  await sql`alter table hub_documents add constraint hub_documents_url_check check (url ~ '^https?://') not valid`.execute(db);
  for (const { table, column } of URL_COLUMNS) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.raw(`${table}_${column}_http`)}`.execute(db);
  }
}
