// One benchmark scenario, run in its own process so that its wall time and peak memory are its own.
// Prints one JSON line: { ms, maxRssKb, ...details }.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../generator/commands/generate.ts";
import { importCorpus } from "../generator/import/import-corpus.ts";
import { concatBaseline } from "./baseline-concat.ts";
import { parseSpec } from "./stack-floor.ts";
import { tree } from "./tree.ts";

const [scenario, ...args] = process.argv.slice(2);
const started = performance.now();
let details: Record<string, unknown> = {};

switch (scenario) {
  case "import": {
    const [corpus, specDir] = args as [string, string];
    const { plan } = await importCorpus({ corpusDir: corpus, specDir, cwd: process.cwd() });
    details = { products: plan.products.length };
    break;
  }
  case "generate": {
    const [spec, out] = args as [string, string];
    const result = await generate({ spec, out, cwd: process.cwd(), useCache: false });
    if (!result.ok) throw new Error(`the imported spec has errors: ${result.diagnostics[0]?.message}`);
    details = { written: result.report.written.length, unchanged: result.report.unchanged.length, cached: result.cached, ...tree(out) };
    break;
  }
  case "concat": {
    const [corpus, out] = args as [string, string];
    concatBaseline(corpus, out, false);
    details = tree(out);
    break;
  }
  case "concat-tsc": {
    // The .ts compiled twice by the native TypeScript 7 compiler, for an ESM and a CommonJS build with
    // declarations, as a team would script a dual package by hand. tsc's own peak memory is read by /usr/bin/time.
    const [corpus, out, tsc] = args as [string, string, string];
    concatBaseline(corpus, out, true);
    const sources = readdirSync(join(out, "src")).map((name) => join(out, "src", name));
    let tscRssKb = 0;
    for (const [module, folder] of [["esnext", "esm"], ["commonjs", "cjs"]] as const) {
      const flags = ["--ignoreConfig", "--declaration", "--target", "es2022", "--module", module, "--skipLibCheck", "--types", "", "--rootDir", join(out, "src"), "--outDir", join(out, folder)];
      const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, tsc, ...flags, ...sources], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`tsc failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
      tscRssKb = Math.max(tscRssKb, Number.parseInt(run.stderr.trim().split("\n").pop() ?? "0", 10));
    }
    details = { ...tree(out), tscRssKb };
    break;
  }
  case "parse-spec":
    details = parseSpec(args[0]!);
    break;
  default:
    throw new Error(`unknown scenario ${scenario}`);
}

const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, ...details }));
