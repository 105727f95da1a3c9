// The orchestrator: load → validate → model → emit → write. Returns results; never prints or exits.
import { dirname, join, resolve } from "node:path";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { buildCatalogue, hashSources, type Catalogue } from "./catalogue/catalogue.ts";
import { diffCatalogues, levelOf, nextVersion, type Change, type Level } from "./catalogue/diff-catalogues.ts";
import { locateCatalogue } from "./catalogue/read-catalogue.ts";
import { decideRelease, readChangelog, readPreviousPackage, withSpecVersion, type ReleaseReport } from "./catalogue/release.ts";
import { writeFileWhole } from "./write/write-file-whole.ts";
import { emitEachFile, emitModules, emitPackage, type EmitExtras } from "./emit/emit-package.ts";
import { TemplateError } from "./emit/emit-readme.ts";
import type { EmittedFile } from "./emit/emitted-file.ts";
import { loadSpec, readSpecSources, type LoadedSpec, type SpecSources } from "./load/load-spec.ts";
import { loadTemplates, NO_TEMPLATES, type Templates } from "./load/load-templates.ts";
import { findSpec, SpecConfigError } from "./load/find-spec.ts";
import { diskSpecFiles, displayPath, SpecEncodingError, type SpecFiles } from "./load/spec-files.ts";
import { verifyPackage } from "./verify/verify-package.ts";
import { buildModel } from "./model/build-model.ts";
import type { Model } from "./model/model.ts";
import { readProductSpec, validateSpec, type ProductRead } from "./validate/validate-spec.ts";
import { comparePackage, type PackageDrift } from "./write/compare-package.ts";
import { cacheDirOf, cachedOutput, inputsHash, recordOutput } from "./write/output-cache.ts";
import { openPackageWriter, type WriteReport } from "./write/write-package.ts";

export type Stage = "load" | "validate" | "model" | "emit" | "verify" | "write" | "compare";

export interface RunOptions {
  /** The root spec, relative to `cwd`. Default: the project's, by the rule of load/find-spec.ts (package.json's "errgen": {"spec"}, else errors.yaml). */
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
  /**
   * generate only: release the changes since the package on disk: bump its version by their semver
   * level, add a CHANGELOG.md section, and write the version back into the spec.
   */
  readonly bump?: boolean | undefined;
  /** With bump: the release to compare with, instead of the package on disk (a spec, package folder, tarball or installed package). */
  readonly from?: string | undefined;
  /**
   * generate and check: type-check the package in memory (verify/verify-package.ts) before anything is
   * written or compared; a problem is a diagnostic in the generated file. Always a full run.
   */
  readonly verify?: boolean | undefined;
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
export type CheckResult = Failed | (Extract<Compiled, { ok: true }> & { readonly drift: PackageDrift; readonly verifiedWith?: string | undefined });

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
      /** Changes since the package on disk, and the version written; undefined when cached. */
      readonly release?: ReleaseReport | undefined;
      /** With `verify`: the TypeScript version that type-checked the package. */
      readonly verifiedWith?: string | undefined;
    };

/** Everything a run reads, and where it writes: settled from the flags first, then the spec's own keys. */
interface Run {
  readonly ok: true;
  readonly files: SpecFiles;
  readonly sources: SpecSources;
  readonly templates: Templates;
  readonly templatesDir: string | undefined;
  /** Undefined when the spec names no package (it will fail validation). */
  readonly outDir: (packageName: string | undefined) => string | undefined;
}

/** The root spec a run reads: `--spec`, else the project's (see load/find-spec.ts). */
export function specPathOf(options: Pick<RunOptions, "spec" | "cwd">): string {
  return options.spec !== undefined ? resolve(options.cwd, options.spec) : findSpec(options.cwd);
}

function prepare(options: RunOptions): Run {
  const files = diskSpecFiles(specPathOf(options), options.cwd);
  const sources = readSpecSources(files);
  const specDir = dirname(files.root.path);
  const templatesDir = options.templates !== undefined ? resolve(options.cwd, options.templates) : sources.templates !== undefined ? resolve(specDir, sources.templates) : undefined;
  const outDir = (packageName: string | undefined) => {
    if (options.out !== undefined) return resolve(options.cwd, options.out);
    if (sources.output !== undefined) return resolve(specDir, sources.output);
    return packageName === undefined ? undefined : resolve(files.projectRoot, "generated", packageName);
  };
  return { ok: true, files, sources, templates: loadTemplates(templatesDir, options.cwd), templatesDir, outDir };
}

/** prepare, with the problems it can meet in user input as the run's diagnostics. */
function prepareRun(options: RunOptions): Run | Failed {
  try {
    return prepare(options);
  } catch (error) {
    // A malformed "errgen" key in package.json, or a root spec that is not UTF-8: diagnostics at their place.
    if (error instanceof SpecConfigError || error instanceof SpecEncodingError) return { ok: false, diagnostics: [error.diagnostic] };
    throw error;
  }
}

