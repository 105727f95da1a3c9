// The orchestrator: load → validate → model → emit → write. Returns results; never prints or exits.
import { resolve } from "node:path";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { emitEachFile, emitPackage } from "./emit/emit-package.ts";
import type { EmittedFile } from "./emit/emitted-file.ts";
import { loadSpec, readSpecSources } from "./load/load-spec.ts";
import { diskSpecFiles, type SpecFiles } from "./load/spec-files.ts";
import { buildModel } from "./model/build-model.ts";
import type { Model } from "./model/model.ts";
import { validateSpec } from "./validate/validate-spec.ts";
import { comparePackage, type PackageDrift } from "./write/compare-package.ts";
import { cachedOutput, inputsHash, recordOutput } from "./write/output-cache.ts";
import { openPackageWriter, type WriteReport } from "./write/write-package.ts";

export const DEFAULT_SPEC = "spec/tencentcloud.yaml";

export type Stage = "load" | "validate" | "model" | "emit" | "write" | "compare";

export interface RunOptions {
  /** The spec file, relative to `cwd`. Default: spec/tencentcloud.yaml. */
  readonly spec?: string | undefined;
  /** The package folder, relative to `cwd`. Default: generated/<package name> in the spec's project. */
  readonly out?: string | undefined;
  readonly cwd: string;
  /** Told as each stage starts, for progress output. */
  readonly onStage?: ((stage: Stage) => void) | undefined;
  /** `false` runs every stage even when the last run's record says the output is current. Default: true. */
  readonly useCache?: boolean | undefined;
}

type Failed = { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
export type Analyzed = Failed | { readonly ok: true; readonly model: Model };
export type CompiledText = Failed | { readonly ok: true; readonly model: Model; readonly files: readonly EmittedFile[] };
export type Compiled = Failed | (Extract<CompiledText, { ok: true }> & { readonly outDir: string });
export interface GenerateSummary {
  readonly codes: number;
  readonly products: number;
}

export type GenerateResult =
  | Failed
  | {
      readonly ok: true;
      readonly outDir: string;
      readonly report: WriteReport;
      readonly summary: GenerateSummary;
      /** The output was already what the specs generate, as recorded by the last run: nothing was compiled. */
      readonly cached: boolean;
    };
export type CheckResult = Failed | (Extract<Compiled, { ok: true }> & { readonly drift: PackageDrift });

export async function generate(options: RunOptions): Promise<GenerateResult> {
  const files = diskSpecFiles(options.spec ?? DEFAULT_SPEC, options.cwd);
  const sources = readSpecSources(files);
  const inputs = inputsHash(sources.texts);
  const expectedOut = outDirOf(options, files, sources.packageName);
  const cached = expectedOut === undefined || options.useCache === false ? undefined : cachedOutput(expectedOut, inputs);
  if (expectedOut !== undefined && cached) {
    const report = { written: [], unchanged: cached.files.map(([path]) => path), removed: [] };
    return { ok: true, outDir: expectedOut, report, summary: cached.summary, cached: true };
  }
  const analyzed = analyzeFiles(files, options.onStage);
  if (!analyzed.ok) return analyzed;
  const { model } = analyzed;
  const outDir = outDirOf(options, files, model.package.name)!;
  // Emit and write together: each file goes to the writer as soon as it is printed.
  options.onStage?.("emit");
  const writer = openPackageWriter(outDir);
  const paths: string[] = [];
  let report: WriteReport;
  try {
    emitEachFile(model, (file) => {
      paths.push(file.path);
      writer.add(file);
    });
    options.onStage?.("write");
    report = await writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  const summary = { codes: model.codes.length + model.products.reduce((sum, product) => sum + product.codes.length, 0), products: model.products.length };
  recordOutput(outDir, inputs, summary, paths);
  return { ok: true, outDir, report, summary, cached: false };
}

/** `--out`, else generated/<package name> in the spec's project. */
function outDirOf(options: RunOptions, files: SpecFiles, packageName: string | undefined): string | undefined {
  if (options.out !== undefined) return resolve(options.cwd, options.out);
  return packageName === undefined ? undefined : resolve(files.projectRoot, "generated", packageName);
}

export function check(options: RunOptions): CheckResult {
  const compiled = compile(options);
  if (!compiled.ok) return compiled;
  options.onStage?.("compare");
  return { ...compiled, drift: comparePackage(compiled.outDir, compiled.files) };
}

/** Everything but the write: the spec's diagnostics, or the model, the package's files and where they go. */
export function compile(options: RunOptions): Compiled {
  const files = diskSpecFiles(options.spec ?? DEFAULT_SPEC, options.cwd);
  const compiled = compileFiles(files, options.onStage);
  if (!compiled.ok) return compiled;
  return { ...compiled, outDir: outDirOf(options, files, compiled.model.package.name)! };
}

/** load → validate → model → emit. */
export function compileFiles(files: SpecFiles, onStage?: RunOptions["onStage"]): CompiledText {
  const analyzed = analyzeFiles(files, onStage);
  if (!analyzed.ok) return analyzed;
  onStage?.("emit");
  return { ...analyzed, files: emitPackage(analyzed.model) };
}

/** load → validate → model: the specs' diagnostics, or the model. */
export function analyzeFiles(files: SpecFiles, onStage?: RunOptions["onStage"]): Analyzed {
  onStage?.("load");
  const loaded = loadSpec(files);
  onStage?.("validate");
  const validated = validateSpec(loaded);
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  if (diagnostics.length > 0 || validated.input === undefined) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  onStage?.("model");
  return { ok: true, model: buildModel(validated.input) };
}
