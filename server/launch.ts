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

export function serverNodeArguments(env: Record<string, string | undefined> = process.env): string[] {
  const heapMb = Number(env.NODE_HEAP_MB) > 0 ? Number(env.NODE_HEAP_MB) : DEFAULT_HEAP_MB;
  return [`--max-old-space-size=${heapMb}`, "--import", "tsx", "server/index.ts"];
}
