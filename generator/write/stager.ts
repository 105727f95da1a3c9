// Puts a package's files into its staging folder, for the package writer (write-package.ts). A file
// the package already holds byte for byte is linked, so its mtime stays; the rest are written at once
// (Node encodes and writes a string in one native call) while the disk keeps up, and through Node's
// thread pool once it does not (some disks create files slowly for a while after many were deleted:
// 0.6-1 ms a file instead of under 0.1 ms), so that writing overlaps printing.
import { copyFileSync, linkSync, mkdirSync, statSync, utimesSync, writeFile, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { hasContents, type ExistingFile } from "./read-package-folder.ts";

/** A package writer's folders: the package, and the folder its next version is staged in. */
export interface StagingTarget {
  readonly outDir: string;
  readonly staging: string;
}

/** Writes on the calling thread averaging more than this (ms a file) mean a slow disk: the rest go to the background. */
export const SLOW_WRITE_MS = 0.25;
/** Files written before the pace is judged. */
const PACE_SAMPLE = 16;

/** Stages the files of one package, one thread's share of them; `settled` tells when they are on disk. */
export class Stager {
  private readonly folders = new Set<string>();
  private readonly pace = { files: 0, ms: 0, background: false };
  // Background writes are callbacks, counted: the promise API costs a FileHandle object per file.
  private pending = 0;
  private failure: Error | undefined;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly target: StagingTarget,
    /** The package's file at a path, if it has one. */
    private readonly existing: (path: string) => ExistingFile | undefined,
    private readonly slowWriteMs = SLOW_WRITE_MS,
  ) {}

  /** Stages one file; true when it was linked as unchanged. */
  stage(file: EmittedFile): boolean {
    const staged = join(this.target.staging, file.path);
    const folder = dirname(staged);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    if (hasContents(this.existing(file.path), file.contents)) {
      keepUnchanged(join(this.target.outDir, file.path), staged);
      return true;
    }
    if (!this.pace.background) {
      const started = performance.now();
      writeFileSync(staged, file.contents);
      this.pace.ms += performance.now() - started;
      this.pace.background = ++this.pace.files >= PACE_SAMPLE && this.pace.ms > this.pace.files * this.slowWriteMs;
      return false;
    }
    this.pending++;
    writeFile(staged, file.contents, (error) => {
      this.failure ??= error ?? undefined;
      if (--this.pending === 0) for (const resolve of this.waiting.splice(0)) resolve();
    });
    return false;
  }

  /** Resolves once every write started so far is done; rejects with the first that failed. */
  async settled(): Promise<void> {
    if (this.pending > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }
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
