// The pipeline: load → validate → model → emit → release → (verify) → write, top to bottom. It returns
// data and never prints or exits (cli.ts does). The output cache and `--from` wrap it: commands/generate.ts.
import { join } from "node:path";
import { hashSources, type Catalogue } from "./catalogue/catalogue.ts";
import { compareText, ErrgenError, sortDiagnostics, type Failed } from "./diagnostics.ts";
import { describePackage, emitFiles, emitPackage, type Release } from "./emit/emit-package.ts";
import type { EmittedFile } from "./emit/emitted-file.ts";
import type { Extended } from "./plugins/add-plugin-modules.ts";
import { TemplateError } from "./emit/render-template.ts";
import { loadChangelog, loadPreviousPackage } from "./load/load-previous-package.ts";
import { loadRunOrFail, type LoadedRun, type RunInputs } from "./load/load-run.ts";
import { loadSpec, pluginReferences, type PluginReference } from "./load/load-spec.ts";
import { NO_TEMPLATES, type Templates } from "./load/load-templates.ts";
import { displayPath, type SpecFiles } from "./load/spec-files.ts";
import { buildModel } from "./model/build-model.ts";
import type { Model } from "./model/model.ts";
import { decideRelease, type ReleaseReport } from "./release/decide-release.ts";
import { validateSpec } from "./validate/validate-spec.ts";
import { verifyPackage } from "./verify/verify-package.ts";
import { comparePackage, type PackageDrift } from "./write/compare-package.ts";
import { writeFileWhole } from "./write/write-file-whole.ts";
import { writePackage, type WriteReport } from "./write/write-package.ts";

export type { Failed } from "./diagnostics.ts";
export type Stage = "load" | "validate" | "model" | "emit" | "plugins" | "verify" | "write" | "compare";

export interface PipelineOptions extends RunInputs {
  /** Told as each stage starts, for progress output. */
  readonly onStage?: ((stage: Stage) => void) | undefined;
  /** generate: release the changes since the previous package (its version bumped by their level, a changelog section, the spec's version). */
  readonly bump?: boolean | undefined;
  /** generate: the release to compare with, instead of the catalogue of the package on disk (`--from`). */
  readonly baseline?: Catalogue | undefined;
  /** Type-check the package in memory (verify/verify-package.ts) before it is written or compared. */
  readonly verify?: boolean | undefined;
}

export type Analyzed = Failed | { readonly ok: true; readonly model: Model; readonly plugins: readonly PluginReference[] };
export type CompiledText = Failed | { readonly ok: true; readonly model: Model; readonly files: readonly EmittedFile[] };
export type Compiled = Failed | (Extract<CompiledText, { ok: true }> & { readonly outDir: string });
export type CheckResult = Failed | (Extract<Compiled, { ok: true }> & { readonly drift: PackageDrift; readonly verifiedWith?: string | undefined });
export type GenerateSummary = { readonly codes: number; readonly products: number };
export interface Generated {
  readonly ok: true;
  readonly outDir: string;
  readonly report: WriteReport;
  readonly summary: GenerateSummary;
  /** The output was already what the specs generate, as recorded by the last run: nothing was compiled. */
  readonly cached: boolean;
  /** Changes since the package on disk, and the version written; undefined when cached. */
  readonly release?: ReleaseReport | undefined;
  /** With `verify`: the TypeScript version that type-checked the package. */
  readonly verifiedWith?: string | undefined;
  /** The files the spec's plugins were loaded from, for the output cache. */
  readonly pluginSources?: readonly string[] | undefined;
}
export type GenerateResult = Failed | Generated;

/** `errgen generate` once its inputs are loaded, every stage: the package written whole, or what stopped it. */
export async function generateFrom(run: LoadedRun, options: PipelineOptions): Promise<GenerateResult> {
  const analyzed = analyzeFiles(run.files, options.onStage, run.templates);
  if (!analyzed.ok) return analyzed;
  const { model } = analyzed;
  const outDir = run.outDir(model.package.name)!;
  const previous = loadPreviousPackage(outDir, options.bump === true && options.baseline === undefined);
  options.onStage?.("emit");
  return orTemplateFailure(run.templates, async () => {
    const described = describePackage(model);
    const decided = decideRelease(options.baseline ? { ...previous, catalogue: options.baseline } : previous, described.catalogue, {
      bump: options.bump === true,
      templates: run.templates,
      spec: { source: model.source, path: run.files.root.path, text: run.sources.texts[0]![1] },
      specSources: run.files.readSources(),
    });
    // Without --verify or plugins each file is staged as soon as it is printed; with them, all wait for the compiler.
    const emitted = emitFiles(model, described, decided.release, run.templates);
    const extended = analyzed.plugins.length > 0 ? await withPlugins([...emitted], analyzed, run, outDir, decided.release, options) : { ok: true as const, files: emitted, sources: [] };
    if (!extended.ok) return extended;
    const verified = options.verify ? await verify([...extended.files], outDir, options) : { ok: true as const, files: extended.files, verifiedWith: undefined };
    if (!verified.ok) return verified;
    options.onStage?.("write");
    const report = await writePackage(outDir, verified.files);
    // The spec stays the one source of the version: a release writes its new version back.
    if (decided.specText !== undefined) writeFileWhole(run.files.root.path, decided.specText);
    return { ok: true, outDir, report, summary: summaryOf(model), cached: false, release: decided.report, verifiedWith: verified.verifiedWith, pluginSources: extended.sources };
  });
}

