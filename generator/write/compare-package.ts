// `check`: compares the package errgen would write with the folder on disk, in memory. Never writes.
import type { EmittedFile } from "../emit/emitted-file.ts";
import { hasContents, readPackageFolder } from "./read-package-folder.ts";

export interface PackageDrift {
  readonly differing: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

export function comparePackage(outDir: string, files: readonly EmittedFile[]): PackageDrift {
  const existing = readPackageFolder(outDir);
  const expected = new Set(files.map((file) => file.path));
  const differing: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const current = existing.files.get(file.path);
    if (current === undefined) missing.push(file.path);
    else if (!hasContents(current, file.contents)) differing.push(file.path);
  }
  const extra = [...existing.files.keys(), ...existing.others].filter((path) => !expected.has(path)).sort();
  return { differing, missing, extra };
}

export function isUpToDate(drift: PackageDrift): boolean {
  return drift.differing.length === 0 && drift.missing.length === 0 && drift.extra.length === 0;
}
