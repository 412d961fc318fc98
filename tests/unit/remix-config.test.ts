import { describe, expect, it } from "vitest";
import config from "../../remix.config.js";

describe("remix.config.js", () => {
  it("leaves single fetch off: patches/@remix-run+react+2.17.5.patch takes it out of the browser build", () => {
    expect((config as { future: Record<string, boolean> }).future.v3_singleFetch ?? false).toBe(false);
  });
});
