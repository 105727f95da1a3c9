// Loads errgen's command line. The generator is TypeScript; it runs from a bundle of itself in
// generator/.bundle/, built by esbuild (a few tens of milliseconds) whenever the sources differ from
// the ones it was built from, so it never runs stale code. The bundle starts in a fraction of the
// time tsx takes to compile and load some hundred modules. Without esbuild, or when the bundle cannot
// be written (a read-only install), or with ERRGEN_BUNDLE=0, errgen runs from its sources via tsx.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const GENERATOR = fileURLToPath(new URL("..", import.meta.url));
/** Two folders below the project root, like the sources that locate errgen's own files from theirs. */
const BUNDLE_DIR = join(GENERATOR, ".bundle");
const SIGNATURE_FILE = "sources.sha256";
/** The bundle's entry points: the command line, and the helper thread (worker/helper.ts). */
const ENTRY_POINTS = { cli: join(GENERATOR, "cli.ts"), "helper-thread": join(GENERATOR, "worker/helper-thread.ts") };

/** The command line's module: `{ runCli }`. */
export async function loadCli(env = process.env) {
  if (env.ERRGEN_BUNDLE !== "0") {
    const signature = sourcesSignature();
    if (readSignature(BUNDLE_DIR) === signature || (await buildBundle(signature))) {
      try {
        const cli = await import(pathToFileURL(join(BUNDLE_DIR, "cli.js")).href);
        process.setSourceMapsEnabled(true); // stack traces (errgen's own bugs) name the TypeScript sources
        return cli;
      } catch (error) {
        // Another run swapped a newer bundle in at this very moment: run from source this once.
        if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
      }
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../cli.ts");
}

/** A hash of every source file of the generator, by path and content. */
function sourcesSignature() {
  const hash = createHash("sha256");
  const files = readdirSync(GENERATOR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(GENERATOR, path).startsWith(".bundle"))
    .sort();
  for (const path of files) hash.update(`${relative(GENERATOR, path)}\0`).update(readFileSync(path)).update("\0");
  return hash.digest("hex");
}

function readSignature(dir) {
  try {
    return readFileSync(join(dir, SIGNATURE_FILE), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Builds the bundle in a folder of its own, then swaps it in, so that runs starting meanwhile see the
 * old bundle or the new one, never half of one. True when a bundle of these sources is in place.
 */
async function buildBundle(signature) {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  const staging = `${BUNDLE_DIR}-${process.pid}`;
  removeAbandoned();
  try {
    rmSync(staging, { recursive: true, force: true }); // a folder of an earlier process with this pid
    mkdirSync(staging, { recursive: true });
    await esbuild.build({
      entryPoints: ENTRY_POINTS,
      outdir: staging,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      logLevel: "silent",
    });
    writeFileSync(join(staging, SIGNATURE_FILE), signature);
    swapIn(staging, signature);
  } catch {
    // A source that does not compile is reported by tsx, with its position; a folder errgen may not write is run from source.
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return readSignature(BUNDLE_DIR) === signature;
}

/** Staging folders of runs that were killed while building (`.bundle-<pid>`, `.bundle-old-<pid>` of a process that is gone). */
function removeAbandoned() {
  for (const name of readdirSync(GENERATOR)) {
    const pid = /^\.bundle-(?:old-)?(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(GENERATOR, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === "EPERM";
  }
}

function swapIn(staging, signature) {
  try {
    renameSync(staging, BUNDLE_DIR);
  } catch {
    if (readSignature(BUNDLE_DIR) === signature) return; // a run started at the same time built the same bundle
    const old = `${BUNDLE_DIR}-old-${process.pid}`;
    renameSync(BUNDLE_DIR, old);
    try {
      renameSync(staging, BUNDLE_DIR);
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}
