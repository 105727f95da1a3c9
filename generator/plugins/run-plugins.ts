// The plugins stage: each plugin the spec lists is imported and given the model and a ts-morph project
// holding the package; the files it adds are type-checked against the package and built like errgen's
// own modules (plugins/build-added-files.ts). Every problem is a diagnostic naming the plugin; nothing
// is written here. ts-morph loads only when a spec lists plugins.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Project, SourceFile } from "ts-morph";
import { diagnostic, formatShortPosition, sortDiagnostics, type Diagnostic, type Failed } from "../diagnostics.ts";
import type { AddedModule, EmittedFile } from "../emit/emitted-file.ts";
import type { PluginReference } from "../load/load-spec.ts";
import { displayPath } from "../load/spec-files.ts";
import type { Model } from "../model/model.ts";
import { PACKAGE_ROOT, strictOptions, writtenPath } from "../verify/verify-package.ts";
import { buildAddedFiles } from "./build-added-files.ts";
import { importPlugin, PluginImportError } from "./import-plugin.ts";
import type { PluginContext, PluginFileContent } from "./plugin-api.ts";
import { resolvePlugin } from "./resolve-plugin.ts";

export interface PluginInputs {
  readonly plugins: readonly PluginReference[];
  /** The root spec, which plugin paths are relative to. */
  readonly specPath: string;
  readonly model: Model;
  /** errgen's own files of the package, as they will be written. */
  readonly files: readonly EmittedFile[];
  readonly outDir: string;
  readonly cwd: string;
}

export interface PluginsRun {
  readonly ok: true;
  readonly added: readonly AddedModule[];
  /** Each added module's source, builds and declarations. */
  readonly files: readonly EmittedFile[];
  /** Every file the plugins were loaded from: what the output cache watches. */
  readonly sources: readonly string[];
}

/** A module name: lowercase letters, digits and `-`, in segments joined by `/`. */
const MODULE_NAME = /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/;
/** Folders of `src/` that errgen writes: a plugin's module goes beside them, not into them. */
const ERRGEN_FOLDERS = ["products", "shared"];

/** What the plugins of one run share: the project, and what they have added, changed and got wrong so far. */
interface RunState {
  readonly project: Project;
  /** errgen's own modules' sources, by their path in the project. */
  readonly own: ReadonlyMap<string, string>;
  /** Names a plugin's module may not take, each with whose it is. */
  readonly reserved: ReadonlyMap<string, string>;
  readonly model: Model;
  readonly diagnostics: Diagnostic[];
  /** Every file the plugins were loaded from. */
  readonly sources: Set<string>;
  readonly failedPlugins: Set<PluginReference>;
  /** errgen's own modules a plugin changed, each reported once. */
  readonly changed: Set<string>;
  /** Which plugin added each file, by its path in the project. */
  readonly addedBy: Map<string, PluginReference>;
}

/** Runs the plugins in order; their added modules, built, or every problem found. */
export async function runPlugins(inputs: PluginInputs): Promise<Failed | PluginsRun> {
  const tsMorph = await import("ts-morph");
  const project = packageProject(tsMorph, inputs.files);
  const own = new Map(inputs.files.filter((file) => /^src\/.*\.ts$/.test(file.path)).map((file) => [`${PACKAGE_ROOT}/${file.path}`, file.contents]));
  const reserved = new Map<string, string>([
    ...[...own.keys()].map((path) => [moduleNameOf(path)!, `errgen's own module ${path.slice(PACKAGE_ROOT.length + 1)}`] as const),
    ...inputs.model.products.map((product) => [product.name, `the subpath of product ${product.name}`] as const),
    ...ERRGEN_FOLDERS.map((folder) => [folder, `errgen's own folder src/${folder}/`] as const),
  ]);
  const state: RunState = { project, own, reserved, model: deepFreeze(structuredClone(inputs.model)), diagnostics: [], sources: new Set(), failedPlugins: new Set(), changed: new Set(), addedBy: new Map() };
  const listed = new Map<string, PluginReference>();
  for (const plugin of inputs.plugins) {
    const first = listed.get(plugin.value);
    if (first !== undefined) {
      state.diagnostics.push(diagnostic(plugin.position, `plugin ${JSON.stringify(plugin.value)} is listed twice (first at ${formatShortPosition(first.position)}): a plugin runs once`));
      continue;
    }
    listed.set(plugin.value, plugin);
    await runPlugin(plugin, inputs, state, tsMorph.ts);
  }
  const { diagnostics, addedBy, failedPlugins, sources } = state;
  diagnostics.push(...placementProblems(addedBy));
  // The modules of the plugins that ran cleanly are type-checked even when another failed: every problem in one run.
  const built = buildAddedFiles(project, new Map([...addedBy].filter(([, plugin]) => !failedPlugins.has(plugin))), inputs, tsMorph);
  if (!built.ok) diagnostics.push(...built.diagnostics);
  if (diagnostics.length > 0 || !built.ok) return failed(diagnostics, project, inputs, sources);
  return { ok: true, added: built.added, files: built.files, sources: [...sources].sort() };
}

