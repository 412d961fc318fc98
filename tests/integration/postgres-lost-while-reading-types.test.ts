import net from "node:net";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/database";

/**
 * postgres.js reads the server's array types on each new connection before its first query. A
 * connection lost during that read used to reject a promise nobody listened to: an unhandled
 * rejection (CI's PostgreSQL suite failed on eight of them, all tests passed, when the resilience
 * test killed backends). patches/postgres+3.4.9.patch catches it. Here a proxy cuts the first
 * connection exactly when the type query goes by: the query waits for the next connection and is
 * answered there, and nothing rejects unheard.
 */
describe.runIf(testDatabaseUrl)("a connection lost while postgres.js reads the array types", () => {
  const sockets = new Set<net.Socket>();
  let cuts = 0;
  const proxy = net.createServer((client) => {
    const target = new URL(testDatabaseUrl!);
    const server = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(server);
    client.on("data", (data) => {
      // The type query (it asks for typcategory 'A'): cut both sides before the server answers.
      if (cuts === 0 && data.includes("typcategory")) {
        cuts += 1;
        client.destroy();
        server.destroy();
        return;
      }
      server.write(data);
    });
    server.on("data", (data) => client.write(data));
    client.on("error", () => server.destroy());
    server.on("error", () => client.destroy());
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("answers the waiting query on the next connection and leaves no unhandled rejection", async () => {
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as net.AddressInfo;
    const url = new URL(testDatabaseUrl!);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {}, connect_timeout: 5, backoff: () => 0.05 });
    try {
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
      expect(cuts).toBe(1);
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await sql.end({ timeout: 1 });
    }
  });
});
