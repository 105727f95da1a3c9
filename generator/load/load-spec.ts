// The load stage: the root spec and the product specs it includes, parsed into positioned YAML.
import { diagnostic, formatShortPosition, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import { loadYaml, valueAt, type YamlNode } from "./load-yaml.ts";
import { formatMiB, MAX_SPEC_BYTES, SpecEncodingError, SpecReadError, type SpecFiles, type SpecLocation } from "./spec-files.ts";

export interface LoadedFile {
  readonly location: SpecLocation;
  readonly root: YamlNode | undefined;
}

export interface LoadedSpec {
  readonly root: LoadedFile;
  /** Product specs in the order the root lists them, each listed once; unreadable ones left out (with a diagnostic). */
  readonly products: readonly LoadedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads the root spec (a SpecReadError for it propagates: a usage error) and every product spec it lists. */
export function loadSpec(files: SpecFiles): LoadedSpec {
  let rootText: string;
  try {
    rootText = files.read(files.root.path);
  } catch (error) {
    if (!(error instanceof SpecEncodingError)) throw error;
    return { root: { location: files.root, root: undefined }, products: [], diagnostics: [error.diagnostic] };
  }
  const loaded = loadYaml(rootText, files.root.displayPath, "a mapping with specVersion, package and codes");
  const diagnostics = [...loaded.diagnostics];
  const products: LoadedFile[] = [];
  const seen = new Map<string, SourcePosition>();
  let total = rootText.length;
  for (const item of includedPaths(loaded.root)) {
    const path = files.resolve(files.root, item.value);
    const first = seen.get(path);
    if (first) {
      diagnostics.push(diagnostic(item.position, `product spec "${item.value}" is listed twice (first at ${formatShortPosition(first)}): keep one`));
      continue;
    }
    seen.set(path, item.position);
    const location = files.locate(path);
    // Never read, so never quoted: a spec that names /etc/passwd must not print it into a CI log.
    if (!files.isBelowRoot(path)) {
      diagnostics.push(diagnostic(item.position, `product spec "${item.value}" is outside the root spec's folder: errgen reads product specs only from that folder and below; move it there`));
      continue;
    }
    try {
      const text = files.read(path);
      total += text.length;
      if (total > MAX_SPEC_BYTES) {
        diagnostics.push(diagnostic(item.position, `product spec "${item.value}" brings the spec files to ${formatMiB(total)}, more than errgen reads (${formatMiB(MAX_SPEC_BYTES)} together): split the API into several packages`));
        continue;
      }
      const product = loadYaml(text, location.displayPath, "a mapping with product, version and codes");
      for (const entry of product.diagnostics) diagnostics.push(entry);
      products.push({ location, root: product.root });
    } catch (error) {
      if (error instanceof SpecEncodingError) diagnostics.push(error.diagnostic);
      else if (error instanceof SpecReadError) diagnostics.push(diagnostic(item.position, `cannot read product spec "${item.value}" (${location.displayPath}): ${error.reason}`));
      else throw error;
    }
  }
  return { root: { location: files.root, root: loaded.root }, products, diagnostics };
}

export interface SpecSources {
  /** Path and text of the root spec and of each product spec it lists, in order; unreadable ones left out. */
  readonly texts: readonly (readonly [path: string, text: string])[];
  /** The root spec and every product spec it lists, readable or not: what `watch` watches. */
  readonly paths: readonly string[];
  /** The root spec's `package.name`, `output` and `templates`, when it has them as strings. */
  readonly packageName: string | undefined;
  readonly output: string | undefined;
  readonly templates: string | undefined;
  /** The root spec's `plugins:`, as written. */
  readonly plugins: readonly PluginReference[];
}

/** An item of the root spec's `plugins:` list: a path relative to the spec, or a package name. */
export interface PluginReference {
  readonly value: string;
  /** Where the spec lists it: every diagnostic about the plugin points here. */
  readonly position: SourcePosition;
}

/** What a run depends on, read without validating anything: for the up-to-date check before a full run. */
export function readSpecSources(files: SpecFiles): SpecSources {
  const rootText = files.read(files.root.path);
  const root = loadYaml(rootText, files.root.displayPath).root;
  const texts: (readonly [string, string])[] = [[files.root.path, rootText]];
  const paths = [files.root.path];
  for (const item of includedPaths(root)) {
    const path = files.resolve(files.root, item.value);
    if (!files.isBelowRoot(path)) continue; // refused by the load, never read
    paths.push(path);
    try {
      texts.push([path, files.read(path)]);
    } catch (error) {
      if (!(error instanceof SpecReadError)) throw error;
    }
  }
  return { texts, paths, packageName: stringAt(root, "package", "name"), output: stringAt(root, "output"), templates: stringAt(root, "templates"), plugins: pluginReferences(root) };
}

/** The string at a path of mapping keys, before any validation: what a run needs to know to look for its output. */
function stringAt(root: YamlNode | undefined, ...keys: string[]): string | undefined {
  const node = valueAt(root, ...keys);
  return node?.kind === "scalar" && typeof node.value === "string" ? node.value : undefined;
}

/** The root's `plugins:`, in order; the validator reports anything that is not a non-empty string. */
export function pluginReferences(root: YamlNode | undefined): PluginReference[] {
  return stringItems(root, "plugins");
}

/** The string items of the root's `products:` list; the validator reports anything else found there. */
function includedPaths(root: YamlNode | undefined): { value: string; position: SourcePosition }[] {
  return stringItems(root, "products");
}

function stringItems(root: YamlNode | undefined, key: string): { value: string; position: SourcePosition }[] {
  const list = valueAt(root, key);
  if (list?.kind !== "seq") return [];
  return list.items.flatMap((item) =>
    item.kind === "scalar" && typeof item.value === "string" && item.value.trim() !== "" ? [{ value: item.value, position: item.position }] : [],
  );
}
