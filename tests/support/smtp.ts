import { createServer, type Server } from "node:net";

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
