// The command line: the only module that prints or exits. The commands, their options and the help
// text are data in cli/command-line.ts; this module runs them.
// Exit codes: 0 success (check: up to date); 1 spec errors (check: drift; init: the file exists);
// 2 usage or internal error. Each command's modules are imported when it runs, so that `--version`,
// `--help` and a usage error start in a fraction of the time the pipeline takes to load.
import { resolve } from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import type { DiffResult } from "./commands/diff.ts";
import type { GenerateOptions } from "./commands/generate.ts";
import type { GenerateResult, PipelineOptions } from "./errgen.ts";
import type { Io, Output } from "./cli/output.ts";
import type { Change } from "./release/diff-catalogues.ts";
import { helpText, parseCommandLine, UsageError, type CommandLine } from "./cli/command-line.ts";
import { formatDiagnostics, formatFailure } from "./cli/format-diagnostics.ts";
import { styleFor } from "./cli/style.ts";
import { ERRGEN_VERSION } from "./errgen-files.ts";
import { displayPath } from "./load/spec-files.ts";
import { isUpToDate } from "./write/compare-package.ts";
import { abortOpenWriters } from "./write/open-writers.ts";

export type { Io, Output } from "./cli/output.ts";
export { ERRGEN_VERSION };

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const env = io.env ?? {};
  const out = styleFor(io.stdoutIsTTY ?? false, env);
  let err = styleFor(io.stderrIsTTY ?? false, env);
  try {
    const line = parseCommandLine(argv);
    const pretty = prettyOption(line, io.stderrIsTTY ?? false);
    // As with tsc, --pretty false means plain text: no colours on stderr either.
    if (line.options.get("pretty") === "false") err = styleFor(false, {});
    return await run(line, { io, out, err, pretty, stacks: wantsStack(argv, env) });
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command === undefined ? "errgen --help" : `errgen ${error.command} --help`;
      io.stderr(`${err.red("errgen:")} ${error.message}\nRun \`${help}\` for usage.\n`);
      return 2;
    }
    io.stderr(formatFailure(error, err, wantsStack(argv, env)));
    return 2;
  }
}

/** Whether an internal error shows its stack trace: with --verbose, or ERRGEN_DEBUG set. */
export function wantsStack(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes("--verbose") || (env.ERRGEN_DEBUG !== undefined && env.ERRGEN_DEBUG !== "" && env.ERRGEN_DEBUG !== "0");
}

function prettyOption(line: CommandLine, isTTY: boolean): boolean {
  const value = line.options.get("pretty");
  if (value === undefined) return isTTY;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new UsageError(`--pretty takes true or false, not "${value}"`, line.command?.name);
}

async function run(line: CommandLine, output: Output): Promise<number> {
  // An interrupted write removes its staging folder and lock before the process goes (watch stops on its own terms).
  const stopCleanup = line.command !== undefined && line.command.name !== "watch" ? output.io.onInterrupt?.(abortOpenWriters) : undefined;
  try {
    return await runCommand(line, output);
  } finally {
    stopCleanup?.();
  }
}

async function runCommand(line: CommandLine, output: Output): Promise<number> {
  const { io } = output;
  const { command, options } = line;
  if (options.has("help")) {
    io.stdout(`${helpText(command, output.out.bold)}\n`);
    return 0;
  }
  if (command === undefined) {
    if (options.has("version")) {
      io.stdout(`${ERRGEN_VERSION}\n`);
      return 0;
    }
    throw new UsageError("missing command", undefined);
  }
  const started = performance.now();
  const onStage = options.has("verbose") ? (stage: string) => io.stderr(`errgen: ${stage} (+${Math.round(performance.now() - started)} ms)\n`) : undefined;
  const runOptions: GenerateOptions = { spec: stringOption(line, "spec"), out: stringOption(line, "out"), templates: stringOption(line, "templates"), cwd: io.cwd, onStage, verify: options.has("verify") };
  switch (command.name) {
    case "generate": {
      const from = stringOption(line, "from");
      if (from !== undefined && !options.has("bump")) throw new UsageError("--from goes with --bump: it names the release to compare with", "generate");
      const { generate } = await import("./commands/generate.ts");
      return reportGenerate(await generate({ ...runOptions, bump: options.has("bump"), from }), output, started);
    }
    case "diff":
      return runDiff(line, output);
    case "check":
      return runCheck(runOptions, output);
    case "watch":
      const { watch } = await import("./cli/watch.ts");
      return await watch(runOptions, output, { debounceMs: debounceOption(line), showStack: wantsStack([], io.env ?? {}), report: (result, since) => reportGenerate(result, output, since) }, io.interrupted?.());
    case "init":
      return (await import("./cli/init.ts")).initSpec(line.arguments[0], output);
    case "import-corpus":
      return await runImport(line, output);
    case "schema":
      return runSchema(line, output);
    default:
      throw new Error(`command ${command.name} has no implementation`);
  }
}

