import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import type { DocumentParts } from "~/modules/http/document-parts.server";
import { createApp } from "../../server/app";
import { RenderStalledError, type DocumentRenderer } from "../../server/render-worker";
import { inProcessBuild } from "./app-build";
import { createTestDatabase, type TestDatabase } from "./database";
import { testEnv } from "./routes";

export interface ServedApp {
  database: TestDatabase;
  /** With `renderFromParts`: the stand-in render thread and its switch. */
  renderer?: PartsRenderer;
  /** http://127.0.0.1:PORT, the real Express app (server/app.ts) serving the in-process build. */
  base: string;
  close(): Promise<void>;
}

/**
 * The render thread's way in this process (server/render-worker.ts starts a thread with the real
 * build): the parts copied as a message to another thread copies them, then the page made from
 * them with the build's entry. `enabled = false` hands every page back to the main thread;
 * `stalling = true` answers as the thread's watchdog does for a render that never ends.
 */
export interface PartsRenderer extends DocumentRenderer {
  enabled: boolean;
  stalling: boolean;
}

function partsRenderer(build: ServerBuild): PartsRenderer {
  const entry = build.entry.module as unknown as { renderDocumentFromParts: (build: ServerBuild, parts: DocumentParts) => Promise<Buffer | undefined> };
  const counts = { rendered: 0, declined: 0, stalled: 0 };
  const renderer: PartsRenderer = {
    enabled: true,
    stalling: false,
    async render(parts) {
      if (renderer.stalling) {
        counts.stalled += 1;
        throw new RenderStalledError(10_000, parts.url);
      }
      const body = renderer.enabled ? await entry.renderDocumentFromParts(build, structuredClone(parts)) : undefined;
      if (body) counts.rendered += 1;
      else counts.declined += 1;
      return body;
    },
    whenReady: async () => true,
    counts: () => ({ ...counts }),
    close: async () => {},
  };
  return renderer;
}

/** The whole server on a fresh test database and a free port, for tests that speak HTTP to it. */
export async function serveApp({ renderFromParts = false, seedDemo = false }: { renderFromParts?: boolean; seedDemo?: boolean } = {}): Promise<ServedApp> {
  const database = await createTestDatabase({ seedDemo });
  const build = await inProcessBuild({ onError: () => {} });
  const renderer = renderFromParts ? partsRenderer(build) : undefined;
  const server: Server = createApp({ build, database, env: testEnv, renderer }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    database,
    renderer,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await database.destroy();
    },
  };
}
