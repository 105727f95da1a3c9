// The plugins stage: each plugin the spec lists is imported and given the model and a ts-morph project
// holding the package; the files it adds are type-checked against the package and built like errgen's
// own modules (plugins/build-added-files.ts). Every problem is a diagnostic naming the plugin; nothing
// is written here. ts-morph loads only when a spec lists plugins.
import { dirname } from "node:path";
import type { Project, SourceFile } from "ts-morph";
import { diagnostic, sortDiagnostics, type Diagnostic, type Failed } from "../diagnostics.ts";
import type { AddedModule, EmittedFile } from "../emit/emitted-file.ts";
import type { PluginReference } from "../load/load-spec.ts";
import type { Model } from "../model/model.ts";
import { buildAddedFiles, PACKAGE_ROOT, shownPath } from "./build-added-files.ts";
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

/** Runs the plugins in order; their added modules, built, or every problem found. */
export async function runPlugins(inputs: PluginInputs): Promise<Failed | PluginsRun> {
  const tsMorph = await import("ts-morph");
  const { ts } = tsMorph;
  const project = new tsMorph.Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: tsMorph.IndentationText.TwoSpaces, quoteKind: tsMorph.QuoteKind.Double, newLineKind: tsMorph.NewLineKind.LineFeed },
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      // Each module's CommonJS build is transpiled alone.
      isolatedModules: true,
      declaration: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts"],
      types: [],
    },
  });
  for (const file of inputs.files) project.getFileSystem().writeFileSync(`${PACKAGE_ROOT}/${file.path}`, file.contents);
  const own = new Map(inputs.files.filter((file) => /^src\/.*\.ts$/.test(file.path)).map((file) => [`${PACKAGE_ROOT}/${file.path}`, file.contents]));
  const reserved = new Map<string, string>([
    ...[...own.keys()].map((path) => [moduleNameOf(path)!, `errgen's own module ${path.slice(PACKAGE_ROOT.length + 1)}`] as const),
    ...inputs.model.products.map((product) => [product.name, `the subpath of product ${product.name}`] as const),
    ...ERRGEN_FOLDERS.map((folder) => [folder, `errgen's own folder src/${folder}/`] as const),
  ]);
  const model = deepFreeze(structuredClone(inputs.model));
  const diagnostics: Diagnostic[] = [];
  const sources = new Set<string>();
  /** Which plugin added each file, by its path in the project. */
  const addedBy = new Map<string, PluginReference>();
  for (const plugin of inputs.plugins) {
    const problem = (message: string, stack?: string) => diagnostics.push({ ...diagnostic(plugin.position, `plugin "${plugin.value}" ${message}`), ...(stack ? { stack } : {}) });
    const resolved = resolvePlugin(plugin.value, dirname(inputs.specPath));
    if (!resolved.ok) {
      problem(`cannot be found: ${resolved.reason}`);
      continue;
    }
    let run: (context: PluginContext) => unknown;
    try {
      const imported = await importPlugin(resolved.file, ts, inputs.cwd);
      for (const file of imported.files) sources.add(file);
      if (typeof imported.defaultExport !== "function") {
        problem(`must default-export a function (context) => void | Promise<void>, not ${describeValue(imported.defaultExport)}`);
        continue;
      }
      run = imported.defaultExport as typeof run;
    } catch (error) {
      sources.add(resolved.file);
      if (error instanceof PluginImportError) diagnostics.push(...error.diagnostics);
      problem(`cannot be loaded: ${messageOf(error)}`, stackOf(error));
      continue;
    }
    const before = new Set(project.getSourceFiles().map((file) => file.getFilePath() as string));
    const createSourceFile = (name: string, content: PluginFileContent): SourceFile => {
      const refusal = nameProblem(name, reserved, addedBy);
      if (refusal !== undefined) {
        problem(refusal);
        throw new NameRefused(`errgen: plugin "${plugin.value}" ${refusal}`);
      }
      return project.createSourceFile(`${PACKAGE_ROOT}/src/${name}.ts`, content);
    };
    try {
      await run(Object.freeze({ model, project, createSourceFile }));
    } catch (error) {
      if (!(error instanceof NameRefused)) problem(`failed: ${messageOf(error)}`, stackOf(error));
    }
    for (const file of project.getSourceFiles()) {
      const path = file.getFilePath() as string;
      if (!before.has(path) && !own.has(path)) addedBy.set(path, plugin);
    }
  }
  diagnostics.push(...ownFilesProblems(project, own, inputs, addedBy));
  if (diagnostics.length > 0) return failed(diagnostics, project, inputs);
  const built = buildAddedFiles(project, addedBy, inputs, tsMorph);
  if (!built.ok) return failed(built.diagnostics, project, inputs);
  return { ok: true, added: built.added, files: built.files, sources: [...sources].sort() };
}

/** Why a plugin may not add `src/<name>.ts`, or undefined when it may. */
function nameProblem(name: unknown, reserved: ReadonlyMap<string, string>, addedBy: ReadonlyMap<string, PluginReference>): string | undefined {
  if (typeof name !== "string" || !MODULE_NAME.test(name)) {
    return `adds a module named ${JSON.stringify(name)}: a name is lowercase letters, digits and -, in segments joined by / (such as http-status), without an extension`;
  }
  const folder = name.split("/")[0]!;
  const taken = ERRGEN_FOLDERS.includes(folder) && name.includes("/") ? `errgen's own folder src/${folder}/` : reserved.get(name);
  if (taken !== undefined) return `adds "${name}", which is ${taken}: choose another name`;
  const other = addedBy.get(`${PACKAGE_ROOT}/src/${name}.ts`);
  if (other !== undefined) return `adds "${name}", which plugin "${other.value}" already added: choose another name`;
  return undefined;
}

/** A name refused by createSourceFile: the diagnostic is already recorded, whatever the plugin does with the throw. */
class NameRefused extends Error {}

/** Files a plugin made through context.project where errgen builds nothing, and changes to errgen's own modules. */
function ownFilesProblems(project: Project, own: ReadonlyMap<string, string>, inputs: PluginInputs, addedBy: Map<string, PluginReference>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const file of project.getSourceFiles()) {
    const path = file.getFilePath() as string;
    const original = own.get(path);
    if (original !== undefined) {
      if (file.getFullText() !== original) problems.push(diagnostic(inputs.plugins[0]!.position, `a plugin changed errgen's own ${path.slice(PACKAGE_ROOT.length + 1)}: add a module with context.createSourceFile instead`));
      continue;
    }
    const plugin = addedBy.get(path)!;
    const name = moduleNameOf(path);
    if (name === undefined || !MODULE_NAME.test(name)) {
      problems.push(diagnostic(plugin.position, `plugin "${plugin.value}" adds ${path}, where errgen builds nothing: add modules with context.createSourceFile(name, …), as src/<name>.ts`));
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

/** The diagnostics, with the text of the added files they point into. */
function failed(diagnostics: readonly Diagnostic[], project: Project, inputs: PluginInputs): Failed {
  return { ok: false, diagnostics: sortDiagnostics(diagnostics), source: (file) => project.getSourceFiles().find((source) => shownPath(source.getFilePath(), inputs) === file)?.getFullText() };
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}
