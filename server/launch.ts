/**
 * How the production server is started: Node with a heap budget, then server/index.ts through tsx.
 *
 * Without a budget V8 sizes its heap from the machine (about 4 GB here) and collects lazily, so the
 * server's memory grew past 1.3 GB in the 100,000-HUB bench while what it kept alive (map indexes,
 * caches: each bounded, see app/modules/map/clusters.server.ts) stayed far smaller. With 384 MB the
 * bench's server stays near 400-450 MB resident. NODE_HEAP_MB changes it (a registry much larger than
 * 100,000 HUBs needs more). package.json's `start` and the Dockerfile's CMD say the same
 * (tests/unit/launch.test.ts); the tests and the bench start the server with these arguments.
 */
export const DEFAULT_HEAP_MB = 384;

/**
 * glibc's malloc gives each thread that allocates an arena of its own, up to eight per core: the main
 * thread, the render thread, and libuv's pool, where zlib compresses every page. Memory freed in one
 * of them is kept for it. Two arenas: the bench's server ended 25 MB lower (495 → 470 MB RSS, mean
 * of alternated full runs; decision 120, section 27), at the same rates. MALLOC_ARENA_MAX changes it.
 */
export const DEFAULT_MALLOC_ARENAS = 2;

/** The environment glibc reads when the process starts: set by whatever starts Node. */
export function serverEnvironment(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || String(DEFAULT_MALLOC_ARENAS) };
}

export function serverNodeArguments(env: Record<string, string | undefined> = process.env): string[] {
  const heapMb = Number(env.NODE_HEAP_MB) > 0 ? Number(env.NODE_HEAP_MB) : DEFAULT_HEAP_MB;
  return [`--max-old-space-size=${heapMb}`, "--import", "tsx", "server/index.ts"];
}
