import { describe, expect, it } from "vitest";
import { useApp } from "../support/e2e";

// Security review, finding 13, through the real server: the client IP comes from Express, and a
// page's 429 keeps its Retry-After through Remix's document response.
const app = useApp({ browser: false, env: { RATE_LIMIT_SEARCH_PER_MINUTE: "2", RATE_LIMIT_PASSWORD_RESET_PER_HOUR: "1" } });

describe("rate limits on the running server", () => {
  it("a text search over the limit gets the localised 429 page with Retry-After", async () => {
    // Each search a different one (the page cache would answer a repeated one), until refused:
    // a fixed window lets at most twice the limit through across a minute's edge.
    let refused: Response | undefined;
    for (let n = 1; n <= 5 && !refused; n++) {
      const response = await fetch(`${app.url}/es?q=agua${n}`);
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused).toBeDefined();
    const retryAfter = Number(refused!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const page = await refused!.text();
    expect(page).toContain("Demasiadas solicitudes");
    // The plain home page is not limited.
    expect((await fetch(`${app.url}/es`)).status).toBe(200);
  });

  it("the map data over the limit gets a JSON 429 with Retry-After", async () => {
    let refused: Response | undefined;
    for (let n = 1; n <= 5 && !refused; n++) {
      const response = await fetch(`${app.url}/api/map?zoom=${n}`);
      if (response.status === 429) refused = response;
    }
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused!.json()).toEqual({ error: "too_many_requests" });
  });

  it("a form post over the limit gets its form back with a localised error, status 429 and Retry-After", async () => {
    const post = () => fetch(`${app.url}/es/password/forgot`, { method: "POST", body: new URLSearchParams({ email: "someone@example.org" }) });
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const page = await refused.text();
    expect(page).toContain("Demasiados intentos en poco tiempo.");
    expect(page).toContain('value="someone@example.org"');
  });
});
