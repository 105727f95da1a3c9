// errgen's programmatic API: `import { generate, check, diff } from "errgen"`. The same runs as the
// command line, returning data: problems in a spec come back as `{ ok: false, diagnostics }`, nothing
// is printed, and the process is never exited. An ErrgenError is thrown only for what is not a spec
// problem: no spec found or readable, an output folder errgen refuses to touch, a lock held by another run.
import type { Diagnostic } from "./diagnostics.ts";
import * as commands from "./commands/generate.ts";
import * as differ from "./commands/diff.ts";
import * as pipeline from "./errgen.ts";
import { isUpToDate, type PackageDrift } from "./write/compare-package.ts";

export { ErrgenError, formatDiagnostic } from "./diagnostics.ts";
export type { Diagnostic, SourcePosition } from "./diagnostics.ts";
export type { GenerateSummary, Stage } from "./errgen.ts";
export type { Catalogue } from "./catalogue/catalogue.ts";
export type { Change, Level } from "./release/diff-catalogues.ts";
export type { ReleaseReport } from "./release/decide-release.ts";
export type { PackageDrift } from "./write/compare-package.ts";
export type { WriteReport } from "./write/write-package.ts";
// Plugins: the context a plugin is given, and the model it reads.
export type { ErrgenPlugin, PluginContext, PluginFileContent } from "./plugins/plugin-api.ts";
export type {
  CategoryModel,
  ClassHome,
  ClassModel,
  CodeModel,
  EnvelopeFieldModel,
  EnvelopeModel,
  Fault,
  FieldType,
  Model,
  PackageModel,
  ProductExports,
  ProductModel,
  SharedModuleModel,
  WirePath,
} from "./model/model.ts";

/** What every run reads and where it writes; paths are relative to `cwd`. */
export interface RunOptions {
  /** The root spec. Default: the project's, as `errgen generate` finds it: package.json's "errgen": {"spec"}, else errors.yaml beside it. */
  readonly spec?: string | undefined;
  /** The package folder. Default: the spec's `output`, else generated/<package name> in the spec's project. */
  readonly out?: string | undefined;
  /** A folder of templates replacing built-in ones. Default: the spec's `templates`. */
  readonly templates?: string | undefined;
  /** The folder paths are relative to, and where the project is looked for. Default: `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Told as each stage starts, for progress output. */
  readonly onStage?: ((stage: pipeline.Stage) => void) | undefined;
  /** Type-check the package in memory (TypeScript, strict) before writing or comparing it; a problem is a diagnostic in the generated file. */
  readonly verify?: boolean | undefined;
}

export interface GenerateOptions extends RunOptions {
  /** Release the changes since the package on disk: the next semver version (also written into the spec) and a CHANGELOG.md section. */
  readonly bump?: boolean | undefined;
  /** With `bump`: compare with this release instead (a package folder, .tgz, catalogue.json, installed package name or spec). */
  readonly from?: string | undefined;
  /** `false` runs every stage even when the last run's record says the output is current. Default: true. */
  readonly useCache?: boolean | undefined;
}

export interface DiffOptions {
  /** Each side: a spec (.yaml), a generated package folder, its catalogue.json, an `npm pack` tarball, or an installed package's name. */
  readonly old: string;
  readonly new: string;
  readonly cwd?: string | undefined;
}

/** A run stopped by problems in its input: every one of them, each at its `file:line:column`. */
export interface Failed {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
}

export type GenerateResult = Failed | Extract<pipeline.GenerateResult, { ok: true }>;

export type CheckResult =
  | Failed
  | {
      readonly ok: true;
      /** The package folder compared. */
      readonly outDir: string;
      /** True when the folder holds exactly what `generate` would write. */
      readonly upToDate: boolean;
      /** Files that differ, are missing, or should not be there (paths relative to `outDir`). */
      readonly drift: PackageDrift;
      /** With `verify`: the TypeScript version that type-checked the package. */
      readonly verifiedWith?: string | undefined;
    };

export type DiffResult = Failed | differ.DiffResult;

/** Writes the package the spec describes (all or nothing; unchanged files are left as they are). */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const result = await commands.generate({ ...options, cwd: options.cwd ?? process.cwd() });
  return result.ok ? result : failed(result.diagnostics);
}

/** Compares the package on disk with what `generate` would write. Never writes. */
export async function check(options: RunOptions = {}): Promise<CheckResult> {
  const result = await pipeline.check({ ...options, cwd: options.cwd ?? process.cwd() });
  if (!result.ok) return failed(result.diagnostics);
  return { ok: true, outDir: result.outDir, upToDate: isUpToDate(result.drift), drift: result.drift, verifiedWith: result.verifiedWith };
}

/** What changed between two catalogues, code by code, the semver level of it, and the version a release would take. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const result = differ.diff({ old: options.old, new: options.new, cwd: options.cwd ?? process.cwd() });
  return result.ok ? result : failed(result.diagnostics);
}

/** Diagnostics only: a result is plain data, with nothing to call. */
function failed(diagnostics: readonly Diagnostic[]): Failed {
  return { ok: false, diagnostics };
}
