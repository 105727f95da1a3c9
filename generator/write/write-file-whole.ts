// Single files: one written whole or not at all (beside its target first, then renamed over it, so a reader
// or a run killed midway never sees half of it), or one created only where nothing is yet.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function writeFileWhole(path: string, contents: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** A new file (its folder made when missing); false, with nothing written, when the path already exists. */
export function writeNewFile(path: string, contents: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, contents, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