/** The in-memory project the plugins work in, holding every file of the package as it will be written. */
function packageProject(tsMorph: typeof import("ts-morph"), files: readonly EmittedFile[]): Project {
  const project = new tsMorph.Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: tsMorph.IndentationText.TwoSpaces, quoteKind: tsMorph.QuoteKind.Double, newLineKind: tsMorph.NewLineKind.LineFeed },
    // As --verify checks errgen's own modules; isolatedModules since each module's JavaScript is transpiled alone.
    compilerOptions: { ...strictOptions(tsMorph.ts), isolatedModules: true, declaration: true },
  });
  for (const file of files) project.getFileSystem().writeFileSync(`${PACKAGE_ROOT}/${file.path}`, file.contents);
  return project;
}

/** One plugin: found, imported, run with the context; what it added recorded, what went wrong a diagnostic at its spec line. */
async function runPlugin(plugin: PluginReference, inputs: PluginInputs, state: RunState, ts: typeof import("ts-morph").ts): Promise<void> {
  const { project, own, changed, addedBy } = state;
  const problem = (message: string, stack?: string) => {
    state.failedPlugins.add(plugin);
    state.diagnostics.push({ ...diagnostic(plugin.position, `plugin ${JSON.stringify(plugin.value)} ${message}`), ...(stack ? { stack } : {}) });
  };
  const resolved = resolvePlugin(plugin.value, dirname(inputs.specPath), (path) => displayPath(path, inputs.cwd));
  if (!resolved.ok) return problem(`cannot be found: ${resolved.reason}`);
  let run: (context: PluginContext) => unknown;
  try {
    const imported = await importPlugin(resolved.file, ts, inputs.cwd);
    for (const file of imported.files) state.sources.add(file);
    if (typeof imported.defaultExport !== "function") return problem(`must default-export a function (context) => void | Promise<void>, not ${describeValue(imported.defaultExport)}`);
    run = imported.defaultExport as typeof run;
  } catch (error) {
    state.sources.add(resolved.file);
    if (error instanceof PluginImportError) state.diagnostics.push(...error.diagnostics);
    return problem(`cannot be loaded: ${messageOf(error)}`, stackOf(error));
  }
  const before = new Set(project.getSourceFiles().map((file) => file.getFilePath() as string));
  const createSourceFile = (name: string, content: PluginFileContent): SourceFile => {
    const refusal = nameProblem(name, state.reserved, addedBy);
    if (refusal !== undefined) {
      problem(refusal);
      throw new NameRefused(`errgen: plugin ${JSON.stringify(plugin.value)} ${refusal}`);
    }
    return project.createSourceFile(`${PACKAGE_ROOT}/src/${name}.ts`, content);
  };
  try {
    await run(Object.freeze({ model: state.model, project, createSourceFile }));
  } catch (error) {
    if (!(error instanceof NameRefused)) problem(`failed: ${messageOf(error)}`, stackOf(error));
  }
  for (const file of project.getSourceFiles()) {
    const path = file.getFilePath() as string;
    const original = own.get(path);
    if (original === undefined) {
      if (!before.has(path)) addedBy.set(path, plugin);
    } else if (file.getFullText() !== original && !changed.has(path)) {
      changed.add(path);
      problem(`changed errgen's own ${path.slice(PACKAGE_ROOT.length + 1)}: add a module with context.createSourceFile instead`);
    }
  }
}

