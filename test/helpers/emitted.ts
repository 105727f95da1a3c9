// Reading what an emitter described: a declaration by name, and a module printed as TypeScript.
import type { DeclarationIR, ModuleIR } from "../../generator/emit/ir/module-ir.ts";
import { printModule } from "../../generator/emit/ir/print-ir.ts";

export function declarationNamed(module: ModuleIR, name: string, kind?: DeclarationIR["kind"]): DeclarationIR {
  const found = module.declarations.find((declaration) => declaration.name === name && (kind === undefined || declaration.kind === kind));
  if (found === undefined) throw new Error(`${module.path} declares no ${kind ?? ""} ${name}`);
  return found;
}

/** The names a module declares, as `kind name`, in order. */
export function declared(module: ModuleIR): string[] {
  return module.declarations.map((declaration) => `${declaration.kind} ${declaration.name}`);
}

export function typescriptOf(module: ModuleIR): string {
  return printModule(module, "ts", "// test");
}
