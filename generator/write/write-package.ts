// The write stage, the only code that changes the output folder. All or nothing: the new package
// is staged in a sibling folder (unchanged files hard-linked, so their mtimes stay), then swapped
// in with two renames. A run that dies at any point leaves the old package or the new one; a
// rename interrupted between its two steps is undone by the next run before it does anything else.
import { closeSync, copyFileSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ErrgenError } from "../diagnostics.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { isGeneratedText } from "./generated-marker.ts";
import { hasContents, readPackageFolder } from "./read-package-folder.ts";

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
}

export function writePackage(outDir: string, files: readonly EmittedFile[], options: WriteOptions = {}): WriteReport {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const release = acquireLock(parent, basename(outDir));
  try {
    recoverInterruptedSwap(outDir);
    return replaceFolder(outDir, files, options.ownershipFiles ?? PACKAGE_OWNERSHIP_FILES);
  } finally {
    release();
  }
}

const PACKAGE_OWNERSHIP_FILES = ["README.md", "src/index.ts"];

function replaceFolder(outDir: string, files: readonly EmittedFile[], ownershipFiles: readonly string[]): WriteReport {
  const existing = readPackageFolder(outDir, ownershipFiles);
  const next = new Set(files.map((file) => file.path));
  const foreign = [...existing.files].filter(([path, file]) => !next.has(path) && !isGeneratedText(file.text())).map(([path]) => path);
  foreign.push(...existing.others);
  if (foreign.length > 0 || (existing.files.size > 0 && !existing.ownedByErrgen)) {
    const listed = (foreign.length > 0 ? foreign : [...existing.files.keys()]).sort().slice(0, 10).join(", ");
    throw new WriteRefusedError(
      `refusing to replace ${outDir}: it holds files errgen did not write (${listed}). Move them out of the folder, or choose another --out.`,
    );
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  const same = new Set(files.filter((file) => hasContents(existing.files.get(file.path), file.contents)).map((file) => file.path));
  for (const file of files) (same.has(file.path) ? unchanged : written).push(file.path);
  const removed = [...existing.files.keys()].filter((path) => !next.has(path)).sort();
  if (written.length === 0 && removed.length === 0) return { written, unchanged, removed };

  const staging = siblingPath(outDir, "new");
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = join(staging, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (same.has(file.path)) keepUnchanged(join(outDir, file.path), target);
    else writeFileSync(target, file.contents);
  }
  swapIn(staging, outDir, existing.exists);
  return { written, unchanged, removed };
}

/** A hard link keeps the file's inode and mtime; where links are not allowed, a copy with its times. */
function keepUnchanged(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    const { atime, mtime } = statSync(from);
    utimesSync(to, atime, mtime);
  }
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