function stringOption(line: CommandLine, name: string): string | undefined {
  const value = line.options.get(name);
  return typeof value === "string" ? value : undefined;
}

function debounceOption(line: CommandLine): number {
  const value = stringOption(line, "debounce");
  if (value === undefined) return 150;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new UsageError(`--debounce takes a whole number of milliseconds, not "${value}"`, "watch");
  return ms;
}

/** The summary of a generate run, or its diagnostics; the exit code. */
export function reportGenerate(result: GenerateResult, output: Output, started: number): number {
  if (!result.ok) return reportDiagnostics(result.diagnostics, result.source, output);
  const { io, out } = output;
  const { written, unchanged, removed } = result.report;
  const { codes, products } = result.summary;
  const productCount = products > 0 ? `, ${plural(products, "product")}` : "";
  const upToDate = result.cached ? " (up to date since the last run)" : "";
  io.stdout(
    `${out.green("errgen:")} ${out.bold(displayPath(result.outDir, io.cwd))} (${plural(codes, "code")}${productCount}): ` +
      `${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed${upToDate}${verified(result.verifiedWith)} in ${seconds(started)} s\n`,
  );
  const release = result.release;
  if (release?.released) {
    const after = release.previousVersion === undefined ? "first release" : `${release.level} release after ${release.previousVersion}: ${plural(release.changes.length, "change")}`;
    io.stdout(`${out.green("errgen:")} released ${out.bold(release.version)} (${after}); CHANGELOG.md has its section${release.version !== release.specVersion ? `, and the spec its version (was ${release.specVersion})` : ""}\n`);
  } else if (release && release.level !== undefined) {
    io.stdout(
      `${out.yellow("errgen:")} ${plural(release.changes.length, "change")} (${release.level}) since the package on disk, still version ${release.version}: ` +
        "`errgen generate --bump` releases changes as they are made; to release what changed since the published version, `errgen generate --bump --from <published package>`\n",
    );
  }
  return 0;
}

