// The fixed runtime of every package, taken from generator/runtime/ (real TypeScript) by module and
// name: see generator/runtime/README.md. The spec's names come in by one substitution: the root class,
// `ApiError` in the runtime's sources, becomes the spec's `baseClass`.
import type { DeclarationIR } from "./ir/module-ir.ts";
import { RUNTIME_DECLARATIONS } from "./runtime-declarations.ts";

/** The root class's name in generator/runtime/. */
const RUNTIME_BASE_CLASS = /\bApiError\b/g;

/** What an emitter may change in a runtime declaration: whether it is exported, and a variable's value (a stand-in's). */
export interface RuntimeOverrides {
  readonly exported?: boolean;
  readonly value?: string;
}

/** A declaration of a runtime module, for a package whose root class is `baseClass`. */
export function runtimeDeclaration(module: string, name: string, baseClass: string, overrides: RuntimeOverrides = {}): DeclarationIR {
  const declaration = RUNTIME_DECLARATIONS[module]?.[name];
  if (declaration === undefined) throw new Error(`generator/runtime/${module}.ts declares no ${name}`);
  // The base class is a validated identifier, so it is safe inside JSON text and whole words only change.
  const named = JSON.parse(JSON.stringify(declaration).replace(RUNTIME_BASE_CLASS, baseClass)) as DeclarationIR;
  if (overrides.value !== undefined) {
    if (named.kind !== "const" && named.kind !== "let") throw new Error(`generator/runtime/${module}.ts: ${name} is not a variable`);
    return { ...named, value: overrides.value, ...(overrides.exported === undefined ? {} : { exported: overrides.exported }) };
  }
  if (overrides.exported === undefined || named.kind === "enum" || named.kind === "interface" || named.kind === "class") return named;
  return { ...named, exported: overrides.exported };
}

/** Several declarations of one runtime module, in the order given. */
export function runtimeDeclarations(module: string, names: readonly string[], baseClass: string): DeclarationIR[] {
  return names.map((name) => runtimeDeclaration(module, name, baseClass));
}
