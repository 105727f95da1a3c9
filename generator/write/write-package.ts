// The write stage, the only code that changes the output folder. All or nothing: the new package
// is staged in a sibling folder (unchanged files hard-linked, so their mtimes stay), then swapped
// in with two renames. A run that dies at any point leaves the old package or the new one; a
// rename interrupted between its two steps is undone by the next run before it does anything else.
// Files are handed over as they are emitted and staged at once (stager.ts).
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ErrgenError } from "../diagnostics.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { isGeneratedText } from "./generated-marker.ts";
import { readPackageFolder, type PackageFolder } from "./read-package-folder.ts";
import { Stager, type StagedFile, type StagingTarget } from "./stager.ts";

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

/** Writes a whole folder at once: `openPackageWriter`, every file, `commit`. */
export async function writePackage(outDir: string, files: readonly EmittedFile[], options: WriteOptions = {}): Promise<WriteReport> {
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
  /** Where the package is staged, for `stageFiles` on another thread. */
  readonly target: StagingTarget;
  /** Stages one file: linked when unchanged, else written in the background. */
  add(file: EmittedFile): void;
  /** Counts files that `stageFiles` staged into `target`. */
  adopt(files: readonly StagedFile[]): void;
  /** Waits for the writes, refuses to delete foreign files, swaps the staged folder in. */
  commit(): Promise<WriteReport>;
  /** Drops what was staged and releases the folder; the old package stays as it was. */
  abort(): void;
}

export function openPackageWriter(outDir: string, options: WriteOptions = {}): PackageWriter {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const release = acquireLock(parent, basename(outDir));
  let existing: PackageFolder;
  const staging = siblingPath(outDir, "new");
  try {
    recoverInterruptedSwap(outDir);
    existing = readPackageFolder(outDir, options.ownershipFiles ?? PACKAGE_OWNERSHIP_FILES);
    if (existing.files.size > 0 && !existing.ownedByErrgen) throw refusal(outDir, [...existing.files.keys()]);
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    release();
    throw error;
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  const stager = new Stager({ outDir, staging }, (path) => existing.files.get(path), options.slowWriteMs);
  let closed = false;
  const finish = () => {
    closed = true;
    rmSync(staging, { recursive: true, force: true });
    release();
  };
  return {
    target: { outDir, staging },
    add(file) {
      (stager.stage(file) ? unchanged : written).push(file.path);
    },
    adopt(files) {
      for (const file of files) (file.unchanged ? unchanged : written).push(file.path);
    },
    async commit() {
      if (closed) throw new ErrgenError("this package writer is already closed");
      try {
        await stager.settled();
        const next = new Set([...written, ...unchanged]);
        const foreign = [...existing.files].filter(([path, file]) => !next.has(path) && !isGeneratedText(file.text())).map(([path]) => path);
        if (foreign.length > 0 || existing.others.length > 0) throw refusal(outDir, [...foreign, ...existing.others]);
        const removed = [...existing.files.keys()].filter((path) => !next.has(path)).sort();
        if (written.length > 0 || removed.length > 0) swapIn(staging, outDir, existing.exists);
        return { written: written.sort(), unchanged: unchanged.sort(), removed };
      } finally {
        finish();
      }
    },
    abort() {
      if (!closed) finish();
    },
  };
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
 * Puts back the old package when a run died between its two renames, and clears what an
 * interrupted run staged. Safe to call at any time while holding the lock.
 */
export function recoverInterruptedSwap(outDir: string): void {
  const old = siblingPath(outDir, "old");
  if (!exists(outDir) && exists(old)) renameSync(old, outDir);
  rmSync(old, { recursive: true, force: true });
  rmSync(siblingPath(outDir, "new"), { recursive: true, force: true });
}

/** `generated/.errgen-new-tencentcloud-api-errors`: beside the target, so renames stay on one file system. */
export function siblingPath(outDir: string, role: "new" | "old" | "lock"): string {
  return join(dirname(outDir), `.errgen-${role}-${basename(outDir)}`);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** One writer per output folder: a lock file holding the writer's pid; a dead writer's lock is taken over. */
function acquireLock(parent: string, name: string): () => void {
  const lock = siblingPath(join(parent, name), "lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readTextOrEmpty(lock), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new ErrgenError(`another errgen (pid ${holder}) is writing ${join(parent, name)}; wait for it, or delete ${lock} if it is gone`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new ErrgenError(`cannot take the lock ${lock}`);
}

function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
