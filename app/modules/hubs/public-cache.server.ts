import type { AppLoadContext } from "@remix-run/node";
import { ownCopy, serviceUnavailable, sharedRead } from "../../../db/errors";
import type { DB } from "../../../db/index";
import { reusableStatement } from "../../../db/reusable-statement";

/**
 * The public pages' computation cache: everything they compute from the registry (search
 * matches, list pages, counts, filter options, map points) is kept per database handle and
 * dropped as soon as `public_data_version` (bumped by triggers on every public table, migrations
 * 030, 050 and 060) moves. Callers put everything else a value depends on (language, `today`,
 * filters) in its key. At most 300 entries, least recently used first out.
 */
interface CacheState {
  version: number;
  entries: Map<string, Promise<unknown>>;
}
const caches = new WeakMap<object, CacheState>();
const MAX_CACHE_ENTRIES = 300;

/** How long requests wait for the shared version read before they are answered 503 (and the next one reads again). */
export const PUBLIC_VERSION_TIMEOUT_MS = 3_000;

/** The counter the triggers of migration 030 bump on every write to a public table. */
export function getPublicDataVersion(db: DB): Promise<number> {
  // Reads that overlap share one query: a page's loaders and concurrent requests ask at once.
  // A read that fails or hangs fails only its waiters, each with its own 503 (db/errors.ts).
  let read = versionReads.get(db);
  if (!read) {
    read = sharedRead(
      () =>
        db
          .selectFrom("public_data_version")
          .select("version")
          .where("id", "=", 1)
          .executeTakeFirst()
          .then((row) => (row ? Number(row.version) : 0)),
      { timeoutMs: PUBLIC_VERSION_TIMEOUT_MS, onTimeout: serviceUnavailable },
    );
    versionReads.set(db, read);
  }
  return read();
}
const versionReads = new WeakMap<object, () => Promise<number>>();

/**
 * The public data version a map page's data is read at: the one the page cache read for this
 * request, or one read now. Reported to the page cache, which keeps the page under it: a page miss
 * makes one version read, not one before rendering and another in the loader (decision 120, section 22).
 */
export async function publicPageVersion(context: AppLoadContext): Promise<number> {
  const version = context.publicDataVersion ?? (await getPublicDataVersion(context.db));
  context.onPageVersion?.(version);
  return version;
}

/**
 * The version of what the public page of the HUB `slug` shows (migration 120): the HUB's own version
 * (moved by writes to its rows and to the titles of the HUBs synchronised with it) and the shared
 * reference data's (organisations, themes, SDG goals and targets). An unknown slug reads as "none".
 */
export async function getHubPageVersion(db: DB, slug: string): Promise<string> {
  const [row] = await hubPageVersionStatement.execute(db, { slug });
  return hubPageVersion(row?.reference, row?.hub);
}

/** A HUB page's version from its two parts, as `getHubPageVersion` gives it: the page's own statement reads them too. */
export function hubPageVersion(reference: number | string | null | undefined, hub: number | string | null | undefined): string {
  return `${reference ?? 0}:${hub ?? "none"}`;
}

/** Read before every anonymous HUB page is served: built and compiled once (db/reusable-statement.ts). */
const hubPageVersionStatement = reusableStatement("HUB page version", (db: DB, { slug }: { slug: string }) =>
  db
    .selectFrom("public_reference_version as r")
    .select((eb) => [
      "r.version as reference",
      eb
        .selectFrom("hubs as h")
        .innerJoin("hub_public_versions as v", "v.hub_id", "h.id")
        .select("v.version")
        .where("h.slug", "=", slug)
        .as("hub"),
    ])
    .where("r.id", "=", 1),
);

/**
 * Computes `key` once per data version (and per `today`, which callers put in the key). The
 * promise is what is kept, so requests that ask at the same time share one computation.
 */
export async function cachedPublic<T>(db: DB, key: string, compute: () => Promise<T>, version?: number): Promise<T> {
  const current = version ?? (await getPublicDataVersion(db));
  let state = caches.get(db);
  if (!state || state.version !== current) {
    state = { version: current, entries: new Map() };
    caches.set(db, state);
  }
  const entries = state.entries;
  const cached = entries.get(key) as Promise<T> | undefined;
  if (cached) {
    // Least recently used goes first when full.
    entries.delete(key);
    entries.set(key, cached);
    return cached.catch((error: unknown) => {
      throw ownCopy(error);
    });
  }
  const value = compute();
  if (entries.size >= MAX_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  // A failure is not kept: the next request tries again.
  value.catch(() => entries.get(key) === value && entries.delete(key));
  return value.catch((error: unknown) => {
    throw ownCopy(error);
  });
}

