import { request as httpRequest } from "node:http";
import type { Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "../support/e2e";
import { takeCspViolations } from "../support/browser";
import { DEMO_PASSWORD } from "../support/accounts";
import { fakeSmtp } from "../support/smtp";

/**
 * The HTTP edge of the production server, probed from outside as a client would (issue 14):
 * NODE_ENV=production, PUBLIC_URL=https://registry.example (TLS ends at a proxy; the tests speak
 * plain HTTP to the app with that Host), DEMO_MODE=true.
 */
const PUBLIC_HOST = "registry.example";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Milliseconds from the first byte sent to the response's headers. */
  ms: number;
}

/** One request with full control of the method, Host and body (fetch forbids TRACE and a custom Host). */
function raw(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Iterable<Buffer> } = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { Host: PUBLIC_HOST, ...options.headers }, agent: false },
      (response) => {
        const ms = performance.now() - started;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body, ms }));
        response.on("error", reject);
      },
    );
    // The server may answer (413) and close while the body is still being sent.
    request.on("error", (error: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? undefined : reject(error)));
    if (options.chunks) {
      const chunks = options.chunks[Symbol.iterator]();
      const writeNext = () => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) {
          if (request.destroyed) return;
          if (!request.write(next.value)) return void request.once("drain", writeNext);
        }
        request.end();
      };
      writeNext();
    } else request.end(options.body);
  });
}

const form = (values: Record<string, string>) => ({
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values).toString(),
});

