// What every module emitter may ask about the package as a whole, computed once per run.
import { compareText } from "../diagnostics.ts";
import type { ClassHome, ClassModel, Model } from "../model/model.ts";
import { MODULE } from "./modules.ts";
import { names, type ImportIR } from "./ir/module-ir.ts";

export interface EmitContext {
  readonly model: Model;
  readonly classByName: ReadonlyMap<string, ClassModel>;
}

export function emitContext(model: Model): EmitContext {
  return {
    model,
    classByName: new Map(model.classes.map((entry) => [entry.name, entry])),
  };
}

/** The module a class (or a category's guard) lives in. */
export function moduleOfHome(home: ClassHome): string {
  return home.kind === "root" ? MODULE.errors : home.kind === "shared" ? home.module : `products/${home.product}`;
}

/** Re-exports of classes (and the base class) declared in other modules, grouped by module in a stable order. */
export function reexportsFor(context: EmitContext, fromModule: string, classNames: Iterable<string>): ImportIR[] {
  const byModule = new Map<string, string[]>();
  for (const name of classNames) {
    const module = name === context.model.baseClass ? MODULE.base : moduleOfHome(context.classByName.get(name)!.home);
    if (module === fromModule) continue;
    const list = byModule.get(module);
    if (!list) byModule.set(module, [name]);
    else if (!list.includes(name)) list.push(name);
  }
  return [...byModule].sort(([a], [b]) => compareText(a, b)).map(([from, list]) => ({ from, names: names(list) }));
}
