// The orchestrator: load → validate → model → emit → write. Returns results; never prints or exits.
import { resolve } from "node:path";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { emitPackage } from "./emit/emit-package.ts";
import type { EmittedFile } from "./emit/emitted-file.ts";
import { locateSpec, readSpecText, type SpecSource } from "./load/load-spec.ts";
import { loadYaml } from "./load/load-yaml.ts";
import { buildModel } from "./model/build-model.ts";
import type { Model } from "./model/model.ts";
import { validateSpec } from "./validate/validate-spec.ts";
import { comparePackage, type PackageDrift } from "./write/compare-package.ts";
import { writePackage, type WriteReport } from "./write/write-package.ts";

export const DEFAULT_SPEC = "spec/tencentcloud.yaml";

export interface RunOptions {
  /** The spec file, relative to `cwd`. Default: spec/tencentcloud.yaml. */
  readonly spec?: string | undefined;
  /** The package folder, relative to `cwd`. Default: generated/<package name> in the spec's project. */
  readonly out?: string | undefined;
  readonly cwd: string;
}

export type CompiledText =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: true; readonly model: Model; readonly files: readonly EmittedFile[] };

export type Compiled = Extract<CompiledText, { ok: false }> | (Extract<CompiledText, { ok: true }> & { readonly outDir: string });

/** Everything but the write: the spec's diagnostics, or the model and the files of the package. */
export function compile(options: RunOptions): Compiled {
  const source = locateSpec(options.spec ?? DEFAULT_SPEC, options.cwd);
  const compiled = compileText(readSpecText(source), source);
  if (!compiled.ok) return compiled;
  const outDir = options.out === undefined ? resolve(source.projectRoot, "generated", compiled.model.package.name) : resolve(options.cwd, options.out);
  return { ...compiled, outDir };
}

/** load → validate → model → emit, for spec text already read. */
export function compileText(text: string, source: Pick<SpecSource, "displayPath" | "sourceName">): CompiledText {
  const analyzed = analyzeText(text, source);
  return analyzed.ok ? { ...analyzed, files: emitPackage(analyzed.model) } : analyzed;
}

/** load → validate → model: the spec's diagnostics, or its model. */
export function analyzeText(
  text: string,
  source: Pick<SpecSource, "displayPath" | "sourceName">,
): Extract<CompiledText, { ok: false }> | { readonly ok: true; readonly model: Model } {
  const loaded = loadYaml(text, source.displayPath);
  if (loaded.root === undefined) return { ok: false, diagnostics: loaded.diagnostics };
  const validated = validateSpec(loaded.root, source.sourceName);
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  if (diagnostics.length > 0 || validated.input === undefined) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return { ok: true, model: buildModel(validated.input) };
}

export type GenerateResult = Extract<Compiled, { ok: false }> | (Extract<Compiled, { ok: true }> & { readonly report: WriteReport });

export function generate(options: RunOptions): GenerateResult {
  const compiled = compile(options);
  if (!compiled.ok) return compiled;
  return { ...compiled, report: writePackage(compiled.outDir, compiled.files) };
}

export type CheckResult = Extract<Compiled, { ok: false }> | (Extract<Compiled, { ok: true }> & { readonly drift: PackageDrift });

export function check(options: RunOptions): CheckResult {
  const compiled = compile(options);
  if (!compiled.ok) return compiled;
  return { ...compiled, drift: comparePackage(compiled.outDir, compiled.files) };
}
