// Imports a plugin module and finds the files it is made of (for the output cache). A plugin of the
// project's own, written as an ES module (`.ts`, `.mts`, `.mjs`, or `.js` where package.json says
// "type": "module"), is read with the modules it imports by relative path, `.ts` transpiled in memory by
// the compiler ts-morph bundles, every import made absolute and `import.meta.url` the file's, and
// imported as data: URLs: loaded afresh on every run of a long-running process (watch, the API), nothing
// written anywhere, stack traces naming the files. CommonJS, an installed package, or ES modules that
// import each other in a cycle are imported by Node as they are.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ts as TypeScript } from "ts-morph";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { ERRGEN_ROOT } from "../errgen-files.ts";
import { displayPath, findProjectRoot } from "../load/spec-files.ts";
import { isFile, isPathReference, resolvePackage } from "./resolve-plugin.ts";

type Ts = typeof TypeScript;

/** A plugin module that could not be imported: the reason, or problems at their places in its files. */
export class PluginImportError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

export interface ImportedPlugin {
  /** The module's default export, whatever it is. */
  readonly defaultExport: unknown;
  /** The plugin's own files: its module and every file it imports by a relative path, transitively. */
  readonly files: readonly string[];
}

const TRANSPILED = new Set([".ts", ".mts"]);

/** Imports `file`; throws PluginImportError when it cannot be transpiled. Errors of the import itself propagate. */
export async function importPlugin(file: string, ts: Ts, cwd: string): Promise<ImportedPlugin> {
  const files = new Set<string>();
  collectLocalFiles(file, ts, files);
  // An installed plugin's package.json changes with every release, whichever of its files change.
  const manifest = file.split(/[\\/]/).includes("node_modules") ? nearestManifest(file) : undefined;
  if (manifest !== undefined) files.add(manifest);
  const namespace = (await import(urlOf(file, ts, cwd))) as { default?: unknown };
  // A CommonJS module compiled from `export default` has its function one level down.
  const exported = namespace.default;
  const defaultExport = typeof exported === "object" && exported !== null && typeof (exported as { default?: unknown }).default === "function" ? (exported as { default: unknown }).default : exported;
  return { defaultExport, files: [...files].sort() };
}

/** The URL `file` is imported by: a data: URL from the module graph where it can be, else the file's. */
function urlOf(file: string, ts: Ts, cwd: string): string {
  if (!inGraph(file)) return nativeUrl(file);
  try {
    return new ModuleGraph(ts, cwd).urlOf(file);
  } catch (error) {
    // JavaScript that imports itself in a cycle runs as Node loads it; TypeScript cannot.
    if (error instanceof ImportCycle && !TRANSPILED.has(extname(file))) return nativeUrl(file);
    throw error;
  }
}

/** Node keeps a module by its URL for the life of the process: a changed file gets a new one (the modules it imports do not). */
function nativeUrl(file: string): string {
  return `${pathToFileURL(file).href}?errgen=${contentHash(file)}`;
}

/** Whether a file is loaded through the module graph: an ES module of the project's own (installed packages are not edited under a running watch). */
function inGraph(file: string): boolean {
  if (file.split(/[\\/]/).includes("node_modules")) return false;
  const extension = extname(file);
  if (TRANSPILED.has(extension) || extension === ".mjs") return true;
  if (extension !== ".js") return false;
  const manifest = nearestManifest(file);
  try {
    return manifest !== undefined && (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
  } catch {
    return false;
  }
}

class ImportCycle extends PluginImportError {}

function contentHash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
}

/** The file a relative import in `from` names: from TypeScript, its `.ts` twin first (TypeScript's way); then as written, or with an extension or index added. */
function localFile(specifier: string, from: string): string | undefined {
  const path = resolve(dirname(from), specifier);
  const twin = TRANSPILED.has(extname(from)) ? [path.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts")] : [];
  const candidates = [...twin, path, `${path}.ts`, `${path}.mts`, `${path}.js`, `${path}.mjs`, join(path, "index.ts"), join(path, "index.js")];
  return candidates.find(isFile);
}

/** `file` and every file it imports by a relative path, for the cache: what a change to the plugin can touch. */
function collectLocalFiles(file: string, ts: Ts, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return;
  }
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    if (!imported.fileName.startsWith(".")) continue;
    const target = localFile(imported.fileName, file);
    if (target !== undefined) collectLocalFiles(target, ts, seen);
  }
}

