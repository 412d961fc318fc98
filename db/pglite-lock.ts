import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/**
 * The lock of an embedded database folder: a file beside it naming the process that has it open
 * (pid, host, and the process's start time where the system tells it).
 *
 * - Taken atomically (created with O_EXCL).
 * - Stale only when its owner is gone: no process with that pid (or one that started at another
 *   time: a reused pid), so `npm start` right after `kill -9` opens the folder at once.
 * - A live owner is never displaced, however long it pauses (no time-based staleness).
 * - A lock written on another host cannot be checked and is left alone (a folder shared over the
 *   network must not be opened twice).
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** Start time of the process (Linux: /proc/PID/stat field 22), to tell a reused pid apart. */
  started?: string;
}

export type LockResult = { acquired: true; release: () => void; stillOurs: () => boolean } | { acquired: false; owner: LockOwner };

/** Folders this process holds: a second open from the same process is refused too. */
const held = new Set<string>();

function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false; // not in `held`: a previous life of this pid (a restarted container)
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (owner.started) {
    const started = processStart(owner.pid);
    if (started !== undefined && started !== owner.started) return false;
  }
  return true;
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") return parsed as LockOwner;
  } catch {
    // unreadable or half-written
  }
  return undefined;
}

export function acquireFolderLock(lockPath: string): LockResult {
  if (held.has(lockPath)) return { acquired: false, owner: { pid: process.pid, host: hostname() } };
  const me: LockOwner = { pid: process.pid, host: hostname(), started: processStart(process.pid) };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx", 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      held.add(lockPath);
      return {
        acquired: true,
        stillOurs: () => readOwner(lockPath)?.pid === me.pid,
        release: () => {
          held.delete(lockPath);
          if (readOwner(lockPath)?.pid === me.pid) rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    // A lock being written this very moment has no content yet: look again shortly.
    if (!owner) {
      sleep(50);
      if (!readOwner(lockPath) && attempt >= 2) removeStale(lockPath);
      continue;
    }
    if (alive(owner)) return { acquired: false, owner };
    removeStale(lockPath, owner);
  }
  const owner = readOwner(lockPath);
  return { acquired: false, owner: owner ?? { pid: 0, host: "?" } };
}

/** Moves the stale file aside first (atomic), so two starters never both delete a fresh lock. */
function removeStale(lockPath: string, stale?: LockOwner) {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else removed it first
  }
  const moved = readOwner(aside);
  // Another starter replaced the stale lock with its own between our read and our rename: put it back.
  if (moved && (!stale || moved.pid !== stale.pid || moved.started !== stale.started)) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third one holds it now; either way, not ours to take
    }
  }
  rmSync(aside, { force: true });
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The live process holding the lock at `lockPath` on this host, if any. */
export function liveOwner(lockPath: string): LockOwner | undefined {
  const owner = readOwner(lockPath);
  if (!owner || owner.host !== hostname() || owner.pid === process.pid) return undefined;
  return alive(owner) ? owner : undefined;
}
