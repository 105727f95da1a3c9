// The write stage, the only code that changes the output folder. All or nothing: one run at a time
// holds the folder's lock (output-lock.ts) and stages the new package in a sibling folder of its own
// (unchanged files hard-linked, so their mtimes stay), then swaps it in with two renames. A run that
// dies at any point leaves the old package or the new one; a rename interrupted between its two
// steps is undone by the next run before it does anything else. What the environment refuses (a full
// or read-only disk, a permission) is a one-line error naming the path, with nothing left behind.
// Files are handed over as they are emitted and staged at once (stager.ts).
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ErrgenError } from "../diagnostics.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { isGeneratedText } from "../load/generated-marker.ts";
import { trackOpenWriter } from "./open-writers.ts";
import { acquireOutputLock, isAlive } from "./output-lock.ts";
import { readPackageFolder, type PackageFolder } from "./read-package-folder.ts";
import { Stager, type StagingTarget } from "./stager.ts";

export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/** The output folder holds files errgen did not write; replacing it would delete them. */
export class WriteRefusedError extends ErrgenError {}

export interface WriteOptions {
  /** Files whose generated header proves that errgen wrote an existing folder. Default: the package's README and entry. */
  readonly ownershipFiles?: readonly string[];
  /** Writes averaging more than this (ms a file) move to the background. Default: SLOW_WRITE_MS (stager.ts); 0 moves them after the first few. */
  readonly slowWriteMs?: number;
}

const PACKAGE_OWNERSHIP_FILES = ["README.md", "src/index.ts"];

/**
 * Writes a whole folder at once: `openPackageWriter`, every file, `commit`. Files are staged as the
 * iterable yields them, so printing and writing overlap; if it throws, nothing is written.
 */
