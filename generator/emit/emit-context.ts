// What every module emitter may ask about the package as a whole, computed once per run.
import type { ClassHome, ClassModel, Model } from "../model/model.ts";
import { MODULE } from "./modules.ts";
import { names, type ImportIR } from "./ir/module-ir.ts";

export interface EmitContext {
  readonly model: Model;
  /** Class names that other classes extend: their static `code` is typed as a family. */
  readonly parents: ReadonlySet<string>;
  readonly classByName: ReadonlyMap<string, ClassModel>;
}

export function emitContext(model: Model): EmitContext {
  return {
    model,
    parents: new Set(model.classes.map((entry) => entry.parent)),
    classByName: new Map(model.classes.map((entry) => [entry.name, entry])),
  };
}

/** The module a class (or a category's guard) lives in. */
export function moduleOfHome(home: ClassHome): string {
  return home.kind === "root" ? MODULE.errors : home.kind === "shared" ? home.module : `products/${home.product}`;
}

/**
 * Imports for names defined in other modules, grouped by module in a stable order: classes by their
 * home, the base class from `base`. Names defined in `fromModule` itself are skipped.
 */
export function importsFor(context: EmitContext, fromModule: string, classNames: Iterable<string>, extra: readonly ImportIR[] = []): ImportIR[] {
  const byModule = new Map<string, string[]>();
  const add = (module: string, name: string) => {
    if (module === fromModule) return;
    const list = byModule.get(module);
    if (!list) byModule.set(module, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const name of classNames) {
    if (name === context.model.baseClass) add(MODULE.base, name);
    else add(moduleOfHome(context.classByName.get(name)!.home), name);
  }
  for (const entry of extra) for (const name of entry.names) add(entry.from, name.typeOnly ? `type ${name.name}` : name.name);
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, list]) => ({ from, names: names(list) }));
}
