// Reads an existing output folder: what errgen compares against (check) and replaces (generate).
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isGeneratedText } from "./generated-marker.ts";

export interface PackageFolder {
  readonly exists: boolean;
  /** Regular files by path relative to the folder, with `/` separators. */
  readonly files: ReadonlyMap<string, string>;
  /** Anything that is not a regular file or folder (links, sockets): never errgen's. */
  readonly others: readonly string[];
  /** Whether the folder shows errgen wrote it: one of its ownership files carries the generated header. */
  readonly ownedByErrgen: boolean;
}

export function readPackageFolder(dir: string, ownershipFiles: readonly string[] = ["README.md", "src/index.ts"]): PackageFolder {
  const files = new Map<string, string>();
  const others: string[] = [];
  let exists = true;
  try {
    lstatSync(dir);
  } catch {
    exists = false;
  }
  if (exists) walk(dir, "", files, others);
  const ownedByErrgen = ownershipFiles.some((path) => isGeneratedText(files.get(path) ?? ""));
  return { exists, files, others, ownedByErrgen };
}

function walk(root: string, prefix: string, files: Map<string, string>, others: string[]): void {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, files, others);
    else if (entry.isFile()) files.set(path, readFileSync(join(root, path), "utf8"));
    else others.push(path);
  }
}
