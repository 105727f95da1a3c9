// The fixed runtime of every package, taken from generator/runtime/ (real TypeScript) by module and
// name: see generator/runtime/README.md. The spec's names come in by one substitution of whole words:
// the root class, `ApiError` in the runtime's sources, becomes the spec's `baseClass`, and the example
// the runtime's docs give (`AuthFailure.SignatureFailure`, its identifier and class) becomes the spec's own.
import type { Model } from "../model/model.ts";
import type { DeclarationIR } from "./ir/module-ir.ts";
import { RUNTIME_DECLARATIONS } from "./runtime-declarations.ts";

/** What the runtime's sources call the spec's names. */
const RUNTIME_NAMES = /\b(?:ApiError|AuthFailure\.SignatureFailure|AuthFailureSignatureFailureError|AuthFailureSignatureFailure)\b/g;

/** The spec's names the runtime's are replaced with. */
export type RuntimeNames = Pick<Model, "baseClass" | "example">;

/** What an emitter may change in a runtime declaration: whether it is exported, and a variable's value (a stand-in's). */
export interface RuntimeOverrides {
  readonly exported?: boolean;
  readonly value?: string;
}

/** A declaration of a runtime module, with the package's own names in place of the runtime's. */
export function runtimeDeclaration(module: string, name: string, names: RuntimeNames, overrides: RuntimeOverrides = {}): DeclarationIR {
  const declaration = RUNTIME_DECLARATIONS[module]?.[name];
  if (declaration === undefined) throw new Error(`generator/runtime/${module}.ts declares no ${name}`);
  // The replacements are validated identifiers and codes (no quote, no backslash): safe inside JSON text.
  const replacement: Record<string, string> = {
    ApiError: names.baseClass,
    "AuthFailure.SignatureFailure": names.example.code,
    AuthFailureSignatureFailureError: names.example.className,
    AuthFailureSignatureFailure: names.example.identifier,
  };
  const named = JSON.parse(JSON.stringify(declaration).replace(RUNTIME_NAMES, (word) => replacement[word]!)) as DeclarationIR;
  if (overrides.value !== undefined) {
    if (named.kind !== "const" && named.kind !== "let") throw new Error(`generator/runtime/${module}.ts: ${name} is not a variable`);
    return { ...named, value: overrides.value, ...(overrides.exported === undefined ? {} : { exported: overrides.exported }) };
  }
  if (overrides.exported === undefined || named.kind === "enum" || named.kind === "interface" || named.kind === "class") return named;
  return { ...named, exported: overrides.exported };
}

/** Several declarations of one runtime module, in the order given. */
export function runtimeDeclarations(module: string, declarations: readonly string[], names: RuntimeNames): DeclarationIR[] {
  return declarations.map((name) => runtimeDeclaration(module, name, names));
}
