// One writer per output folder. A lock is created whole in one step: its owner (pid and a random id)
// is written to a file of the run's own, which is then hard-linked to the lock's name; the link fails
// when any lock is there, so no run ever sees a lock without its owner. A lock whose owner is gone is
// removed only under a second lock taken the same way (`<lock>.takeover`), by the run holding it, after
// it has read the lock again and found it unchanged: no lock exists but the stale one, nobody else may
// remove it meanwhile, and its owner is gone, so what is removed is always the stale lock, never a
// lock another run has just taken.
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { ErrgenError } from "../diagnostics.ts";

/** Another run holds the lock: a usage problem (exit 2) that says who. */
export class LockHeldError extends ErrgenError {}

export interface OutputLock {
  /** The lock's file. */
  readonly path: string;
  /** This run's id, unique among runs: also names its staging folder. */
  readonly id: string;
  /** Removes the lock if it is still this run's. Safe to call twice. */
  release(): void;
}

/**
 * Takes the lock `lock`, for writing `target` (named in messages). Throws LockHeldError when a live
 * run holds it. `ERRGEN_LOCK_BARRIER` (tests only) names a file to wait for first, so that several
 * processes reach this point at the same instant.
 */
export function acquireOutputLock(lock: string, target: string): OutputLock {
  waitForBarrier(process.env["ERRGEN_LOCK_BARRIER"]);
  const id = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const owner = `${process.pid} ${id}\n`;
  const mine = `${lock}.${id}`;
  writeFileSync(mine, owner, { flag: "wx" });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        linkSync(mine, lock);
        return { path: lock, id, release: () => releaseIfMine(lock, owner) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const held = readOrUndefined(lock);
      if (held === undefined) continue; // released in the meantime: try again
      const holder = Number.parseInt(held, 10);
      // A live pid holds it, this process's own included (another writer of the same process).
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new LockHeldError(`another errgen (pid ${holder}) is writing ${target}; wait for it to finish, or delete ${lock} if no errgen is running`);
      }
      takeOver(lock, held, mine);
    }
    throw new LockHeldError(`cannot take the lock ${lock}: other runs keep taking it; delete it if no errgen is running`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Removes the stale lock whose text is `held`, under the takeover lock; returns when another run is taking it over. */
function takeOver(lock: string, held: string, mine: string): void {
  const takeover = `${lock}.takeover`;
  try {
    linkSync(mine, takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const taker = Number.parseInt(readOrUndefined(takeover) ?? "", 10);
    // A run dying in the few calls below is the one case left to a person.
    if (Number.isInteger(taker) && !isAlive(taker)) throw new LockHeldError(`an interrupted errgen left ${takeover}; delete it if no errgen is running`);
    sleep(5); // another run is removing the stale lock: try again after it
    return;
  }
  try {
    if (readOrUndefined(lock) === held) rmSync(lock, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

function releaseIfMine(lock: string, owner: string): void {
  if (readOrUndefined(lock) === owner) rmSync(lock, { force: true });
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Tests only: says it has arrived (`<barrier>.<pid>.ready`), then waits until the file `path` exists. */
function waitForBarrier(path: string | undefined): void {
  if (path === undefined || path === "") return;
  writeFileSync(`${path}.${process.pid}.ready`, "");
  for (let waited = 0; waited < 30_000; waited += 2) {
    try {
      statSync(path);
      return;
    } catch {
      sleep(2);
    }
  }
}
