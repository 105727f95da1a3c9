// Where spec files come from: the disk for the command line, memory for tests. The load stage reads
// through this and nothing else.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, posix, relative, resolve, sep } from "node:path";
import { ErrgenError, type Diagnostic } from "../diagnostics.ts";
import { decodeSpecText } from "./decode-spec-text.ts";

export interface SpecLocation {
  /** Absolute path (or a virtual one in memory). */
  readonly path: string;
  /** The path as diagnostics show it: relative to the working directory when inside it. */
  readonly displayPath: string;
  /** The path relative to the spec's project (the nearest folder with a package.json), for generated headers. */
  readonly sourceName: string;
}

export interface SpecFiles {
  readonly root: SpecLocation;
  /** The project the root spec belongs to: `generated/` goes here by default. */
  readonly projectRoot: string;
  /** A spec file's text, without a byte-order mark. Throws SpecReadError when it cannot be read. */
  read(path: string): string;
  /** The location of a file included by a spec, given its absolute path. */
  locate(path: string): SpecLocation;
  /** Resolves a path written in `from` (relative to that file's folder). */
  resolve(from: SpecLocation, path: string): string;
  /** Whether `path` (resolved) lies in the root spec's folder or below it, links followed: where product specs may come from. */
  isBelowRoot(path: string): boolean;
  /** The text of a file already read, by the path diagnostics show: for printing the line of a problem. */
  sourceText(displayPath: string): string | undefined;
  /** Every file read so far, in the order first read (root first), by source name: for the spec hash. */
  readSources(): (readonly [sourceName: string, text: string])[];
}

/**
 * The most spec text errgen reads, all files together: 64 MiB, eleven times the whole Tencent Cloud
 * catalogue (5.7 MB). Generating near the limit takes up to 5 GB of memory (README, "Limits").
 */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** `64 MiB`, for messages. */
export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

/** A spec file that cannot be read: a usage problem (exit 2) for the root, a spec error for an include. */
export class SpecReadError extends ErrgenError {
  constructor(
    readonly displayPath: string,
    readonly reason: string,
  ) {
    super(`cannot read spec ${displayPath}: ${reason}`);
  }
}

/** A spec file that is not UTF-8 text: a diagnostic at the first byte that is not (exit 1), not a read failure. */
export class SpecEncodingError extends SpecReadError {
  constructor(
    displayPath: string,
    readonly diagnostic: Diagnostic,
  ) {
    super(displayPath, diagnostic.message);
  }
}

/** Spec files on disk; each file is read once per instance, however often a stage asks for it. */
export function diskSpecFiles(specPath: string, cwd: string): SpecFiles {
  const rootPath = resolve(cwd, specPath);
  const projectRoot = findProjectRoot(dirname(rootPath));
  const locate = (path: string): SpecLocation => ({ path, displayPath: displayPath(path, cwd), sourceName: toPosix(relative(projectRoot, path)) });
  const texts = new Map<string, string>();
  return {
    root: locate(rootPath),
    projectRoot,
    locate,
    resolve: (from, path) => resolve(dirname(from.path), path),
    isBelowRoot: (path) => isBelow(dirname(rootPath), path) && isBelow(realpathOrSelf(dirname(rootPath)), realpathOrSelf(path)),
    sourceText: (shown) => [...texts].find(([path]) => displayPath(path, cwd) === shown)?.[1],
    readSources: () => [...texts].map(([path, text]) => [locate(path).sourceName, text] as const),
    read(path) {
      const known = texts.get(path);
      if (known !== undefined) return known;
      try {
        // Checked before reading: a device (/dev/zero) or a huge file would never finish, or exhaust memory.
        const stats = statSync(path);
        if (stats.isFile() && stats.size > MAX_SPEC_BYTES) throw new SpecReadError(displayPath(path, cwd), `it holds ${formatMiB(stats.size)}, more than errgen reads (${formatMiB(MAX_SPEC_BYTES)} for all spec files together)`);
        if (!stats.isFile() && !stats.isDirectory()) throw new SpecReadError(displayPath(path, cwd), "it is not a regular file");
        const shown = displayPath(path, cwd);
        const decoded = decodeSpecText(readFileSync(path), shown);
        if ("diagnostic" in decoded) throw new SpecEncodingError(shown, decoded.diagnostic);
        texts.set(path, decoded.text);
        return decoded.text;
      } catch (error) {
        if (error instanceof SpecReadError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
        throw new SpecReadError(displayPath(path, cwd), reason);
      }
    },
  };
}

/** Spec files held in memory, keyed by POSIX path relative to a virtual project root: for tests. */
export function memorySpecFiles(files: Readonly<Record<string, string>>, rootPath: string): SpecFiles {
  const locate = (path: string): SpecLocation => ({ path, displayPath: path, sourceName: path });
  const read = new Map<string, string>();
  return {
    root: locate(rootPath),
    projectRoot: "/virtual-project",
    locate,
    resolve: (from, path) => posix.normalize(posix.join(posix.dirname(from.path), path)),
    isBelowRoot: (path) => {
      const fromRoot = posix.relative(posix.dirname(rootPath), path);
      return fromRoot !== "" && !fromRoot.startsWith("..") && !posix.isAbsolute(fromRoot);
    },
    sourceText: (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
    readSources: () => [...read],
    read(path) {
      const text = Object.hasOwn(files, path) ? files[path] : undefined;
      if (text === undefined) throw new SpecReadError(path, "no such file");
      read.set(path, withoutBom(text));
      return withoutBom(text);
    },
  };
}

function isBelow(dir: string, path: string): boolean {
  const fromDir = relative(dir, path);
  return fromDir !== "" && !fromDir.startsWith("..") && !isAbsolute(fromDir);
}

/** The path with links resolved, when it exists; else as it is (the reader says it is missing). */
function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** The nearest folder from `start` up with a package.json; `start` itself when there is none. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return toPosix(fromCwd.startsWith("..") || fromCwd === "" ? path : fromCwd);
}

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