/** Why a plugin may not add `src/<name>.ts`, or undefined when it may. */
function nameProblem(name: unknown, reserved: ReadonlyMap<string, string>, addedBy: ReadonlyMap<string, PluginReference>): string | undefined {
  if (typeof name !== "string" || !MODULE_NAME.test(name)) {
    return `adds ${JSON.stringify(name)}, which is not a module name: use lowercase letters, digits and -, in segments joined by / (such as http-status), without an extension`;
  }
  const folder = name.split("/")[0]!;
  const taken = ERRGEN_FOLDERS.includes(folder) && name.includes("/") ? `errgen's own folder src/${folder}/` : reserved.get(name);
  if (taken !== undefined) return `adds "${name}", which is ${taken}: choose another name`;
  const other = addedBy.get(`${PACKAGE_ROOT}/src/${name}.ts`);
  if (other !== undefined) return `adds "${name}", which plugin ${JSON.stringify(other.value)} already added: choose another name`;
  return undefined;
}

/** A name refused by createSourceFile: the diagnostic is already recorded, whatever the plugin does with the throw. */
class NameRefused extends Error {}

/** Files a plugin made through context.project where errgen builds nothing: reported, and left out. */
function placementProblems(addedBy: Map<string, PluginReference>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [path, plugin] of addedBy) {
    const name = moduleNameOf(path);
    if (name === undefined || !MODULE_NAME.test(name)) {
      problems.push(diagnostic(plugin.position, `plugin ${JSON.stringify(plugin.value)} adds ${path}, where errgen builds nothing: add modules with context.createSourceFile(name, …), as src/<name>.ts`));
      addedBy.delete(path);
    }
  }
  return problems;
}

/** `http-status` for `/package/src/http-status.ts`; undefined for a file that is not a module of `src/`. */
function moduleNameOf(path: string): string | undefined {
  const match = new RegExp(`^${PACKAGE_ROOT}/src/(.+)\\.ts$`).exec(path);
  return match && !match[1]!.endsWith(".d") ? match[1] : undefined;
}

/** The diagnostics, with the text of the files they point into: the added modules and the plugins' own files. */
function failed(diagnostics: readonly Diagnostic[], project: Project, inputs: PluginInputs, pluginFiles: ReadonlySet<string>): Failed {
  const source = (file: string) => {
    const added = project.getSourceFiles().find((candidate) => writtenPath(candidate.getFilePath(), inputs.outDir, inputs.cwd) === file);
    if (added !== undefined) return added.getFullText();
    const own = [...pluginFiles].find((path) => displayPath(path, inputs.cwd) === file);
    return own === undefined ? undefined : readFileSync(own, "utf8");
  };
  return { ok: false, diagnostics: sortDiagnostics(diagnostics), source };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (no default export)";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** `boom`, `TypeError: late`, or what was thrown when it is not an Error. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return `it threw ${typeof error === "string" ? JSON.stringify(error) : String(error)}, not an Error`;
  return error.name === "Error" || error.name === "" ? error.message : `${error.name}: ${error.message}`;
}

/** The plugin's part of a stack trace: errgen's own frames below it cut, and the file names as they are on disk. */
function stackOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.stack === undefined) return undefined;
  const lines = error.stack.replace(/\?errgen=[0-9a-f]{16}/g, "").split("\n");
  const errgen = lines.findIndex((line) => /\bat (async )?runPlugins?\b/.test(line));
  return (errgen < 0 ? lines : lines.slice(0, errgen)).join("\n");
}
