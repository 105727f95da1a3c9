// The orchestrator: load → validate → model → emit → write. Returns results; never prints or exits.
import { dirname, resolve } from "node:path";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { emitEachFile, emitPackage } from "./emit/emit-package.ts";
import { TemplateError } from "./emit/emit-readme.ts";
import type { EmittedFile } from "./emit/emitted-file.ts";
import { loadSpec, readSpecSources, type SpecSources } from "./load/load-spec.ts";
import { loadTemplates, NO_TEMPLATES, type Templates } from "./load/load-templates.ts";
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
  /** The package folder, relative to `cwd`. Default: the spec's `output`, else generated/<package name> in the spec's project. */
  readonly out?: string | undefined;
  /** A folder of templates replacing the built-in ones, relative to `cwd`. Default: the spec's `templates`. */
  readonly templates?: string | undefined;
  readonly cwd: string;
  /** Told as each stage starts, for progress output. */
  readonly onStage?: ((stage: Stage) => void) | undefined;
  /** `false` runs every stage even when the last run's record says the output is current. Default: true. */
  readonly useCache?: boolean | undefined;
}

export interface Failed {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
  /** The text of a spec file or template by the path the diagnostics show, for printing the offending lines. */
  readonly source?: ((file: string) => string | undefined) | undefined;
}
export type Analyzed = Failed | { readonly ok: true; readonly model: Model };
export type CompiledText = Failed | { readonly ok: true; readonly model: Model; readonly files: readonly EmittedFile[] };
export type Compiled = Failed | (Extract<CompiledText, { ok: true }> & { readonly outDir: string });
export type CheckResult = Failed | (Extract<Compiled, { ok: true }> & { readonly drift: PackageDrift });

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

/** Everything a run reads, and where it writes: settled from the flags first, then the spec's own keys. */
interface Run {
  readonly files: SpecFiles;
  readonly sources: SpecSources;
  readonly templates: Templates;
  readonly templatesDir: string | undefined;
  /** Undefined when the spec names no package (it will fail validation). */
  readonly outDir: (packageName: string | undefined) => string | undefined;
}

function prepare(options: RunOptions): Run {
  const files = diskSpecFiles(options.spec ?? DEFAULT_SPEC, options.cwd);
  const sources = readSpecSources(files);
  const specDir = dirname(files.root.path);
  const templatesDir = options.templates !== undefined ? resolve(options.cwd, options.templates) : sources.templates !== undefined ? resolve(specDir, sources.templates) : undefined;
  const outDir = (packageName: string | undefined) => {
    if (options.out !== undefined) return resolve(options.cwd, options.out);
    if (sources.output !== undefined) return resolve(specDir, sources.output);
    return packageName === undefined ? undefined : resolve(files.projectRoot, "generated", packageName);
  };
  return { files, sources, templates: loadTemplates(templatesDir, options.cwd), templatesDir, outDir };
}

/** What a run reads: the spec files (root and listed products, readable or not) and the templates folder. */
export function inputsOf(options: RunOptions): { readonly specFiles: readonly string[]; readonly templatesDir: string | undefined } {
  const run = prepare(options);
  return { specFiles: run.sources.paths, templatesDir: run.templatesDir };
}

export async function generate(options: RunOptions): Promise<GenerateResult> {
  const run = prepare(options);
  const inputs = inputsHash([...run.sources.texts, ...[...run.templates.overrides].map(([name, template]) => [name, template.text] as const)]);
  const expectedOut = run.outDir(run.sources.packageName);
  const cached = expectedOut === undefined || options.useCache === false ? undefined : cachedOutput(expectedOut, inputs);
  if (expectedOut !== undefined && cached) {
    const report = { written: [], unchanged: cached.files.map(([path]) => path), removed: [] };
    return { ok: true, outDir: expectedOut, report, summary: cached.summary, cached: true };
  }
  const analyzed = analyzeFiles(run.files, options.onStage, run.templates);
  if (!analyzed.ok) return analyzed;
  const { model } = analyzed;
  const outDir = run.outDir(model.package.name)!;
  // Emit and write together: each file goes to the writer as soon as it is printed.
  options.onStage?.("emit");
  const writer = openPackageWriter(outDir);
  const paths: string[] = [];
  let report: WriteReport;
  try {
    emitEachFile(
      model,
      (file) => {
        paths.push(file.path);
        writer.add(file);
      },
      run.templates,
    );
    options.onStage?.("write");
    report = await writer.commit();
  } catch (error) {
    writer.abort();
    if (error instanceof TemplateError) return { ok: false, diagnostics: [error.diagnostic], source: templateSource(run.templates) };
    throw error;
  }
  const summary = { codes: model.codes.length + model.products.reduce((sum, product) => sum + product.codes.length, 0), products: model.products.length };
  recordOutput(outDir, inputs, summary, paths);
  return { ok: true, outDir, report, summary, cached: false };
}

export function check(options: RunOptions): CheckResult {
  const run = prepare(options);
  const compiled = compileFiles(run.files, options.onStage, run.templates);
  if (!compiled.ok) return compiled;
  options.onStage?.("compare");
  const outDir = run.outDir(compiled.model.package.name)!;
  return { ...compiled, outDir, drift: comparePackage(outDir, compiled.files) };
}

/** Everything but the write: the spec's diagnostics, or the model, the package's files and where they go. */
export function compile(options: RunOptions): Compiled {
  const run = prepare(options);
  const compiled = compileFiles(run.files, options.onStage, run.templates);
  return compiled.ok ? { ...compiled, outDir: run.outDir(compiled.model.package.name)! } : compiled;
}

/** load → validate → model → emit. */
export function compileFiles(files: SpecFiles, onStage?: RunOptions["onStage"], templates: Templates = NO_TEMPLATES): CompiledText {
  const analyzed = analyzeFiles(files, onStage, templates);
  if (!analyzed.ok) return analyzed;
  onStage?.("emit");
  try {
    return { ...analyzed, files: emitPackage(analyzed.model, templates) };
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, diagnostics: [error.diagnostic], source: templateSource(templates) };
    throw error;
  }
}

/** load → validate → model: the specs' diagnostics (and the templates'), or the model. */
export function analyzeFiles(files: SpecFiles, onStage?: RunOptions["onStage"], templates: Templates = NO_TEMPLATES): Analyzed {
  onStage?.("load");
  const loaded = loadSpec(files);
  onStage?.("validate");
  const validated = validateSpec(loaded);
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics, ...templates.diagnostics];
  if (diagnostics.length > 0 || validated.input === undefined) return { ok: false, diagnostics: sortDiagnostics(diagnostics), source: files.sourceText };
  onStage?.("model");
  return { ok: true, model: buildModel(validated.input) };
}

function templateSource(templates: Templates): (file: string) => string | undefined {
  return (file) => [...templates.overrides.values()].find((template) => template.file === file)?.text;
}