/** The package.json that governs `file`, when there is one. */
function nearestManifest(file: string): string | undefined {
  const manifest = join(findProjectRoot(dirname(file)), "package.json");
  return isFile(manifest) ? manifest : undefined;
}

/** The modules of one plugin that go through data: URLs, each read (and, for `.ts`, transpiled) once. */
class ModuleGraph {
  private readonly urls = new Map<string, string>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly ts: Ts,
    private readonly cwd: string,
  ) {}

  urlOf(file: string): string {
    const known = this.urls.get(file);
    if (known !== undefined) return known;
    if (this.inProgress.has(file)) {
      throw new ImportCycle(`${displayPath(file, this.cwd)} is part of an import cycle between the plugin's modules, which errgen cannot load for a .ts plugin: break the cycle, or compile the plugin to .js`);
    }
    this.inProgress.add(file);
    const text = readFileSync(file, "utf8");
    const javascript = TRANSPILED.has(extname(file)) ? this.transpiled(file, text) : text;
    // import.meta of a data: URL says nothing about the file: its url, filename and dirname are the file's.
    const meta = { url: pathToFileURL(file).href, filename: file, dirname: dirname(file) };
    const withMeta = this.withAbsoluteImports(javascript, file).replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, key: keyof typeof meta) => JSON.stringify(meta[key]));
    const code = `${withMeta}\n//# sourceURL=${meta.url}\n`;
    const url = `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
    this.inProgress.delete(file);
    this.urls.set(file, url);
    return url;
  }

  private transpiled(file: string, text: string): string {
    const { ts } = this;
    const output = ts.transpileModule(text, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: false },
    });
    const problems = (output.diagnostics ?? []).filter((problem) => problem.category === ts.DiagnosticCategory.Error);
    if (problems.length > 0) throw new PluginImportError(`${displayPath(file, this.cwd)} does not compile`, problems.map((problem) => this.diagnosticOf(problem, file, text)));
    return output.outputText;
  }

  /** The transpiled module with each import's specifier replaced by an absolute URL (data: URLs resolve nothing else). */
  private withAbsoluteImports(code: string, file: string): string {
    const imports = this.ts.preProcessFile(code, true, true).importedFiles;
    let result = code;
    for (const imported of [...imports].sort((a, b) => b.pos - a.pos)) {
      const specifier = imported.fileName;
      if (code.slice(imported.pos + 1, imported.end + 1) !== specifier) continue; // an escaped literal: left to fail as written
      const target = this.targetOf(specifier, file);
      result = `${result.slice(0, imported.pos)}${JSON.stringify(target)}${result.slice(imported.end + 2)}`;
    }
    return result;
  }

  private targetOf(specifier: string, file: string): string {
    if (isBuiltin(specifier) || /^(node|data|file):/.test(specifier)) return specifier;
    const fromDir = dirname(file);
    if (isPathReference(specifier)) {
      const target = localFile(specifier, file);
      if (target === undefined) throw new PluginImportError(`${displayPath(file, this.cwd)} imports "${specifier}", which is not there`);
      return inGraph(target) ? this.urlOf(target) : pathToFileURL(target).href;
    }
    const show = (path: string) => displayPath(path, this.cwd);
    let resolved = resolvePackage(specifier, fromDir, show);
    // ts-morph is errgen's own dependency: a plugin gets the copy its context.project comes from when its project has none.
    if (!resolved.ok && (specifier === "ts-morph" || specifier.startsWith("ts-morph/"))) resolved = resolvePackage(specifier, ERRGEN_ROOT, show);
    if (!resolved.ok) throw new PluginImportError(`${displayPath(file, this.cwd)} imports "${specifier}": ${resolved.reason}`);
    return pathToFileURL(resolved.file).href;
  }

  private diagnosticOf(problem: TypeScript.Diagnostic, file: string, text: string): Diagnostic {
    const { ts } = this;
    const message = ts.flattenDiagnosticMessageText(problem.messageText, " ");
    const start = problem.start ?? 0;
    const before = text.slice(0, start).split("\n");
    return diagnostic({ file: displayPath(file, this.cwd), line: before.length, column: before.at(-1)!.length + 1 }, `the plugin does not compile (TS${problem.code}): ${message}`);
  }
}
