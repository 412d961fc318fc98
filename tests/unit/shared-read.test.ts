import { describe, expect, it } from "vitest";
import { serviceUnavailable, sharedRead } from "../../db/errors";

describe("a read shared by the requests that wait on it (issue 15)", () => {
  it("gives every waiter its own 503 Response, each readable", async () => {
    let calls = 0;
    const read = sharedRead(
      async () => {
        calls += 1;
        throw serviceUnavailable();
      },
      { timeoutMs: 10_000, onTimeout: serviceUnavailable },
    );
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => read().catch((error: unknown) => error)));
    expect(calls).toBe(1);
    expect(new Set(outcomes).size).toBe(5);
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(Response);
      expect((outcome as Response).status).toBe(503);
      expect((outcome as Response).headers.get("Retry-After")).toBe("5");
      await (outcome as Response).text();
    }
  });

  it("fails only the waiters of a read that hangs, and the next caller reads again", async () => {
    let calls = 0;
    const read = sharedRead(
      () => {
        calls += 1;
        return calls === 1 ? new Promise<number>(() => {}) : Promise.resolve(calls);
      },
      { timeoutMs: 20, onTimeout: serviceUnavailable },
    );
    const waiters = await Promise.all([read(), read()].map((promise) => promise.catch((error: unknown) => error)));
    expect(waiters.map((error) => (error as Response).status)).toEqual([503, 503]);
    await expect(read()).resolves.toBe(2);
    expect(calls).toBe(2);
  });
});
