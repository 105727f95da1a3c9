// Finding and reading the spec file: the load stage's only contact with the disk.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { ErrgenError } from "../diagnostics.ts";

export interface SpecSource {
  readonly path: string;
  /** The path as diagnostics show it: relative to the working directory when inside it. */
  readonly displayPath: string;
  /** The path relative to the spec's project (the nearest folder with a package.json), for generated headers. */
  readonly sourceName: string;
  /** The nearest folder above the spec holding a package.json, else the spec's own folder. */
  readonly projectRoot: string;
}

/** A spec file that cannot be read: a usage problem (exit 2), not a spec error. */
export class SpecReadError extends ErrgenError {}

export function locateSpec(specPath: string, cwd: string): SpecSource {
  const path = resolve(cwd, specPath);
  const projectRoot = findProjectRoot(dirname(path));
  return { path, displayPath: displayPath(path, cwd), sourceName: toPosix(relative(projectRoot, path)), projectRoot };
}

/** The spec's text, without a byte-order mark. */
export function readSpecText(source: SpecSource): string {
  let text: string;
  try {
    text = readFileSync(source.path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new SpecReadError(`cannot read spec ${source.displayPath}: ${reason}`);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return toPosix(fromCwd.startsWith("..") || fromCwd === "" ? path : fromCwd);
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