/** What a run reads: the spec files (root and listed products, readable or not) and the templates folder. */
export function inputsOf(options: RunOptions): { readonly specFiles: readonly string[]; readonly templatesDir: string | undefined } {
  const run = prepare(options);
  return { specFiles: run.sources.paths, templatesDir: run.templatesDir };
}

export async function generate(options: RunOptions): Promise<GenerateResult> {
  const run = prepareRun(options);
  if (!run.ok) return run;
  const inputs = inputsHash([...run.sources.texts, ...[...run.templates.overrides].map(([name, template]) => [name, template.text] as const)]);
  const expectedOut = run.outDir(run.sources.packageName);
  const cached = expectedOut === undefined || options.useCache === false || options.bump || options.verify ? undefined : cachedOutput(cacheDirOf(run.files.projectRoot), expectedOut, inputs);
  if (expectedOut !== undefined && cached) {
    const report = { written: [], unchanged: cached.files.map(([path]) => path), removed: [] };
    return { ok: true, outDir: expectedOut, report, summary: cached.summary, cached: true };
  }
  return generateWith(options, run, inputs);
}

async function generateWith(options: RunOptions, run: Run, inputs: string): Promise<GenerateResult> {
  const analyzed = analyzeFiles(run.files, options.onStage, run.templates);
  if (!analyzed.ok) return analyzed;
  const { model } = analyzed;
  const outDir = run.outDir(model.package.name)!;
  let previous = readPreviousPackage(outDir, options.bump === true && options.from === undefined);
  if (options.from !== undefined) {
    const base = catalogueFrom(options.from, options.cwd);
    if (!base.ok) return base;
    previous = { ...previous, catalogue: base.catalogue };
  }
  let release: ReleaseReport | undefined;
  /** The root spec's text with the released version, when a release changes it. */
  let releasedSpec: string | undefined;
  // Emit and write together: each file goes to the writer as soon as it is printed.
  options.onStage?.("emit");
  const writer = openPackageWriter(outDir);
  let report: WriteReport;
  let verifiedWith: string | undefined;
  // With --verify, files wait in memory until the compiler has checked them; otherwise each is staged as it is printed.
  const emitted: EmittedFile[] = [];
  const sink = (file: EmittedFile) => (options.verify ? emitted.push(file) : writer.add(file));
  try {
    emitEachFile(
      model,
      sink,
      {
        templates: run.templates,
        release: (catalogue) => {
          const decided = decideRelease(previous, catalogue, { bump: options.bump === true, source: model.source, templates: run.templates });
          release = decided.report;
          if (decided.report.version === decided.report.specVersion) return decided.release;
          // The spec will say the new version: the catalogue carries the hash of the spec as it will be.
          const sources = run.files.readSources();
          releasedSpec = withSpecVersion(sources[0]![1], decided.report.version, run.files.root.path);
          return { ...decided.release, specHash: hashSources([[sources[0]![0], releasedSpec], ...sources.slice(1)]) };
        },
      },
    );
    if (options.verify) {
      options.onStage?.("verify");
      const verification = await verifyPackage(emitted, outDir, options.cwd);
      if (verification.diagnostics.length > 0) {
        writer.abort();
        return { ok: false, diagnostics: verification.diagnostics, source: sourceOf(emitted, outDir, options.cwd) };
      }
      verifiedWith = verification.typescriptVersion;
      for (const file of emitted) writer.add(file);
    }
    options.onStage?.("write");
    report = await writer.commit();
  } catch (error) {
    writer.abort();
    if (error instanceof TemplateError) return { ok: false, diagnostics: [error.diagnostic], source: templateSource(run.templates) };
    throw error;
  }
  // A code the root and products both declare is one code (one class) of the package.
  const summary = { codes: new Set([...model.codes, ...model.products.flatMap((product) => product.codes)].map((code) => code.code)).size, products: model.products.length };
  // The spec stays the one source of the version: a release writes its new version back.
  if (releasedSpec !== undefined) writeFileWhole(run.files.root.path, releasedSpec);
  else recordOutput(cacheDirOf(run.files.projectRoot), outDir, inputs, summary, [...report.written, ...report.unchanged]);
  return { ok: true, outDir, report, summary, cached: false, release, verifiedWith };
}


export async function check(options: RunOptions): Promise<CheckResult> {
  const compiled = compile(options);
  if (!compiled.ok) return compiled;
  let verifiedWith: string | undefined;
  if (options.verify) {
    options.onStage?.("verify");
    const verification = await verifyPackage(compiled.files, compiled.outDir, options.cwd);
    if (verification.diagnostics.length > 0) return { ok: false, diagnostics: verification.diagnostics, source: sourceOf(compiled.files, compiled.outDir, options.cwd) };
    verifiedWith = verification.typescriptVersion;
  }
  options.onStage?.("compare");
  return { ...compiled, drift: comparePackage(compiled.outDir, compiled.files), verifiedWith };
}

