// errgen as its users get it: `npm pack` of a copy of this repository (prepack builds it there, so the
// repository's own build is never touched), and the packages it needs at run time, from this checkout.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { packPackage } from "./consumer.ts";
import { REPO_ROOT } from "./run-cli.ts";

/** What `npm pack` needs of the repository: what it packs, and what prepack builds from. */
const PACKED_FROM = ["package.json", "README.md", "LICENSE", "tsconfig.json", "generator", "templates", "generated/schema"];

/** Packs errgen into `destination`; returns the tarball's path. `copy` is where the repository is copied to. */
export function packErrgen(copy: string, destination: string): string {
  for (const entry of PACKED_FROM) {
    cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true, filter: (source) => !/[\\/]generator[\\/](dist|\.dist-)/.test(source) });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"));
  return packPackage(copy, destination);
}

/** The folders of errgen's run-time dependencies, and theirs, as installed in this checkout. */
export function runtimeDependencyFolders(): string[] {
  const listed = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: REPO_ROOT, encoding: "utf8" });
  return listed.split("\n").filter((line) => line !== "" && resolve(line) !== resolve(REPO_ROOT));
}

/** Every file below `dir` with its size, modification time and hash: to prove a folder was not written. */
export function folderSnapshot(folder: string): Record<string, string> {
  const dir = realpathSync(folder); // a link (pnpm's node_modules/errgen): its target
  const snapshot: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stats = statSync(path);
    const hash = entry.isFile() ? createHash("sha256").update(readFileSync(path)).digest("hex") : entry.isDirectory() ? "dir" : "other";
    snapshot[relative(dir, path)] = `${stats.size} ${stats.mtimeMs} ${hash}`;
  }
  return snapshot;
}
