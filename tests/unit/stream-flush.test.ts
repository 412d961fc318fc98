import { EventEmitter } from "node:events";
import type express from "express";
import { describe, expect, it } from "vitest";
import { writeBody } from "../../server/remix-handler";

/** A response as compression() leaves it: write() buffers, flush() sends what is buffered. */
function fakeResponse() {
  const events: string[] = [];
  const response = Object.assign(new EventEmitter(), {
    destroyed: false,
    writableEnded: false,
    write: (chunk: Uint8Array) => {
      events.push(`write:${new TextDecoder().decode(chunk)}`);
      return true;
    },
    flush: () => events.push("flush"),
    end: () => {
      response.writableEnded = true;
      events.push("end");
    },
  });
  return { response: response as unknown as express.Response, events };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("writing a streamed response (server/remix-handler.ts)", () => {
  it("writes and flushes once for chunks that are there together, not after each (a page React writes in one go)", async () => {
    const { response, events } = fakeResponse();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(encode(String(i)));
        controller.close();
      },
    });
    await writeBody(body, response);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.filter((event) => event.startsWith("write"))).toEqual(["write:0123456789"]);
    expect(events.filter((event) => event === "flush").length).toBeLessThanOrEqual(1);
    expect(events.at(-1) === "end" || events.at(-2) === "end").toBe(true);
  });

  it("flushes what it has before it waits for more (an export between two database reads)", async () => {
    const { response, events } = fakeResponse();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encode("first"));
        await new Promise((resolve) => setTimeout(resolve, 30));
        controller.enqueue(encode("second"));
        controller.close();
      },
    });
    await writeBody(body, response);
    expect(events.indexOf("flush")).toBeGreaterThan(events.indexOf("write:first"));
    expect(events.indexOf("flush")).toBeLessThan(events.indexOf("write:second"));
  });

  it("reads no further while the response is full, and goes on once it drains", async () => {
    const { response, events } = fakeResponse();
    let full = true;
    const written: number[] = [];
    Object.assign(response, {
      write: (chunk: Uint8Array) => {
        written.push(chunk.byteLength);
        return !full;
      },
    });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          if (pulled > 4) controller.close();
          else controller.enqueue(new Uint8Array(70 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    const writing = writeBody(body, response);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The first chunk filled the response: nothing more was asked of the source.
    expect(written).toEqual([70 * 1024]);
    expect(pulled).toBe(1);
    full = false;
    response.emit("drain");
    await writing;
    expect(written).toEqual([70 * 1024, 70 * 1024, 70 * 1024, 70 * 1024]);
    expect(events.at(-1)).toBe("end");
  });
});