/** The text of a generated file by the path diagnostics show, for printing the line of a problem. */
function sourceOf(files: readonly EmittedFile[], outDir: string, cwd: string): (file: string) => string | undefined {
  return (shown) => files.find((file) => displayPath(join(outDir, file.path), cwd) === shown)?.contents;
}

/**
 * Everything but the write: the spec's diagnostics, or the model, the package's files and where they
 * go. The package's CHANGELOG.md, which only releases change, is carried over from the folder.
 */
export function compile(options: RunOptions): Compiled {
  const run = prepareRun(options);
  if (!run.ok) return run;
  const analyzed = analyzeFiles(run.files, options.onStage, run.templates);
  if (!analyzed.ok) return analyzed;
  const outDir = run.outDir(analyzed.model.package.name)!;
  const changelog = readChangelog(outDir);
  const compiled = emitFiles(analyzed.model, options.onStage, { templates: run.templates, release: (catalogue) => ({ version: catalogue.package.version, changelog }) });
  return compiled.ok ? { ...compiled, outDir } : compiled;
}

/** load → validate → model → emit. */
export function compileFiles(files: SpecFiles, onStage?: RunOptions["onStage"], templates: Templates = NO_TEMPLATES): CompiledText {
  const analyzed = analyzeFiles(files, onStage, templates);
  return analyzed.ok ? emitFiles(analyzed.model, onStage, { templates }) : analyzed;
}

function emitFiles(model: Model, onStage: RunOptions["onStage"], extras: EmitExtras): CompiledText {
  const templates = extras.templates ?? NO_TEMPLATES;
  onStage?.("emit");
  try {
    return { ok: true, model, files: emitPackage(model, extras) };
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, diagnostics: [error.diagnostic], source: templateSource(templates) };
    throw error;
  }
}

/** load → validate → model: the specs' diagnostics (and the templates'), or the model. */
export function analyzeFiles(files: SpecFiles, onStage?: RunOptions["onStage"], templates: Templates = NO_TEMPLATES): Analyzed {
  onStage?.("load");
  const loaded = loadSpec(files);
  return analyzeLoaded(files, loaded, loaded.products.map(readProductSpec), onStage, templates);
}

/** validate → model, once the root spec is loaded and each product spec read. */
function analyzeLoaded(files: SpecFiles, loaded: LoadedSpec, products: readonly ProductRead[], onStage: RunOptions["onStage"], templates: Templates): Analyzed {
  onStage?.("validate");
  const validated = validateSpec(loaded, products);
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics, ...templates.diagnostics];
  if (diagnostics.length > 0 || validated.input === undefined) return { ok: false, diagnostics: sortDiagnostics(diagnostics), source: files.sourceText };
  onStage?.("model");
  return { ok: true, model: buildModel(validated.input, hashSources(files.readSources())) };
}

function templateSource(templates: Templates): (file: string) => string | undefined {
  return (file) => [...templates.overrides.values()].find((template) => template.file === file)?.text;
}

/** A catalogue from a spec (compiled here) or from a generated package (its folder, tarball, catalogue.json or installed name). */
export function catalogueFrom(source: string, cwd: string): Failed | { readonly ok: true; readonly catalogue: Catalogue; readonly from: string } {
  const located = locateCatalogue(source, cwd);
  if (located.kind === "catalogue") return { ok: true, catalogue: located.catalogue, from: located.from };
  const files = diskSpecFiles(located.path, cwd);
  const analyzed = analyzeFiles(files);
  if (!analyzed.ok) return analyzed;
  return { ok: true, catalogue: buildCatalogue(analyzed.model, emitModules(analyzed.model)), from: files.root.displayPath };
}

export interface DiffResult {
  readonly ok: true;
  readonly before: { readonly catalogue: Catalogue; readonly from: string };
  readonly after: { readonly catalogue: Catalogue; readonly from: string };
  readonly changes: readonly Change[];
  readonly level: Level | undefined;
  /** The version a release of `after` would take after `before`'s: bumped by the level, never below `after`'s own. */
  readonly nextVersion: string;
}

/** `errgen diff OLD NEW`: what changed, code by code, and the semver level of it. */
export function diff(options: { readonly old: string; readonly new: string; readonly cwd: string }): Failed | DiffResult {
  const before = catalogueFrom(options.old, options.cwd);
  if (!before.ok) return before;
  const after = catalogueFrom(options.new, options.cwd);
  if (!after.ok) return after;
  const changes = diffCatalogues(before.catalogue, after.catalogue);
  const level = levelOf(changes);
  return { ok: true, before, after, changes, level, nextVersion: nextVersion(before.catalogue.package.version, level, after.catalogue.package.version) };
}