/** `errgen check`: what generate would write, compared with the folder. Writes nothing. */
export async function check(options: PipelineOptions): Promise<CheckResult> {
  const compiled = await compile(options);
  if (!compiled.ok) return compiled;
  const verified = options.verify ? await verify(compiled.files, compiled.outDir, options) : undefined;
  if (verified && !verified.ok) return verified;
  options.onStage?.("compare");
  return { ...compiled, drift: comparePackage(compiled.outDir, compiled.files), verifiedWith: verified?.verifiedWith };
}

/** Everything but the write: the package with the spec's version and the changelog on disk (only releases change it), and what plugins add. */
export async function compile(options: PipelineOptions): Promise<Compiled> {
  const run = loadRunOrFail(options);
  if (!run.ok) return run;
  const analyzed = analyzeFiles(run.files, options.onStage, run.templates);
  if (!analyzed.ok) return analyzed;
  const outDir = run.outDir(analyzed.model.package.name)!;
  const changelog = loadChangelog(outDir);
  const compiled = emitAnalyzed(analyzed, run.templates, changelog, options.onStage);
  if (!compiled.ok || analyzed.plugins.length === 0) return compiled.ok ? { ...compiled, outDir } : compiled;
  const extended = await withPlugins(compiled.files, analyzed, run, outDir, { version: analyzed.model.package.version, changelog }, options);
  return extended.ok ? { ok: true, model: analyzed.model, files: [...extended.files].sort((a, b) => compareText(a.path, b.path)), outDir } : extended;
}

/** load → validate → model → emit, in memory, for a spec without plugins (they run in `compile` and `generate`). */
export function compileFiles(files: SpecFiles, onStage?: PipelineOptions["onStage"], templates: Templates = NO_TEMPLATES): CompiledText {
  const analyzed = analyzeFiles(files, onStage, templates);
  if (!analyzed.ok) return analyzed;
  if (analyzed.plugins.length > 0) throw new ErrgenError("compileFiles does not run plugins: use compile or generate");
  return emitAnalyzed(analyzed, templates, undefined, onStage);
}

function emitAnalyzed(analyzed: Extract<Analyzed, { ok: true }>, templates: Templates, changelog: string | undefined, onStage: PipelineOptions["onStage"]): CompiledText {
  onStage?.("emit");
  return orTemplateFailure(templates, () => ({ ok: true, model: analyzed.model, files: emitPackage(analyzed.model, { templates, changelog }) }));
}

/** The plugins stage (plugins/), loaded only for a spec that lists plugins. */
async function withPlugins(files: readonly EmittedFile[], analyzed: Extract<Analyzed, { ok: true }>, run: LoadedRun, outDir: string, release: Release, options: PipelineOptions): Promise<Extended> {
  options.onStage?.("plugins");
  const { addPluginModules } = await import("./plugins/add-plugin-modules.ts");
  const { model, plugins } = analyzed;
  return addPluginModules(files, { model, plugins, specPath: run.files.root.path, templates: run.templates, release, outDir, cwd: options.cwd, specText: run.files.sourceText });
}

/** load → validate → model: the specs' diagnostics (and the templates'), or the model. */
export function analyzeFiles(files: SpecFiles, onStage?: PipelineOptions["onStage"], templates: Templates = NO_TEMPLATES): Analyzed {
  onStage?.("load");
  const loaded = loadSpec(files);
  onStage?.("validate");
  const validated = validateSpec(loaded);
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics, ...templates.diagnostics];
  if (diagnostics.length > 0 || validated.spec === undefined) return { ok: false, diagnostics: sortDiagnostics(diagnostics), source: files.sourceText };
  onStage?.("model");
  return { ok: true, model: buildModel(validated.spec, hashSources(files.readSources())), plugins: pluginReferences(loaded.root.root) };
}

/** --verify: the package type-checked in memory; a problem is a diagnostic in the generated file. */
async function verify(files: readonly EmittedFile[], outDir: string, options: PipelineOptions): Promise<Failed | { ok: true; files: readonly EmittedFile[]; verifiedWith: string | undefined }> {
  options.onStage?.("verify");
  const verification = await verifyPackage(files, outDir, options.cwd);
  if (verification.diagnostics.length === 0) return { ok: true, files, verifiedWith: verification.typescriptVersion };
  const source = (shown: string) => files.find((file) => displayPath(join(outDir, file.path), options.cwd) === shown)?.contents;
  return { ok: false, diagnostics: verification.diagnostics, source };
}

/** A code the root and products both declare is one code (one class) of the package. */
function summaryOf(model: Model): GenerateSummary {
  const codes = new Set([...model.codes, ...model.products.flatMap((product) => product.codes)].map((code) => code.code));
  return { codes: codes.size, products: model.products.length };
}

/** What `body` returns, or the diagnostic of a team's template that failed to render. */
function orTemplateFailure<T>(templates: Templates, body: () => T): T | Failed {
  const failed = (error: unknown): Failed => {
    if (!(error instanceof TemplateError)) throw error;
    return { ok: false, diagnostics: [error.diagnostic], source: (file) => [...templates.overrides.values()].find((template) => template.file === file)?.text };
  };
  try {
    const result = body();
    return result instanceof Promise ? (result.catch(failed) as T) : result;
  } catch (error) {
    return failed(error);
  }
}
