import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverEnvironment, serverNodeArguments } from "../../server/launch";

const ROOT = path.resolve(__dirname, "../..");

/** The secret the test servers sign session cookies with, so a test can sign one too (`loginAs`). */
export const E2E_SESSION_SECRET = "e2e-session-secret-of-at-least-32-characters";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the production server (`npm start` without the build step) on a free port, on a fresh
 * embedded database unless `env.DATABASE_URL` is given. Resolves once it says it is ready.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  // A folder of its own only when the caller names no database (one that names its folder removes it).
  const dataRoot = env.DATABASE_URL || env.PGLITE_DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), "l4a-e2e-"));
  const removeDataRoot = () => dataRoot && rmSync(dataRoot, { recursive: true, force: true });
  const child = spawn(process.execPath, serverNodeArguments(), {
    cwd: ROOT,
    env: {
      ...process.env,
      ...serverEnvironment(),
      NODE_ENV: "production",
      DEMO_MODE: "true",
      SESSION_SECRET: E2E_SESSION_SECRET,
      PORT: String(port),
      // Required in production; the tests reach the server on this address.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // The demo staff accounts sign in without a second factor (their sessions are written ahead by
      // useApp); tests/e2e/two-factor.test.ts sets the production default, "staff", itself.
      REQUIRE_MFA: "off",
      ...(dataRoot ? { PGLITE_DATA_DIR: path.join(dataRoot, "pglite") } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes("[server] ready at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  /** Ends the process (unless it has exited already) and removes its folder. */
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    }
    removeDataRoot();
  };
  // A server that did not start leaves neither a process nor a folder behind.
  await ready.catch(async (error) => {
    await end("SIGKILL");
    throw error;
  });

  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    stop: () => end("SIGTERM"),
  };
}
