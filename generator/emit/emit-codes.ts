// `src/codes.ts`: the enum of every code, the union of their strings, and its guard.
import type { Model } from "../model/model.ts";
import { memberDoc } from "./code-doc.ts";
import type { DeclarationIR, ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitCodes(model: Model): ModuleIR {
  return {
    path: MODULE.codes,
    reexports: [],
    declarations: [
      {
        kind: "enum",
        name: model.codeEnum,
        docs: `Every error code of ${model.package.name}: the member is the code's identifier, the value the code itself.`,
        members: model.codes.map((code) => ({ name: code.identifier, value: code.code, docs: memberDoc(code) })),
      },
      codeObjectDeclaration(model.codeObject, model.codeEnum, model.package.name),
      {
        kind: "type",
        name: "KnownErrorCode",
        exported: true,
        docs: "The string of every code this package knows.",
        type: { union: model.codes.map((code) => stringLiteral(code.code)) },
      },
      ...codeGuardDeclarations(model.codeEnumGuard, model.codeEnum, "knownCodes"),
    ],
  };
}

/** The guard of an enum's codes, with the set it fills on first use, so that importing the enum costs nothing. */
export function codeGuardDeclarations(guard: string, codeEnum: string, cache: string): DeclarationIR[] {
  return [
    { kind: "let", name: cache, exported: false, type: "ReadonlySet<string> | undefined", docs: "Filled on first use, so that importing the enum costs nothing." },
    {
      kind: "function",
      name: guard,
      exported: true,
      docs: `Whether \`value\` is one of the codes of {@link ${codeEnum}}. Returns a boolean for any input and never throws.`,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${codeEnum}`,
      body: [`${cache} ??= new Set(Object.values(${codeEnum}));`, `return typeof value === "string" && ${cache}.has(value);`],
    },
  ];
}

/**
 * The enum's erasable twin: the same members as a frozen plain object, typed member by member, for
 * projects that do not use enums (`erasableSyntaxOnly`, lint rules). Its values are the union's strings.
 */
export function codeObjectDeclaration(name: string, codeEnum: string, owner: string): DeclarationIR {
  return {
    kind: "const",
    name,
    exported: true,
    docs: `Every code of ${owner} as a frozen plain object, for code that avoids enums: the same members as {@link ${codeEnum}}, each typed as its code string.`,
    type: `{ readonly [K in keyof typeof ${codeEnum}]: \`\${(typeof ${codeEnum})[K]}\` }`,
    value: `Object.freeze({ ...${codeEnum} })`,
    pure: true,
  };
}
