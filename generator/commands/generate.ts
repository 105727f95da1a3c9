// `errgen generate` as users run it: the pipeline (errgen.ts) wrapped in the output cache, which skips
// every stage when the inputs and the folder are as the last run left them, and with `--from` read first.
import { dirname, resolve } from "node:path";
import type { Failed } from "../diagnostics.ts";
import { generateFrom, type GenerateResult, type PipelineOptions } from "../errgen.ts";
import { loadRun, loadRunOrFail } from "../load/load-run.ts";
import { isPathReference } from "../plugins/resolve-plugin.ts";
import { cacheDirOf, cachedOutput, inputsHash, recordOutput } from "../write/output-cache.ts";
import { catalogueFrom } from "./diff.ts";

export interface GenerateOptions extends Omit<PipelineOptions, "baseline"> {
  /** With bump: the release to compare with, instead of the package on disk (a spec, package folder, tarball or installed package). */
  readonly from?: string | undefined;
  /** `false` runs every stage even when the last run's record says the output is current. Default: true. */
  readonly useCache?: boolean | undefined;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const run = loadRunOrFail(options);
  if (!run.ok) return run;
  const specs = [...run.sources.texts, ...[...run.templates.overrides].map(([name, template]) => [name, template.text] as const)];
  const inputs = (watched: readonly string[]) => inputsHash(specs, watched);
  const outDir = run.outDir(run.sources.packageName);
  const cacheDir = cacheDirOf(run.files.projectRoot);
  // A release or a verification always runs whole.
  const cacheable = outDir !== undefined && options.useCache !== false && !options.bump && !options.verify;
  const cached = cacheable ? cachedOutput(cacheDir, outDir, inputs) : undefined;
  if (outDir !== undefined && cached) {
    const report = { written: [], unchanged: cached.files.map(([path]) => path), removed: [] };
    return { ok: true, outDir, report, summary: cached.summary, cached: true, pluginSources: cached.watched };
  }
  const baseline = options.from === undefined ? undefined : catalogueFrom(options.from, options.cwd);
  if (baseline && !baseline.ok) return baseline satisfies Failed;
  const result = await generateFrom(run, { ...options, baseline: baseline?.catalogue });
  // A run that wrote a new version into the spec changed an input: the next run is a full one.
  if (result.ok && result.release?.version === result.release?.specVersion) {
    // The plugins' files as they were loaded: one changed since means a full run.
    const watched = result.pluginSources ?? [];
    recordOutput(cacheDir, result.outDir, inputs(watched), result.summary, [...result.report.written, ...result.report.unchanged], watched);
  }
  return result;
}

/** What a run reads, for `watch`: the spec files (root and listed products, readable or not), the plugins given by path, and the templates folder. */
export function inputsOf(options: GenerateOptions): { readonly specFiles: readonly string[]; readonly pluginFiles: readonly string[]; readonly templatesDir: string | undefined } {
  const run = loadRun(options);
  const specDir = dirname(run.files.root.path);
  const pluginFiles = run.sources.plugins.filter((plugin) => isPathReference(plugin.value)).map((plugin) => resolve(specDir, plugin.value));
  return { specFiles: run.sources.paths, pluginFiles, templatesDir: run.templatesDir };
}
