// `npm run bench`: errgen against two baselines on the real Tencent Cloud catalogue, each scenario in
// its own process (wall time from spawn to exit, peak RSS from the process itself), all in this one
// script so that the ratios compare runs on the same machine at the same moment. Then the run-time
// speed of the generated code, type-checking cost per entry point, and hostile-input refusal times.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { loadYaml } from "../generator/load/load-yaml.ts";
import { bundleSize, CONSUMERS } from "./bundle-size.ts";
import { installCostSection } from "./install-cost.ts";
import { runtimeBench } from "./runtime.ts";
import { tree as treeOf } from "./tree.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "../shared/corpus");
const TSC7 = join(ROOT, "node_modules/typescript-7/bin/tsc");
const TSC5 = join(ROOT, "node_modules/typescript/bin/tsc");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

interface Measure {
  /** From spawn to exit, as a user waits for it. */
  readonly wallMs: number;
  /** The work alone, measured inside the process. */
  readonly ms: number;
  readonly maxRssKb: number;
  readonly files?: number;
  readonly bytes?: number;
  readonly tscRssKb?: number;
  readonly cached?: boolean;
}

/**
 * bench/scenario.ts bundled to plain JavaScript, so that every
 * scenario starts alike: no tsx, whose start-up would add a quarter of a second to each.
 */
const SCENARIO = join(ROOT, "bench/.bundle/scenario.js");

