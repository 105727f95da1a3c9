// What a run reads, settled from its options first and the root spec's own keys second: the spec files,
// the team's templates, and the folder the package goes to.
import { dirname, resolve } from "node:path";
import type { Failed } from "../diagnostics.ts";
import { findSpec, SpecConfigError } from "./find-spec.ts";
import { readSpecSources, type SpecSources } from "./load-spec.ts";
import { loadTemplates, type Templates } from "./load-templates.ts";
import { diskSpecFiles, SpecEncodingError, type SpecFiles } from "./spec-files.ts";

/** Where a run's inputs are; paths are relative to `cwd`. */
export interface RunInputs {
  /** The root spec. Default: the project's, by the rule of find-spec.ts (package.json's "errgen": {"spec"}, else errors.yaml). */
  readonly spec?: string | undefined;
  /** The package folder. Default: the spec's `output`, else generated/<package name> in the spec's project. */
  readonly out?: string | undefined;
  /** A folder of templates replacing the built-in ones. Default: the spec's `templates`. */
  readonly templates?: string | undefined;
  readonly cwd: string;
}

export interface LoadedRun {
  readonly ok: true;
  readonly files: SpecFiles;
  readonly sources: SpecSources;
  readonly templates: Templates;
  readonly templatesDir: string | undefined;
  /** The package folder for the spec's package name; undefined when the spec names none (validation reports it). */
  readonly outDir: (packageName: string | undefined) => string | undefined;
}

/** The root spec a run reads: `--spec`, else the project's (see find-spec.ts). */
export function specPathOf(inputs: Pick<RunInputs, "spec" | "cwd">): string {
  return inputs.spec !== undefined ? resolve(inputs.cwd, inputs.spec) : findSpec(inputs.cwd);
}

/** Reads the root spec's sources and the templates. A problem that is not in user input is thrown. */
export function loadRun(inputs: RunInputs): LoadedRun {
  const files = diskSpecFiles(specPathOf(inputs), inputs.cwd);
  const sources = readSpecSources(files);
  const specDir = dirname(files.root.path);
  const templatesDir = inputs.templates !== undefined ? resolve(inputs.cwd, inputs.templates) : sources.templates !== undefined ? resolve(specDir, sources.templates) : undefined;
  const outDir = (packageName: string | undefined) => {
    if (inputs.out !== undefined) return resolve(inputs.cwd, inputs.out);
    if (sources.output !== undefined) return resolve(specDir, sources.output);
    return packageName === undefined ? undefined : resolve(files.projectRoot, "generated", packageName);
  };
  return { ok: true, files, sources, templates: loadTemplates(templatesDir, inputs.cwd), templatesDir, outDir };
}

/** loadRun, with the problems it can meet in user input as diagnostics. */
export function loadRunOrFail(inputs: RunInputs): LoadedRun | Failed {
  try {
    return loadRun(inputs);
  } catch (error) {
    // A malformed "errgen" key in package.json, or a root spec that is not UTF-8: diagnostics at their place.
    if (error instanceof SpecConfigError || error instanceof SpecEncodingError) return { ok: false, diagnostics: [error.diagnostic] };
    throw error;
  }
}
