import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/app";
import { inProcessBuild } from "./app-build";
import { createTestDatabase, type TestDatabase } from "./database";
import { testEnv } from "./routes";

export interface ServedApp {
  database: TestDatabase;
  /** http://127.0.0.1:PORT, the real Express app (server/app.ts) serving the in-process build. */
  base: string;
  close(): Promise<void>;
}

/** The whole server on a fresh test database and a free port, for tests that speak HTTP to it. */
export async function serveApp(): Promise<ServedApp> {
  const database = await createTestDatabase();
  const server: Server = createApp({ build: await inProcessBuild({ onError: () => {} }), database, env: testEnv }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    database,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await database.destroy();
    },
  };
}