function bundleScenario(): void {
  rmSync(dirname(SCENARIO), { recursive: true, force: true });
  buildSync({
    entryPoints: { scenario: join(ROOT, "bench/scenario.ts") },
    outdir: dirname(SCENARIO),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
}

function scenario(args: readonly string[]): Measure {
  const started = performance.now();
  const output = execFileSync(process.execPath, [SCENARIO, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  const wallMs = performance.now() - started;
  return { wallMs, ...JSON.parse(output.trim().split("\n").pop()!) };
}

/** errgen's own command line, as a build script runs it: wall time, the time it reports, and peak memory (from /usr/bin/time). */
function cli(args: readonly string[], out: string): Measure {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, join(ROOT, "generator/bin/errgen.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`errgen ${args.join(" ")} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  const summary = / removed(?: \(.*?\))? in ([\d.]+) s/.exec(run.stdout + run.stderr);
  const cached = (run.stdout + run.stderr).includes("(up to date since the last run)");
  const maxRssKb = Number.parseInt(run.stderr.trim().split("\n").pop() ?? "0", 10);
  return { wallMs, ms: summary ? Number(summary[1]) * 1000 : wallMs, maxRssKb, cached, ...treeOf(out) };
}

/**
 * Runs the scenarios in rounds, one of each per round, so that the machine's mood (it is shared and
 * noisy) weighs on all of them alike. Returns each scenario's median run, and per-round ratios.
 */
function rounds(scenarios: Record<string, { prepare?: () => void; run: () => Measure }>): Record<string, Measure[]> {
  const results: Record<string, Measure[]> = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const [name, { prepare, run }] of Object.entries(scenarios)) {
      prepare?.();
      results[name]!.push(run());
    }
  }
  return results;
}

function median<T>(values: readonly T[], by: (value: T) => number): T {
  return [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number | undefined) => (kb === undefined ? "n/a" : `${Math.round(kb / 1024)} MB`);
const size = (bytes: number | undefined) => (bytes === undefined ? "" : `${(bytes / 1e6).toFixed(1)} MB`);

function row(name: string, m: Measure, note = ""): string {
  const peak = m.tscRssKb !== undefined ? `${mb(m.maxRssKb)} (tsc ${mb(m.tscRssKb)})` : mb(m.maxRssKb);
  return `| ${name} | ${s(m.wallMs)} | ${s(m.ms)} | ${peak} | ${m.files ?? ""} | ${size(m.bytes)} | ${note} |`;
}

/** `memory`: a folder on tmpfs for the in-memory rows, when the machine has one. */
function catalogueBench(work: string, memory: string | undefined): void {
  const spec = join(work, "spec");
  const out = join(work, "out");
  console.log("\n## The full catalogue (../shared/corpus)\n");
  bundleScenario();
  const imported = scenario(["import", CORPUS, spec]);
  // Moved aside, not deleted: deleting 68 MB of small files right before a run makes this disk
  // (ext4 with discard, in a VM) take up to a second longer to create the next run's files.
  let moved = 0;
  const clear = (dir: string) => () => {
    if (!existsSync(dir)) return;
    const bin = join(dirname(dir), "trash"); // beside the folder: a rename never crosses file systems
    mkdirSync(bin, { recursive: true });
    renameSync(dir, join(bin, String(moved++)));
  };
  const concatOut = join(work, "concat");
  const tscOut = join(work, "concat-tsc");
  const runs = rounds({
    generate: { prepare: clear(out), run: () => cli(["generate", "--spec", join(spec, "tencentcloud.yaml"), "--out", out], out) },
    regenerate: { run: () => cli(["generate", "--spec", join(spec, "tencentcloud.yaml"), "--out", out], out) },
    recompare: { run: () => scenario(["generate", join(spec, "tencentcloud.yaml"), out]) },
    concat: { prepare: clear(concatOut), run: () => scenario(["concat", CORPUS, concatOut]) },
    concatTsc: { prepare: clear(tscOut), run: () => scenario(["concat-tsc", CORPUS, tscOut, TSC7]) },
    // The same two writers into memory (tmpfs), where the disk's state cannot weigh on them.
    ...(memory === undefined
      ? {}
      : {
          generateInMemory: { prepare: clear(join(memory, "out")), run: () => cli(["generate", "--spec", join(spec, "tencentcloud.yaml"), "--out", join(memory, "out")], join(memory, "out")) },
          concatInMemory: { prepare: clear(join(memory, "concat")), run: () => scenario(["concat", CORPUS, join(memory, "concat")]) },
        }),
    // The fixed stack on its own (bench/stack-floor.ts).
    parseSpec: { run: () => scenario(["parse-spec", spec]) },
  });
  const pick = (name: string) => median(runs[name]!, (m) => m.wallMs);
  const ratio = (a: string, b: string) => median(runs[a]!.map((m, i) => m.wallMs / runs[b]![i]!.wallMs), (r) => r);
  const [generate, regenerate, recompare, concat, concatTsc] = ["generate", "regenerate", "recompare", "concat", "concatTsc"].map(pick) as [Measure, Measure, Measure, Measure, Measure];

  console.log(`Median of ${RUNS} interleaved rounds. Wall: spawn to exit, start-up included (errgen: its command line, \`node generator/bin/errgen.js generate\`; the rest: bench/scenario.ts bundled to plain JavaScript). Work: measured inside the process.\n`);
  console.log("| scenario | wall | work | peak memory | files | bytes | |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  console.log(row("errgen import-corpus", imported, "corpus JSON → 273 spec files"));
  console.log(row("errgen generate, cold", generate, ".ts, ESM+CJS .js, .d.ts, README"));
  console.log(row("errgen generate, unchanged (cached)", regenerate, regenerate.cached ? "output recorded as current: nothing compiled" : "cache not used!"));
  console.log(row("errgen generate, unchanged (no cache)", recompare, "full run, compares, writes nothing"));
  console.log(row("baseline (a): string concatenation", concat, ".ts, ESM+CJS .js and .d.ts from template strings"));
  console.log(row("baseline (b): concatenated .ts + tsc 7", concatTsc, "native tsc, twice: ESM and CJS with .d.ts"));
  if (runs["generateInMemory"] !== undefined) {
    console.log(row("errgen generate, cold, into tmpfs", pick("generateInMemory"), "the same, written to memory"));
    console.log(row("baseline (a), into tmpfs", pick("concatInMemory"), "the same, written to memory"));
  }
  console.log("");
  console.log(`- errgen cold / baseline (b): ${ratio("generate", "concatTsc").toFixed(2)}× wall, median of per-round ratios (target < 1)`);
  console.log(`- errgen cold / baseline (a): ${ratio("generate", "concat").toFixed(2)}× wall (target ≤ 3)`);
  console.log(`- errgen cold: ${s(generate.wallMs)} wall (target < 2 s), peak ${mb(generate.maxRssKb)} (target < 600 MB)`);
  console.log(`- regenerate unchanged: ${s(regenerate.wallMs)} wall (target < 0.5 s)`);
  if (runs["generateInMemory"] !== undefined) {
    const inMemory = pick("generateInMemory");
    console.log(`- in memory (tmpfs): errgen cold ${s(inMemory.wallMs)} wall, ${ratio("generateInMemory", "concatInMemory").toFixed(2)}× baseline (a) at ${s(pick("concatInMemory").wallMs)}`);
  }
  const parse = pick("parseSpec");
  // Against (a) in memory where there is one: the disk's moods would blur the comparison.
  const [floor, where] = runs["concatInMemory"] !== undefined ? [pick("concatInMemory"), "into tmpfs"] : [concat, "on disk"];
  console.log(`- the fixed stack alone, cold (work time): js-yaml parsing the spec takes ${s(parse.ms)} = ${(parse.ms / floor.wallMs).toFixed(2)}× baseline (a)'s whole wall time ${where} (${s(floor.wallMs)})`);
  typeCheckBench(work, out);
}

/** tsc 5.9 --extendedDiagnostics on a consumer of the root entry, and on one of a large product. */
function typeCheckBench(work: string, packageDir: string): void {
  const project = join(work, "consumer");
  mkdirSync(join(project, "node_modules"), { recursive: true });
  symlinkSync(packageDir, join(project, "node_modules/tencentcloud-api-errors"), "dir");
  const cases: [string, string][] = [
    ["root entry only", 'import { toApiError, AuthFailureError } from "tencentcloud-api-errors";\nexport const e: AuthFailureError | undefined = toApiError({ code: "AuthFailure" }) as AuthFailureError;\n'],
    ["root + cvm (422 codes)", 'import { toApiError } from "tencentcloud-api-errors";\nimport { toCvmError, type CvmActionErrorCode } from "tencentcloud-api-errors/cvm";\nexport const e = [toApiError({ code: "X" }), toCvmError({ code: "X" })];\nexport const c: CvmActionErrorCode<"RunInstances"> = "MissingParameter";\n'],
    ["root + lke (3 codes)", 'import { toApiError } from "tencentcloud-api-errors";\nimport { toLkeError } from "tencentcloud-api-errors/lke";\nexport const e = [toApiError({ code: "X" }), toLkeError({ code: "X" })];\n'],
  ];
  console.log("\n## Type-checking a consumer (tsc 5.9 --extendedDiagnostics, strict, nodenext)\n");
  console.log("| consumer imports | files | lines of declarations | check time | total time | memory | total time with skipLibCheck |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const tsconfig = { compilerOptions: { noEmit: true, strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] }, files: ["index.ts"] };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
  for (const [name, source] of cases) {
    writeFileSync(join(project, "index.ts"), source);
    // Without and with skipLibCheck (tsc --init's default): the latter checks only what the consumer uses.
    const [full, skipping] = [[], ["--skipLibCheck"]].map((flags) => {
      const result = spawnSync(process.execPath, [TSC5, "-p", project, "--extendedDiagnostics", ...flags], { encoding: "utf8" });
      if (result.status !== 0) console.log(`(tsc failed for "${name}": ${result.stdout.split("\n")[0]})`);
      return (label: string) => new RegExp(`^${label}:\\s+(.+)$`, "m").exec(result.stdout)?.[1]?.trim() ?? "?";
    }) as [(label: string) => string, (label: string) => string];
    console.log(`| ${name} | ${full("Files")} | ${full("Lines of Definitions")} | ${full("Check time")} | ${full("Total time")} | ${full("Memory used")} | ${skipping("Total time")} |`);
  }
}

/**
 * What plugins cost a user's run: spec/examples/plugins with its two plugins against the same spec
 * without them (both fresh, interleaved), and a cached rerun with them, which loads no compiler.
 */
function pluginSection(): void {
  const work = mkdtempSync(join(tmpdir(), "errgen-bench-plugins-"));
  try {
    const withPlugins = join(ROOT, "spec/examples/plugins/spec.yaml");
    const withoutPlugins = join(work, "spec.yaml");
    cpSync(dirname(withPlugins), work, { recursive: true });
    writeFileSync(withoutPlugins, readFileSync(withPlugins, "utf8").replace(/^plugins:\n(?: {2}- .*\n)+/m, ""));
    const [outWith, outWithout] = [join(work, "out-with"), join(work, "out-without")];
    const runs = rounds({
      with: { prepare: () => rmSync(outWith, { recursive: true, force: true }), run: () => cli(["generate", "--spec", withPlugins, "--out", outWith], outWith) },
      without: { prepare: () => rmSync(outWithout, { recursive: true, force: true }), run: () => cli(["generate", "--spec", withoutPlugins, "--out", outWithout], outWithout) },
      cached: { prepare: () => cli(["generate", "--spec", withPlugins, "--out", outWith], outWith), run: () => cli(["generate", "--spec", withPlugins, "--out", outWith], outWith) },
    });
    const pick = (name: string) => median(runs[name]!, (m) => m.wallMs);
    const ratio = median(runs["with"]!.map((m, i) => m.wallMs / runs["without"]![i]!.wallMs), (r) => r);
    console.log("\n## Plugins (spec/examples/plugins: 11 codes, 2 products, 2 plugins adding 3 modules)\n");
    console.log("| scenario | wall | work | peak memory | files | bytes | |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    console.log(row("generate with its plugins, fresh", pick("with"), "ts-morph loaded, modules type-checked and built"));
    console.log(row("the same spec without plugins, fresh", pick("without"), "ts-morph not loaded"));
    console.log(row("generate with its plugins, cached", pick("cached"), pick("cached").cached ? "no compiler loaded" : "cache not used!"));
    console.log(`\n- with plugins / without: ${ratio.toFixed(1)}× wall, median of ${RUNS} per-round ratios: the price of loading the compiler, paid only by specs with plugins`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runtimeSection(): Promise<void> {
  console.log("\n## Run-time speed of the generated code (default package, same process)\n");
  console.log("| operation | errgen ops/s | hand-written ops/s | ratio (target ≥ 0.8) |");
  console.log("| --- | --- | --- | --- |");
  for (const result of await runtimeBench()) {
    console.log(`| ${result.name} | ${Math.round(result.errgenOps).toLocaleString("en-US")} | ${Math.round(result.baselineOps).toLocaleString("en-US")} | ${result.ratio.toFixed(2)} |`);
  }
}

async function treeShakingSection(): Promise<void> {
  console.log("\n## Tree-shaking: esbuild bundles of consumers of the default package (minified)\n");
  console.log("| consumer | bytes |");
  console.log("| --- | --- |");
  const names: Record<keyof typeof CONSUMERS, string> = {
    guard: "`isErrorEnvelope` only",
    converter: "`isErrorEnvelope` and `toApiError` (target < 4 KB)",
    oneClass: "one class (`AuthFailureSignatureFailureError`)",
    wrapper: "`withTypedErrors` only (a client's rejections as typed errors)",
    root: "the whole root entry",
    product: "the whole `lkeap` entry",
  };
  for (const [key, source] of Object.entries(CONSUMERS) as [keyof typeof CONSUMERS, string][]) {
    console.log(`| ${names[key]} | ${(await bundleSize(source)).bytes.toLocaleString("en-US")} |`);
  }
}

function hostileInputSection(): void {
  console.log("\n## Hostile YAML is refused quickly\n");
  let bomb = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (const [i, name] of [..."bcdefghi"].entries()) bomb += `${name}: &${name} [${Array(9).fill(`*${i === 0 ? "a" : "bcdefghi"[i - 1]}`).join(", ")}]\n`;
  const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
  for (const [name, text] of [["alias bomb (9^9 nodes)", bomb], ["10,000-deep nesting", deep]] as const) {
    const started = performance.now();
    const { diagnostics } = loadYaml(text, "hostile.yaml");
    console.log(`- ${name}: refused in ${(performance.now() - started).toFixed(1)} ms (${diagnostics[0]?.message ?? "not refused!"})`);
  }
}

console.log("# errgen benchmark\n");
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
if (existsSync(join(CORPUS, "tencentcloud-error-codes.json"))) {
  const work = mkdtempSync(join(tmpdir(), "errgen-bench-"));
  const memory = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/errgen-bench-") : undefined;
  try {
    catalogueBench(work, memory);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (memory !== undefined) rmSync(memory, { recursive: true, force: true });
  }
} else {
  console.log("\n../shared/corpus is absent: the catalogue benchmark is skipped.");
}
const installWork = mkdtempSync(join(tmpdir(), "errgen-bench-install-"));
try {
  installCostSection(installWork);
} finally {
  rmSync(installWork, { recursive: true, force: true });
}
pluginSection();
await runtimeSection();
await treeShakingSection();
hostileInputSection();
