// Reads an existing output folder: what errgen compares against (check) and replaces (generate).
// Contents are read only when sizes cannot tell files apart.
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isGeneratedText } from "../load/generated-marker.ts";

export interface ExistingFile {
  readonly size: number;
  /** The file's text, read on first use. */
  text(): string;
}

export interface PackageFolder {
  readonly exists: boolean;
  /** The names directly in the folder (folders with a trailing `/`), walked or not. */
  readonly entries: readonly string[];
  /** Regular files by path relative to the folder, with `/` separators. */
  readonly files: ReadonlyMap<string, ExistingFile>;
  /** Anything that is not a regular file or folder (links, sockets): never errgen's. */
  readonly others: readonly string[];
  /** Whether the folder shows errgen wrote it: one of its ownership files carries the generated header. */
  readonly ownedByErrgen: boolean;
}

/**
 * Reads the folder at `dir`. Ownership is decided first, from `ownershipFiles` alone; a folder errgen
 * did not write is walked only when `walkForeign` (check lists its files; generate refuses it at once,
 * however large it is).
 */
export function readPackageFolder(dir: string, ownershipFiles: readonly string[] = ["README.md", "src/index.ts"], walkForeign = true): PackageFolder {
  const files = new Map<string, ExistingFile>();
  const others: string[] = [];
  const exists = lstatSync(dir, { throwIfNoEntry: false }) !== undefined;
  const entries = exists ? readdirSync(dir, { withFileTypes: true }).map((entry) => `${entry.name}${entry.isDirectory() ? "/" : ""}`).sort() : [];
  const ownedByErrgen = exists && ownershipFiles.some((path) => isGeneratedText(existingFileAt(join(dir, path))?.text() ?? ""));
  if (exists && (ownedByErrgen || walkForeign)) walk(dir, "", files, others);
  return { exists, entries, files, others, ownedByErrgen };
}

/** Whether a file on disk holds exactly `contents`: the size first, the bytes only when sizes match. */
export function hasContents(file: ExistingFile | undefined, contents: string): boolean {
  return file !== undefined && file.size === Buffer.byteLength(contents) && file.text() === contents;
}

function walk(root: string, prefix: string, files: Map<string, ExistingFile>, others: string[]): void {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, files, others);
    else if (entry.isFile()) files.set(path, existingFileAt(join(root, path))!);
    else others.push(path);
  }
}

/** The regular file at `path` (not a link, not a folder), its text read on first use; undefined when there is none. */
export function existingFileAt(path: string): ExistingFile | undefined {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  let text: string | undefined;
  return {
    size: stat.size,
    text: () => (text ??= readFileSync(path, "utf8")),
  };
}
