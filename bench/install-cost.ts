// What errgen costs a project that installs it: the bytes `npm i -D errgen` adds to node_modules (beside
// openapi-typescript, a generator teams install the same way), and the time of `errgen --version` and of
// a default-spec `generate` from the install, as ratios to a bare `node -e 0` run in the same rounds.
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packErrgen } from "../test/helpers/errgen-package.ts";

const ROUNDS = Number(process.env["BENCH_START_RUNS"] ?? 21);

/** Bytes of every file below `dir` (links not followed), as `du --apparent-size` counts them. */
function bytesBelow(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += lstatSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** An empty project with `spec` installed as a dev dependency (from the npm registry, for its dependencies): node_modules' bytes and packages. */
function install(work: string, name: string, spec: string): { readonly dir: string; readonly bytes: number; readonly packages: number } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", private: true })}\n`);
  execFileSync("npm", ["install", "-D", spec, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
  return { dir, bytes: bytesBelow(join(dir, "node_modules")), packages: Object.keys(lock.packages).filter((path) => path !== "").length };
}

/** Wall time of one process, spawn to exit. */
function wall(command: string, args: readonly string[], cwd: string): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, stdio: "ignore" });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${run.status})`);
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function installCostSection(work: string): void {
  console.log("\n## Cost to users: errgen installed in a project\n");
  let errgen: ReturnType<typeof install>;
  let openapi: ReturnType<typeof install> | undefined;
  try {
    const tarball = packErrgen(join(work, "errgen-copy"), join(work, "pack"));
    errgen = install(work, "with-errgen", tarball);
    try {
      openapi = install(work, "with-openapi-typescript", "openapi-typescript");
    } catch (error) {
      console.log(`(openapi-typescript could not be installed: ${String((error as Error).message).split("\n")[0]})`);
    }
  } catch (error) {
    console.log(`The install could not be measured (the npm registry is needed for errgen's dependencies): ${String((error as Error).message).split("\n")[0]}`);
    return;
  }
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log("| `npm i -D …` in an empty project | node_modules | packages |");
  console.log("| --- | --- | --- |");
  console.log(`| errgen (this checkout, packed) | ${mb(errgen.bytes)} | ${errgen.packages} |`);
  if (openapi) console.log(`| openapi-typescript (npm registry, latest) | ${mb(openapi.bytes)} | ${openapi.packages} |`);

  const bin = join(errgen.dir, "node_modules/errgen/generator/bin/errgen.js");
  execFileSync(process.execPath, [bin, "init"], { cwd: errgen.dir, stdio: "pipe" });
  const output = join(errgen.dir, "generated");
  const cache = join(errgen.dir, "node_modules/.cache/errgen");
  const times: Record<"bare" | "version" | "cached" | "cold", number[]> = { bare: [], version: [], cached: [], cold: [] };
  for (let round = 0; round < ROUNDS; round++) {
    times.bare.push(wall(process.execPath, ["-e", "0"], errgen.dir));
    times.version.push(wall(process.execPath, [bin, "--version"], errgen.dir));
    rmSync(output, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    times.cold.push(wall(process.execPath, [bin, "generate"], errgen.dir));
    times.cached.push(wall(process.execPath, [bin, "generate"], errgen.dir));
  }
  const ratio = (name: keyof typeof times) => median(times[name].map((ms, i) => ms / times.bare[i]!));
  const ms = (name: keyof typeof times) => `${median(times[name]).toFixed(0)} ms`;
  console.log(`\nMedian of ${ROUNDS} interleaved rounds, wall time from spawn to exit, run as \`node node_modules/errgen/generator/bin/errgen.js …\` in the project (the starter spec of \`errgen init\`, 3 codes):\n`);
  console.log("| command | wall | ratio to `node -e 0` (median of per-round ratios) |");
  console.log("| --- | --- | --- |");
  console.log(`| \`node -e 0\` | ${ms("bare")} | 1.00 |`);
  console.log(`| \`errgen --version\` | ${ms("version")} | ${ratio("version").toFixed(2)} (target ≤ 2) |`);
  console.log(`| \`errgen generate\`, unchanged (cached) | ${ms("cached")} | ${ratio("cached").toFixed(2)} (target ≤ 3) |`);
  console.log(`| \`errgen generate\`, cold (no output, no cache) | ${ms("cold")} | ${ratio("cold").toFixed(2)} |`);
}