async function runDiff(line: CommandLine, output: Output): Promise<number> {
  const { io, out } = output;
  const [old, now] = line.arguments as [string, string];
  const { diff } = await import("./commands/diff.ts");
  const result = diff({ old, new: now, cwd: io.cwd });
  if (!result.ok) return reportDiagnostics(result.diagnostics, result.source, output);
  const { before, after, changes, level, nextVersion } = result;
  if (line.options.has("json")) {
    const describe = (side: DiffResult["before"]) => ({ from: side.from, name: side.catalogue.package.name, version: side.catalogue.package.version, specHash: side.catalogue.specHash });
    io.stdout(`${JSON.stringify({ before: describe(before), after: describe(after), level: level ?? null, nextVersion, changes }, null, 2)}\n`);
    return 0;
  }
  const side = (s: DiffResult["before"]) => `${s.catalogue.package.name} ${s.catalogue.package.version} (${s.from})`;
  const lines = [`${out.bold("errgen:")} ${side(before)} → ${side(after)}`];
  const colour = { major: out.red, minor: out.yellow, patch: out.cyan };
  // Summaries leave spec text out (they go into markdown); here the changed texts are shown too.
  const textKinds: readonly Change["kind"][] = ["description", "description_zh", "deprecated"];
  for (const change of changes) {
    const text = textKinds.includes(change.kind) ? `: ${JSON.stringify(change.before ?? null)} → ${JSON.stringify(change.after ?? null)}` : "";
    lines.push(`  ${colour[change.level](change.level.padEnd(5))}  ${change.summary.replace(/`/g, "")}${text}`);
  }
  lines.push(
    level === undefined
      ? `${out.green("errgen:")} no changes`
      : `${out.green("errgen:")} ${plural(changes.length, "change")}: a ${level} release (${before.catalogue.package.version} → ${nextVersion})`,
  );
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

async function runCheck(options: PipelineOptions, output: Output): Promise<number> {
  const { io, err } = output;
  const { check } = await import("./errgen.ts");
  const result = await check(options);
  if (!result.ok) return reportDiagnostics(result.diagnostics, result.source, output);
  const where = displayPath(result.outDir, io.cwd);
  if (isUpToDate(result.drift)) {
    io.stdout(`${output.out.green("errgen:")} ${where} is up to date${verified(result.verifiedWith)}\n`);
    return 0;
  }
  const { differing, missing, extra } = result.drift;
  const lines = [
    ...differing.map((path) => `${where}/${path}: differs from what the spec generates`),
    ...missing.map((path) => `${where}/${path}: missing`),
    ...extra.map((path) => `${where}/${path}: not generated by the spec (extra)`),
  ];
  io.stderr(`${lines.join("\n")}\n${err.red("errgen:")} ${where} is out of date: run \`errgen generate\` (npm run generate)\n`);
  return 1;
}

async function runImport(line: CommandLine, { io }: Output): Promise<number> {
  const [corpusDir, specDir] = line.arguments as [string, string];
  const products = stringOption(line, "products")
    ?.split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const { importCorpus } = await import("./import/import-corpus.ts");
  const { plan, report, previousUnreadable } = await importCorpus({ corpusDir, specDir, cwd: io.cwd, products });
  const codes = plan.products.reduce((sum, product) => sum + product.codes.length, 0);
  const actions = plan.products.reduce((sum, product) => sum + product.actions.length, 0);
  const pairs = plan.products.reduce((sum, product) => sum + product.actions.reduce((n, action) => n + action.codes.length, 0), 0);
  const skipped = plan.products.flatMap((product) => product.skipped.map((reason) => `  ${product.name}: ${reason}`));
  const out = [
    `errgen: imported ${plan.common.length} common codes and ${plan.products.length} products (${codes} codes, ${actions} actions, ${pairs} action codes) into ${displayPath(resolve(io.cwd, specDir), io.cwd)}`,
    `errgen: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`,
    `errgen: ${plan.overrides.length} name: overrides settle identifier collisions`,
  ];
  if (previousUnreadable) out.push(`errgen: the previous specs could not be read (${previousUnreadable}); identifiers were assigned afresh`);
  if (skipped.length > 0) out.push(`errgen: not imported (${skipped.length}):`, ...skipped);
  io.stdout(`${out.join("\n")}\n`);
  return 0;
}

async function runSchema(line: CommandLine, { io, out }: Output): Promise<number> {
  const dir = stringOption(line, "out");
  if (dir === undefined) throw new UsageError("schema needs --out DIR", "schema");
  const { writeJsonSchemas } = await import("./write/write-json-schemas.ts");
  const written = writeJsonSchemas(resolve(io.cwd, dir));
  io.stdout(`${out.green("errgen:")} ${written.map((path) => displayPath(path, io.cwd)).join(", ")}\n`);
  return 0;
}

/** What the summary says of a --verify run. */
function verified(typescriptVersion: string | undefined): string {
  return typescriptVersion === undefined ? "" : `, type-checked with TypeScript ${typescriptVersion}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(2);
}

export function reportDiagnostics(diagnostics: readonly Diagnostic[], source: ((file: string) => string | undefined) | undefined, output: Output): number {
  const count = diagnostics.length;
  const text = formatDiagnostics(diagnostics, { pretty: output.pretty, style: output.err, source: source ?? (() => undefined), stacks: output.stacks === true });
  output.io.stderr(`${text}${output.err.red("errgen:")} ${count} error${count === 1 ? "" : "s"}; nothing was written\n`);
  return 1;
}
