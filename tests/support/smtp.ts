import { createServer, type Server } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** A minimal SMTP server on localhost that records what it receives. */
export function fakeSmtp(received: string[]): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      let inData = false;
      let data = "";
      let buffer = "";
      socket.write("220 localhost fake ESMTP\r\n");
      socket.on("data", (chunk) => {
        buffer += chunk.toString("utf8");
        let index: number;
        while ((index = buffer.indexOf("\r\n")) !== -1) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          if (inData) {
            if (line === ".") {
              inData = false;
              received.push(data);
              data = "";
              socket.write("250 OK queued\r\n");
            } else data += `${line}\n`;
            continue;
          }
          const command = line.slice(0, 4).toUpperCase();
          if (command === "EHLO" || command === "HELO") socket.write("250 localhost\r\n");
          else if (command === "DATA") {
            inData = true;
            socket.write("354 go ahead\r\n");
          } else if (command === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

/**
 * A fake SMTP server for one test file: `env.SMTP_URL` is set before the file's later hooks run
 * (register it before `useApp({ env })`), and every message it receives is in `received`.
 */
export function useFakeSmtp(): { env: Record<string, string>; received: string[]; nextMailTo(address: string, timeoutMs?: number): Promise<string> } {
  const env: Record<string, string> = {};
  const received: string[] = [];
  let smtp: { server: Server; port: number } | undefined;
  beforeAll(async () => {
    smtp = await fakeSmtp(received);
    env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  });
  afterAll(() => {
    smtp?.server.close();
  });
  return {
    env,
    received,
    /** The text of the first message to `address` not yet returned (quoted-printable soft breaks joined), once it arrives. */
    async nextMailTo(address, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const index = received.findIndex((message) => message.includes(`To: ${address}`));
        if (index !== -1) return received.splice(index, 1)[0].replace(/=\n/g, "").replace(/=3D/g, "=");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
    },
  };
}
