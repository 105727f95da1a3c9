// Files and bytes under a folder: what a benchmark scenario wrote.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function tree(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(path, entry.name));
      else {
        files++;
        bytes += statSync(join(path, entry.name)).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}