describe("the production server behind https://registry.example", () => {
  const received: string[] = [];
  let smtp: { server: Server; port: number } | undefined;
  const env: Record<string, string> = { PUBLIC_URL: `https://${PUBLIC_HOST}` };
  beforeAll(async () => {
    smtp = await fakeSmtp(received);
    env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  });
  afterAll(() => smtp?.server.close());
  const app = useApp({ browser: false, env });
  const get = (path: string, headers: Record<string, string> = {}) => raw(app.url, "GET", path, { headers });

  describe("security headers", () => {
    it("every page carries a CSP whose fresh nonce is on every script, also when the page comes from the page cache", async () => {
      const first = await get("/en");
      const second = await get("/en");
      expect(second.headers["x-page-cache"]).toBe("hit");
      const nonces = [first, second].map((response) => {
        const csp = String(response.headers["content-security-policy"]);
        const nonce = /script-src 'nonce-([A-Za-z0-9_-]{22})' 'strict-dynamic'/.exec(csp)?.[1];
        expect(nonce, csp).toBeDefined();
        for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'", "img-src 'self' data:", "default-src 'self'"]) {
          expect(csp).toContain(directive);
        }
        const scripts = [...response.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
        const preloads = [...response.body.matchAll(/<link rel="modulepreload"[^>]*>/g)].map(([tag]) => tag);
        expect(preloads.length).toBeGreaterThan(2);
        for (const tag of preloads) expect(tag).toContain(`nonce="${nonce}"`);
        return nonce;
      });
      expect(nonces[0]).not.toBe(nonces[1]);
      expect(second.body).not.toContain(nonces[0]);
    });

    it("sends HSTS, nosniff, a referrer policy, COOP and CORP, and refuses framing", async () => {
      const page = await get("/en");
      expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(page.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(page.headers["cross-origin-resource-policy"]).toBe("same-origin");
      expect(page.headers["x-frame-options"]).toBe("DENY");
      expect(page.headers["x-powered-by"]).toBeUndefined();
    });

    it.each(["/api/hubs.geojson", "/api/hubs.csv", "/api/map?bbox=-180,-85,180,85&zoom=1", "/en/feed.xml", "/en?_data=root", "/favicon.svg", "/healthz", "/en/no-such-page"])("sends nosniff and the CSP on %s", async (path) => {
      const response = await get(path);
      expect(response.status).toBeLessThan(500);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    });

    it("lets only the embed map be framed by other sites", async () => {
      const embed = await get("/en/embed");
      expect(embed.status).toBe(200);
      expect(embed.headers["x-frame-options"]).toBeUndefined();
      expect(String(embed.headers["content-security-policy"])).not.toContain("frame-ancestors");
      expect(String(embed.headers["content-security-policy"])).toContain("script-src 'nonce-");
    });
  });

  describe("the session cookie and signed-in pages", () => {
    it("is __Host- prefixed, Secure, HttpOnly and SameSite=Lax, and a signed-in page is no-store", async () => {
      const login = await raw(app.url, "POST", "/en/login", form({ email: "council@demo.l4a.test", password: DEMO_PASSWORD }));
      expect(login.status).toBe(302);
      const cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? []).find((value) => value.includes("l4a_session"))!;
      expect(cookie).toMatch(/^__Host-l4a_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const account = await get("/en/account", { Cookie: cookie.split(";")[0]! });
      expect(account.status).toBe(200);
      expect(account.headers["cache-control"]).toBe("no-store");
      const data = await get("/en/account?_data=routes%2F%24lang.account", { Cookie: cookie.split(";")[0]! });
      expect(data.headers["cache-control"]).toBe("no-store");
    });
  });

  describe("the host", () => {
    it("answers 421, localised, for another Host, except /healthz", async () => {
      const evil = await get("/es", { Host: "evil.example" });
      expect(evil.status).toBe(421);
      expect(evil.body).toContain("Dirección equivocada");
      expect((await get("/healthz", { Host: "10.0.0.7:3000" })).status).toBe(200);
      expect((await get("/en", { Host: "REGISTRY.example:443" })).status).toBe(200);
      expect((await get("/en", { Host: "registry.example:8443" })).status).toBe(421);
    });

    it("sends reset e-mails that link only to PUBLIC_URL, whatever Host and X-Forwarded-Host say", async () => {
      const refused = await raw(app.url, "POST", "/en/password/forgot", { ...form({ email: "city@demo.l4a.test" }), headers: { ...form({}).headers, Host: "evil.example" } });
      expect(refused.status).toBe(421);
      const asked = await raw(app.url, "POST", "/en/password/forgot", {
        ...form({ email: "city@demo.l4a.test" }),
        headers: { ...form({}).headers, "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", Forwarded: "host=evil.example" },
      });
      expect(asked.status).toBe(200);
      // As a browser sends it: with its Origin. Remix's own forwarded-host check must not turn it into a 500.
      const fromBrowser = await raw(app.url, "POST", "/en/password/forgot", {
        ...form({ email: "council@demo.l4a.test" }),
        headers: { ...form({}).headers, Origin: "https://registry.example", "X-Forwarded-Host": "evil.example" },
      });
      expect(fromBrowser.status).toBe(200);
      // Quoted-printable soft line breaks and escapes, undone.
      const decoded = () => received.map((message) => message.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
      await expect.poll(() => decoded().some((message) => message.includes("/password/reset/")), { timeout: 15_000 }).toBe(true);
      const mail = decoded().find((message) => message.includes("/password/reset/"))!;
      // (The report reminders the server sends meanwhile must not name another host either.)
      for (const message of decoded()) expect(message).not.toContain("evil.example");
      expect(mail).toMatch(/https:\/\/registry\.example\/(en|es|fr)\/password\/reset\/[A-Za-z0-9_-]+/);
      expect(mail).not.toContain("evil.example");
      expect(mail).not.toContain("127.0.0.1");
    });
  });

  describe("cross-site form posts", () => {
    it("are refused unless their Origin is PUBLIC_URL", async () => {
      const post = (origin: string) =>
        raw(app.url, "POST", "/en/password/forgot", { ...form({ email: "nobody@example.org" }), headers: { ...form({}).headers, Origin: origin } });
      const refused = await post("https://evil.example");
      expect(refused.status).toBe(403);
      // The edge's own page, in the page's language, like its other refusals.
      expect(refused.body).toContain("Form from another site");
      expect((await post(`http://${PUBLIC_HOST}`)).status).toBe(403);
      expect((await post(`https://${PUBLIC_HOST}`)).status).toBe(200);
    });
  });

  describe("redirects after signing in", () => {
    it.each(["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/..//evil.example", "/en\r\nLocation: https://evil.example"])(
      "never leave the site for redirectTo %j, and never answer 500",
      async (redirectTo) => {
        const response = await raw(app.url, "POST", "/en/login", form({ email: "secretariat@demo.l4a.test", password: DEMO_PASSWORD, redirectTo }));
        expect(response.status).toBe(302);
        expect(response.headers.location).toBe("/en");
      },
    );
  });

  describe("bad bytes and bad requests", () => {
    it.each(["/en?q=%00", "/api/map?q=%00", "/api/hubs.geojson?q=%00", "/en/hubs/%00", "/en?q=%C3%28", "/api/map?bbox=%FF", "/es/hubs/%E0%A4"])("answers %s with a localised 400", async (path) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain(path.startsWith("/es") ? "Solicitud incomprensible" : "Request not understood");
    });

    it("refuses a NUL byte in a sign-up name with a 400", async () => {
      const response = await raw(app.url, "POST", "/fr/signup", form({ displayName: "Ana\u0000", email: "nul@example.org", password: "a-long-enough-password", passwordConfirm: "a-long-enough-password" }));
      expect(response.status).toBe(400);
      expect(response.body).toContain("Requête incompréhensible");
    });

    it.each(["/en/login", "/en/signup", "/en/password/forgot"])("answers a POST to %s that is not a form with 415", async (path) => {
      for (const type of ["text/plain", "application/json", undefined]) {
        const response = await raw(app.url, "POST", path, { headers: type ? { "Content-Type": type } : {}, body: type === "application/json" ? '{"email":"x"}' : "email=x" });
        expect(response.status, String(type)).toBe(415);
      }
    });

    it.each(["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"])("answers %s with 405 and the allowed methods, on pages, the API and static files", async (method) => {
      for (const path of ["/en", "/api/hubs.geojson", "/favicon.svg", "/healthz"]) {
        const response = await raw(app.url, method, path);
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
        expect(response.body).not.toMatch(/at \w+ \(|node_modules/);
      }
    });

    it("answers a 10 MB form post with a localised 413 before reading it, with or without Content-Length", async () => {
      const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, "a");
      const declared = await raw(app.url, "POST", "/es/signup", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: Buffer.concat([Buffer.from("displayName="), tenMegabytes]) });
      expect(declared.status).toBe(413);
      expect(declared.body).toContain("Demasiados datos");
      expect(declared.ms).toBeLessThan(2_000);
      const chunked = await raw(app.url, "POST", "/en/login", {
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
        chunks: (function* () {
          yield Buffer.from("email=");
          for (let sent = 0; sent < 10; sent += 1) yield Buffer.alloc(1024 * 1024, "a");
        })(),
      });
      expect(chunked.status).toBe(413);
      expect(chunked.body).toContain("Too much data");
      // The server is still fine.
      expect((await get("/healthz")).status).toBe(200);
    });
  });

  describe("the client IP (TRUST_PROXY unset)", () => {
    it("is the socket's: X-Forwarded-For does not let a client escape the per-IP login limit", async () => {
      // 20 failures (MAX_FAILURES_PER_IP) from this client, each claiming another IP and another account.
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const response = await raw(app.url, "POST", "/en/login", {
          ...form({ email: `nobody${attempt}@example.org`, password: "wrong-password-123" }),
          headers: { ...form({}).headers, "X-Forwarded-For": `203.0.113.${attempt + 1}` },
        });
        expect(response.status).toBe(400);
      }
      // The right password, from "another" IP: still this client, still throttled.
      const blocked = await raw(app.url, "POST", "/en/login", {
        ...form({ email: "city@demo.l4a.test", password: DEMO_PASSWORD }),
        headers: { ...form({}).headers, "X-Forwarded-For": "198.51.100.200" },
      });
      expect(blocked.status).toBe(400);
    });
  });
});

describe("Content-Security-Policy in the browser", () => {
  const app = useApp();

  it("the e2e support catches a violation (so every browser test that sees none is meaningful)", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/en`);
    // What an injected attribute or image would do: an inline event handler and a foreign image.
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.injected = true");
      document.body.append(button);
      button.click();
      const image = new Image();
      image.src = "https://evil.example/pixel.png";
      document.body.append(image);
    });
    const seen: string[] = [];
    await expect
      .poll(
        () => {
          seen.push(...takeCspViolations());
          return seen.length;
        },
        { timeout: 5_000 },
      )
      .toBeGreaterThanOrEqual(2);
    expect(seen.join("\n")).toMatch(/script-src-attr blocked inline/);
    expect(seen.join("\n")).toMatch(/img-src blocked https:\/\/evil\.example/);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await context.close();
  });
});
