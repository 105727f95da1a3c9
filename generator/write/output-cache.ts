// A record of the last successful `generate` per output folder, so that regenerating from unchanged
// specs with an unchanged errgen costs a hash and some stat calls instead of a whole run. It is only
// an optimisation: a missing, stale or unreadable record means a full run, never a wrong answer, and
// any file on disk whose size or modification time moved since errgen wrote it defeats it. Records
// live in the spec's project (node_modules/.cache/errgen, where build tools keep their caches), never
// inside errgen's own folder, which may be read-only.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ERRGEN_ROOT } from "../errgen-files.ts";
import { writeFileWhole } from "./write-file-whole.ts";

const CACHE_FORMAT = 2;

/** The cache folder of a project: where its records go. */
export function cacheDirOf(projectRoot: string): string {
  return join(projectRoot, "node_modules/.cache/errgen");
}

export interface CacheRecord {
  readonly format: number;
  /** Hash of errgen itself, of every spec file that went into the output, and of `watched`. */
  readonly inputs: string;
  /** Other files the output came from (the plugins'), absolute: their texts are in `inputs`. */
  readonly watched: readonly string[];
  /** What the CLI summary reports, so a cached run can say it without building the model. */
  readonly summary: { readonly codes: number; readonly products: number };
  /** Every file written, with the size and modification time it had just after the write. */
  readonly files: readonly (readonly [path: string, size: number, mtimeMs: number])[];
}

/** Hash of errgen's own code, templates and locked dependencies: a new errgen invalidates every record. */
let errgenFingerprint: string | undefined;

/** The build (generator/dist/, see generator/build/) and the signature of the sources it was built from. */
const BUILD_DIR = "generator/dist";
const BUILD_SIGNATURE = `${BUILD_DIR}/sources.sha256`;

function fingerprint(): string {
  if (errgenFingerprint) return errgenFingerprint;
  const hash = createHash("sha256");
  const addFile = (path: string) => hash.update(path).update("\0").update(readFileSync(join(ERRGEN_ROOT, path))).update("\0");
  const add = (dir: string) => {
    for (const entry of readdirSync(join(ERRGEN_ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (path === BUILD_DIR) continue;
      if (entry.isDirectory()) add(path);
      else addFile(path);
    }
  };
  add("generator");
  // An install has no sources: its build stands for them, by the signature of the sources it came from.
  if (existsSync(join(ERRGEN_ROOT, BUILD_SIGNATURE)) && !existsSync(join(ERRGEN_ROOT, "generator/errgen.ts"))) addFile(BUILD_SIGNATURE);
  add("templates");
  for (const file of ["package.json", "package-lock.json"]) {
    try {
      hash.update(file).update(readFileSync(join(ERRGEN_ROOT, file)));
    } catch {
      // A missing lockfile only makes the fingerprint coarser.
    }
  }
  return (errgenFingerprint = hash.digest("hex"));
}

/** The hash a cache record is keyed on: errgen, each spec file's path and text in order, then each watched file's (read now). */
export function inputsHash(specs: readonly (readonly [path: string, text: string])[], watched: readonly string[] = []): string {
  const hash = createHash("sha256").update(fingerprint());
  for (const [path, text] of specs) hash.update("\0").update(path).update("\0").update(text);
  for (const path of watched) {
    hash.update("\0").update(path).update("\0");
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update("\0missing");
    }
  }
  return hash.digest("hex");
}

function recordPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `${createHash("sha256").update(outDir).digest("hex").slice(0, 32)}.json`);
}

/** The record for `outDir` in `cacheDir` when it matches the inputs (hashed with the files it watches) and every file is as errgen left it. */
export function cachedOutput(cacheDir: string, outDir: string, inputsWith: (watched: readonly string[]) => string): CacheRecord | undefined {
  let record: CacheRecord;
  try {
    record = JSON.parse(readFileSync(recordPath(cacheDir, outDir), "utf8")) as CacheRecord;
  } catch {
    return undefined;
  }
  if (record.format !== CACHE_FORMAT || record.inputs !== inputsWith(record.watched)) return undefined;
  const expected = new Map(record.files.map(([path, size, mtimeMs]) => [path, { size, mtimeMs }]));
  let seen = 0;
  const walk = (prefix: string): boolean => {
    let entries;
    try {
      entries = readdirSync(join(outDir, prefix), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
        continue;
      }
      const want = expected.get(path);
      if (!want || !entry.isFile()) return false;
      const { size, mtimeMs } = statSync(join(outDir, path));
      if (size !== want.size || mtimeMs !== want.mtimeMs) return false;
      seen++;
    }
    return true;
  };
  return walk("") && seen === expected.size ? record : undefined;
}

/** Records the folder as just written. Failing to record is harmless: the next run is a full one. */
export function recordOutput(cacheDir: string, outDir: string, inputs: string, summary: CacheRecord["summary"], paths: readonly string[], watched: readonly string[] = []): void {
  try {
    const files = paths.map((path) => {
      const { size, mtimeMs } = statSync(join(outDir, path));
      return [path, size, mtimeMs] as const;
    });
    const record: CacheRecord = { format: CACHE_FORMAT, inputs, watched, summary, files };
    const target = recordPath(cacheDir, outDir);
    mkdirSync(dirname(target), { recursive: true });
    writeFileWhole(target, JSON.stringify(record));
  } catch {
    // A cache folder that cannot be written (a read-only project, node_modules a file): every run is a full run.
  }
}
