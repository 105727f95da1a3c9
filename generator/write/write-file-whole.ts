// One file written whole or not at all: beside its target first, then renamed over it, so a reader
// (or a run killed midway) never sees half of it.
import { renameSync, writeFileSync } from "node:fs";

export function writeFileWhole(path: string, contents: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}
