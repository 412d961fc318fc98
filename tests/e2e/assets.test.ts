import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useApp } from "../support/e2e";

const ASSETS = path.resolve(__dirname, "../../public/build");

/** A GET whose body is kept as sent (fetch would decode it). */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

const app = useApp({ browser: false });

describe("the build's assets", () => {
  const entry = readdirSync(ASSETS).find((name) => /^entry\.client-.*\.js$/.test(name))!;
  const raw = readFileSync(path.join(ASSETS, entry));

  it("are served precompressed: brotli to a browser that accepts it, gzip otherwise, both decoding to the file", async () => {
    const url = `${app.url}/build/${entry}`;
    const brotli = await getRaw(url, { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(brotli.status).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toMatch(/^text\/javascript; charset=utf-8$/i);
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(brotli.body).equals(raw)).toBe(true);
    // The file written by the build, sent as it is.
    expect(brotli.body.equals(readFileSync(path.join(ASSETS, `${entry}.br`)))).toBe(true);

    const gzip = await getRaw(url, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gzip.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(gzip.body).equals(raw)).toBe(true);
    expect(gzip.body.length).toBeLessThan(raw.length / 2);

    const identity = await getRaw(url, { "Accept-Encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(raw)).toBe(true);
  });

  it("stylesheets too", async () => {
    const stylesheet = readdirSync(path.join(ASSETS, "_assets")).find((name) => /^app-.*\.css$/.test(name))!;
    const response = await getRaw(`${app.url}/build/_assets/${stylesheet}`, { "Accept-Encoding": "br" });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/^text\/css/);
    expect(brotliDecompressSync(response.body).equals(readFileSync(path.join(ASSETS, "_assets", stylesheet)))).toBe(true);
  });

  it("an unknown asset is a 404, not an immutable response", async () => {
    const response = await getRaw(`${app.url}/build/entry.client-NOTBUILT.js`, { "Accept-Encoding": "br" });
    expect(response.status).toBe(404);
    expect(response.headers["cache-control"] ?? "").not.toMatch(/immutable/);
  });

  it("Remix's route discovery (/__manifest) is not cached as immutable", async () => {
    const html = await (await fetch(`${app.url}/en`)).text();
    const version = html.match(/"version":\s*"(\w+)"/)![1];
    const response = await getRaw(`${app.url}/__manifest?p=%2Fen%2Flogin&version=${version}`, { "Accept-Encoding": "gzip" });
    expect(response.status).toBe(200);
    const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(response.body) : response.body;
    expect(JSON.parse(body.toString())["routes/$lang.login"].module).toMatch(/^\/build\/routes\//);
    expect(response.headers["cache-control"]).toBe("public, max-age=3600");
  });
});
