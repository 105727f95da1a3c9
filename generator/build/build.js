// Builds errgen into generator/dist/: the command line, the programmatic API and the helper thread,
// bundled by esbuild (its dependencies stay imports), with the API's declarations in one file. Used by
// `npm pack` (prepack, with declarations) and by the executable in this repository, which rebuilds
// whenever the sources differ from the ones the build came from (their hash is in the build). Not part
// of the published package: an installed errgen never builds or writes anything in its own folder.
//
//   node generator/build/build.js [--declarations]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const GENERATOR = fileURLToPath(new URL("..", import.meta.url));
const ROOT = join(GENERATOR, "..");
export const DIST = join(GENERATOR, "dist");
const SIGNATURE_FILE = "sources.sha256";
const DECLARATIONS = "index.d.ts";
/** The build's entry points: the command line and the API. */
const ENTRY_POINTS = { cli: "cli.ts", index: "index.ts" };
/** Sources: every TypeScript and JavaScript file of the generator but the build and this folder. */
const NOT_SOURCES = ["dist", "build", "bin"];

/** A hash of every source file of the generator, by path and content. */
export function sourcesSignature() {
  const hash = createHash("sha256");
  const files = readdirSync(GENERATOR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !NOT_SOURCES.includes(relative(GENERATOR, path).split(/[\\/]/)[0]) && !relative(GENERATOR, path).startsWith("."))
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

/** Whether generator/dist/ is a build of the current sources (with declarations, when asked). */
export function isBuildCurrent(signature = sourcesSignature(), { declarations = false } = {}) {
  return readSignature(DIST) === signature && (!declarations || existsSync(join(DIST, DECLARATIONS)));
}

/**
 * Builds in a folder of its own, then swaps it in, so that runs starting meanwhile see the old build
 * or the new one, never half of one. Throws what esbuild or the declaration bundler reports.
 */
export async function build({ declarations = false, signature = sourcesSignature() } = {}) {
  const esbuild = await import("esbuild");
  const staging = join(GENERATOR, `.dist-${process.pid}`);
  removeAbandoned();
  try {
    rmSync(staging, { recursive: true, force: true }); // a folder of an earlier process with this pid
    mkdirSync(staging, { recursive: true });
    await esbuild.build({
      entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, path]) => [name, join(GENERATOR, path)])),
      outdir: staging,
      bundle: true,
      splitting: true,
      chunkNames: "chunk-[hash]",
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      logLevel: "silent",
    });
    if (declarations) writeFileSync(join(staging, DECLARATIONS), await bundleDeclarations());
    writeFileSync(join(staging, SIGNATURE_FILE), signature);
    swapIn(staging, () => isBuildCurrent(signature, { declarations }));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The API's declarations as one self-contained file: what `import … from "errgen"` type-checks against. */
async function bundleDeclarations() {
  const { generateDtsBundle } = await import("dts-bundle-generator");
  const [text] = generateDtsBundle([{ filePath: join(GENERATOR, "index.ts"), output: { noBanner: true } }], { preferredConfigPath: join(ROOT, "tsconfig.json") });
  return text;
}

/** Staging folders of builds that were killed (`.dist-<pid>`, `.dist-old-<pid>` of a process that is gone). */
function removeAbandoned() {
  for (const name of readdirSync(GENERATOR)) {
    const pid = /^\.dist-(?:old-)?(\d+)$/.exec(name)?.[1];
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

/** Puts the staged build in place, unless a build that started at the same time put one that serves as well. */
function swapIn(staging, servesAsWell) {
  try {
    renameSync(staging, DIST);
  } catch {
    if (servesAsWell()) return;
    const old = join(GENERATOR, `.dist-old-${process.pid}`);
    renameSync(DIST, old);
    try {
      renameSync(staging, DIST);
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const declarations = process.argv.includes("--declarations");
  const signature = sourcesSignature();
  if (isBuildCurrent(signature, { declarations })) {
    console.log("errgen: generator/dist is current");
  } else {
    await build({ declarations, signature });
    console.log(`errgen: built generator/dist${declarations ? " with declarations" : ""}`);
  }
}
