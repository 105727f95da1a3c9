// The plugins stage as the pipeline calls it: the package's files, with the modules the spec's plugins
// add and package.json and README.md emitted again to list them; or the plugins' diagnostics.
import type { Failed } from "../diagnostics.ts";
import { emitListings, type Release } from "../emit/emit-package.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import type { PluginReference } from "../load/load-spec.ts";
import type { Templates } from "../load/load-templates.ts";
import type { Model } from "../model/model.ts";
import { runPlugins } from "./run-plugins.ts";

export interface PluginStage {
  readonly model: Model;
  readonly plugins: readonly PluginReference[];
  readonly specPath: string;
  readonly templates: Templates;
  readonly release: Release;
  readonly outDir: string;
  readonly cwd: string;
  /** The text of a spec file by the path diagnostics show, for printing the lines they point at. */
  readonly specText: (file: string) => string | undefined;
}

export type Extended = Failed | { readonly ok: true; readonly files: readonly EmittedFile[]; readonly sources: readonly string[] };

/** Every file is in memory when the plugins run: a plugin sees the whole package. */
export async function addPluginModules(files: readonly EmittedFile[], stage: PluginStage): Promise<Extended> {
  const { model, templates, release } = stage;
  const result = await runPlugins({ ...stage, files });
  if (!result.ok) return { ...result, source: (file) => result.source?.(file) ?? stage.specText(file) };
  const listings = new Map(emitListings(model, release, templates, result.added).map((file) => [file.path, file]));
  return { ok: true, files: [...files.map((file) => listings.get(file.path) ?? file), ...result.files], sources: result.sources };
}
