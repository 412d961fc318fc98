import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as geojsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { streamCsv, streamGeoJson } from "~/modules/opendata/export.server";
import { useToday } from "../support/clock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute, testEnv } from "../support/routes";
import { inProcessBuild } from "../support/app-build";
import { createApp } from "../../server/app";

/**
 * The exports are streamed (docs/decisions/120-performance-at-scale.md) and must send the same bytes
 * as the in-memory builder they replaced. The fixtures were written by that builder (commit ff9eb07)
 * from the demo data seeded for TODAY; RECORD_OPEN_DATA_FIXTURES=1 writes them again.
 */
const TODAY = useToday("2026-11-22");
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/open-data");
const CASES = [
  { name: "hubs-en.geojson", loader: geojsonLoader, path: "http://localhost/api/hubs.geojson?lang=en" },
  { name: "hubs-es-sdg11.geojson", loader: geojsonLoader, path: "http://localhost/api/hubs.geojson?lang=es&sdg=11" },
  { name: "hubs-fr.csv", loader: csvLoader, path: "http://localhost/api/hubs.csv?lang=fr" },
  { name: "hubs-en-europe.csv", loader: csvLoader, path: "http://localhost/api/hubs.csv?lang=en&region=europe" },
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
});
afterAll(() => database?.destroy());

describe("open data exports, streamed", () => {
  for (const { name, loader, path: url } of CASES) {
    it(`sends the same bytes as before: ${name}`, async () => {
      const response = await callRoute(loader, database, { path: url });
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const file = path.join(FIXTURES, name);
      if (process.env.RECORD_OPEN_DATA_FIXTURES === "1" || !existsSync(file)) writeFileSync(file, bytes);
      expect(bytes.equals(readFileSync(file))).toBe(true);
    });
  }

  it("keeps the order and the bytes across many small chunks", async () => {
    const origin = "http://localhost:3000";
    const geojson = await new Response(await streamGeoJson(database.db, { language: "en", today: TODAY, filters: {}, origin, chunkSize: 7 })).arrayBuffer();
    expect(Buffer.from(geojson).equals(readFileSync(path.join(FIXTURES, "hubs-en.geojson")))).toBe(true);
    const csv = await new Response(await streamCsv(database.db, { language: "fr", today: TODAY, filters: {}, origin, chunkSize: 5 })).arrayBuffer();
    expect(Buffer.from(csv).equals(readFileSync(path.join(FIXTURES, "hubs-fr.csv")))).toBe(true);
  });

  it("reads the first chunk before the response starts, and fails a later chunk loudly, never as a short file that looks whole", async () => {
    const origin = "http://localhost:3000";
    // A database that answers the first `healthyQueries` queries, then is gone.
    const failingAfter = (healthyQueries: number) => {
      let queries = 0;
      return database.db.withPlugin({
        transformQuery(args) {
          queries += 1;
          if (queries > healthyQueries) throw new Error("database gone");
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
    };
    // Gone before the first chunk: the export itself fails, so the route answers an error status, not a 200.
    await expect(streamGeoJson(failingAfter(0), { language: "en", today: TODAY, filters: {}, origin })).rejects.toThrow("database gone");
    await expect(streamCsv(failingAfter(1), { language: "en", today: TODAY, filters: {}, origin })).rejects.toThrow("database gone");
    // Gone once the first chunk of 7 is read (whatever it took: stored text or rows): reading the body fails.
    let gone = false;
    const goneLater = database.db.withPlugin({
      transformQuery(args) {
        if (gone) throw new Error("database gone");
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const started = await streamGeoJson(goneLater, { language: "en", today: TODAY, filters: {}, origin, chunkSize: 7 });
    gone = true;
    await expect(new Response(started).arrayBuffer()).rejects.toThrow("database gone");
  });

  it("goes through the HTTP server, compressed, to a client that reads slowly, unchanged", async () => {
    const build = await inProcessBuild({ onError: () => {} });
    const server = createApp({ build, database, env: testEnv }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const body = await new Promise<Buffer>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: "/api/hubs.geojson?lang=en", headers: { "Accept-Encoding": "gzip" } }, (response) => {
            expect(response.statusCode).toBe(200);
            expect(response.headers["content-encoding"]).toBe("gzip");
            const chunks: Buffer[] = [];
            // Paused after every chunk until the next turn of the event loop: the server must wait.
            response.on("data", (chunk: Buffer) => {
              chunks.push(chunk);
              response.pause();
              setImmediate(() => response.resume());
            });
            response.on("end", () => resolve(Buffer.concat(chunks)));
            response.on("error", reject);
          })
          .on("error", reject);
      });
      expect(gunzipSync(body).equals(readFileSync(path.join(FIXTURES, "hubs-en.geojson")))).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