export async function writePackage(outDir: string, files: Iterable<EmittedFile>, options: WriteOptions = {}): Promise<WriteReport> {
  const writer = openPackageWriter(outDir, options);
  try {
    for (const file of files) writer.add(file);
    return await writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

export interface PackageWriter {
  /** Where the package is staged. */
  readonly target: StagingTarget;
  /** Stages one file: linked when unchanged, else written in the background. */
  add(file: EmittedFile): void;
  /** Waits for the writes, refuses to delete foreign files, swaps the staged folder in. */
  commit(): Promise<WriteReport>;
  /** Drops what was staged and releases the folder; the old package stays as it was. */
  abort(): void;
}

export function openPackageWriter(requestedOutDir: string, options: WriteOptions = {}): PackageWriter {
  const outDir = settleOutDir(requestedOutDir);
  const lock = environmentFailure(requestedOutDir, () => {
    mkdirSync(dirname(outDir), { recursive: true });
    return acquireOutputLock(siblingPath(outDir, "lock"), requestedOutDir);
  });
  const staging = `${siblingPath(outDir, "new")}.${lock.id}`;
  let existing: PackageFolder;
  try {
    existing = environmentFailure(requestedOutDir, () => {
      recoverInterruptedRuns(outDir);
      return readPackageFolder(outDir, options.ownershipFiles ?? PACKAGE_OWNERSHIP_FILES, false);
    });
    // Any folder but an empty one must show that errgen wrote it; it is refused without being walked.
    if (existing.entries.length > 0 && !existing.ownedByErrgen) throw refusal(requestedOutDir, existing.entries);
  } catch (error) {
    lock.release();
    throw error;
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  const stager = new Stager({ outDir, staging }, (path) => existing.files.get(path), options.slowWriteMs);
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    untrack();
    try {
      removeStaging(staging);
    } finally {
      lock.release();
    }
  };
  const untrack = trackOpenWriter(finish);
  return {
    target: { outDir, staging },
    add(file) {
      const kept = environmentFailure(requestedOutDir, () => stager.stage(file), staging);
      (kept ? unchanged : written).push(file.path);
    },
    async commit() {
      if (closed) throw new ErrgenError("this package writer is already closed");
      try {
        await environmentFailureAsync(requestedOutDir, () => stager.settled(), staging);
        const next = new Set([...written, ...unchanged]);
        const foreign = [...existing.files].filter(([path, file]) => !next.has(path) && !isGeneratedText(file.text())).map(([path]) => path);
        if (foreign.length > 0 || existing.others.length > 0) throw refusal(requestedOutDir, [...foreign, ...existing.others]);
        const removed = [...existing.files.keys()].filter((path) => !next.has(path)).sort();
        if (written.length > 0 || removed.length > 0) environmentFailure(requestedOutDir, () => swapIn(staging, outDir, existing.exists), staging);
        return { written: written.sort(), unchanged: unchanged.sort(), removed };
      } finally {
        finish();
      }
    },
    abort: finish,
  };
}

/**
 * The folder to write: `outDir`, or the folder it links to (the link stays, and the target gets the
 * package). A file system root is refused: a package never replaces one.
 */
function settleOutDir(outDir: string): string {
  const resolved = resolve(outDir);
  if (dirname(resolved) === resolved) throw new WriteRefusedError(`refusing to write a package as ${resolved} itself: choose a folder below it, such as ${join(resolved, "generated")}`);
  const stats = environmentFailure(outDir, () => lstatSync(resolved, { throwIfNoEntry: false }));
  if (stats?.isSymbolicLink()) {
    const target = environmentFailure(outDir, () => realpathSync(resolved));
    if (dirname(target) === target) throw new WriteRefusedError(`refusing to write a package as ${target} (where ${outDir} links to): choose a folder below it`);
    return target;
  }
  if (stats !== undefined && !stats.isDirectory()) throw new WriteRefusedError(`cannot write the package to ${outDir}: it is a file, not a folder; choose another --out`);
  return resolved;
}

/** What an errno means, for a person: the causes the environment can give a write. */
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a file stands where a folder should be",
  EISDIR: "a folder stands where a file should be",
  EEXIST: "something else is already there",
  ENOENT: "a folder on the way does not exist",
  ENAMETOOLONG: "a name is too long for the file system",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EBUSY: "it is busy",
  EIO: "the disk failed to read or write",
};

/** The environment refused a write: the path and the cause in one line (exit 2), not errgen's bug. */
export class WriteFailedError extends ErrgenError {
  constructor(
    message: string,
    /** The errno code, such as `ENOSPC`. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** An errno error as a WriteFailedError about `where`, or about the path it names unless that is inside `internal` (the staging folder, which the user never sees). */
function translate(error: unknown, where: string, internal?: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof ErrgenError || code === undefined || !(code in CAUSES)) return error;
  const named = (error as NodeJS.ErrnoException).path;
  let path = named === undefined || (internal !== undefined && named.startsWith(internal)) ? where : named;
  if (code === "ENOTDIR") path = fileInTheWay(path) ?? path;
  return new WriteFailedError(`cannot write ${path}: ${CAUSES[code]} (${code})`, code);
}

/** The file that stands where a folder of `path` should be: what an ENOTDIR is about. */
function fileInTheWay(path: string): string | undefined {
  for (let up = dirname(path); dirname(up) !== up; up = dirname(up)) {
    try {
      if (lstatSync(up).isFile()) return up;
    } catch {
      // further up
    }
  }
  return undefined;
}

function environmentFailure<T>(where: string, action: () => T, internal?: string): T {
  try {
    return action();
  } catch (error) {
    throw translate(error, where, internal);
  }
}

async function environmentFailureAsync<T>(where: string, action: () => Promise<T>, internal?: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw translate(error, where, internal);
  }
}

function refusal(outDir: string, paths: readonly string[]): WriteRefusedError {
  const listed = [...paths].sort().slice(0, 10).join(", ");
  return new WriteRefusedError(`refusing to replace ${outDir}: it holds files errgen did not write (${listed}). Move them out of the folder, or choose another --out.`);
}

function swapIn(staging: string, outDir: string, hadOld: boolean): void {
  if (!hadOld) return renameSync(staging, outDir);
  const old = siblingPath(outDir, "old");
  rmSync(old, { recursive: true, force: true });
  renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Puts back the old package when a run died between its two renames, and clears what interrupted
 * runs staged. Call only while holding the lock: then no other run is staging.
 */
export function recoverInterruptedRuns(outDir: string): void {
  const old = siblingPath(outDir, "old");
  if (!exists(outDir) && exists(old)) renameSync(old, outDir);
  rmSync(old, { recursive: true, force: true });
  const staging = basename(siblingPath(outDir, "new"));
  const lock = basename(siblingPath(outDir, "lock"));
  for (const name of readdirSync(dirname(outDir))) {
    const path = join(dirname(outDir), name);
    if (name === staging || name.startsWith(`${staging}.`)) rmSync(path, { recursive: true, force: true });
    // The file a killed run made to take the lock with (`<lock>.<pid>-<id>`).
    const pid = name.startsWith(`${lock}.`) ? /^(\d+)-[0-9a-f]+$/.exec(name.slice(lock.length + 1))?.[1] : undefined;
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(path, { force: true });
  }
}

/**
 * Removes a staging folder that writes may still be going to (an interrupted run's, in the thread pool):
 * moved first, it cannot gain files by its old path while it is removed; a file being created as it
 * moves is met by the retries. What is left, if anything, the next run clears (`<staging>-…`).
 */
function removeStaging(staging: string): void {
  const moved = `${staging}-removed`;
  try {
    renameSync(staging, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // swapped in, or never made
    throw error;
  }
  rmSync(moved, { recursive: true, force: true, maxRetries: 5 });
}

/** `generated/.errgen-new-tencentcloud-api-errors`: beside the target, so renames stay on one file system. A run stages in `<that>.<run id>`. */
export function siblingPath(outDir: string, role: "new" | "old" | "lock"): string {
  return join(dirname(outDir), `.errgen-${role}-${basename(outDir)}`);
}

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}
