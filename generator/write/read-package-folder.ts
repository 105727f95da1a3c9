// Reads an existing output folder: what errgen compares against (check) and replaces (generate).
// Contents are read only when sizes cannot tell files apart.
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isGeneratedText } from "./generated-marker.ts";

export interface ExistingFile {
  readonly size: number;
  /** The file's text, read on first use. */
  text(): string;
}

export interface PackageFolder {
  readonly exists: boolean;
  /** Regular files by path relative to the folder, with `/` separators. */
  readonly files: ReadonlyMap<string, ExistingFile>;
  /** Anything that is not a regular file or folder (links, sockets): never errgen's. */
  readonly others: readonly string[];
  /** Whether the folder shows errgen wrote it: one of its ownership files carries the generated header. */
  readonly ownedByErrgen: boolean;
}

export function readPackageFolder(dir: string, ownershipFiles: readonly string[] = ["README.md", "src/index.ts"]): PackageFolder {
  const files = new Map<string, ExistingFile>();
  const others: string[] = [];
  let exists = true;
  try {
    lstatSync(dir);
  } catch {
    exists = false;
  }
  if (exists) walk(dir, "", files, others);
  const ownedByErrgen = ownershipFiles.some((path) => isGeneratedText(files.get(path)?.text() ?? ""));
  return { exists, files, others, ownedByErrgen };
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
