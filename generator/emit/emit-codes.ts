// `src/codes.ts`: the enum of every code, the union of their strings, and its guard.
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Model } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, listDeclaration, type TypeScriptPrinter } from "./print-typescript.ts";
import { codeDoc } from "./code-doc.ts";
import { stringLiteral } from "./safe-text.ts";

export const CODES_MODULE = "codes";

export function emitCodes(model: Model, printer: TypeScriptPrinter): EmittedFile {
  return printer.print(`src/${CODES_MODULE}.ts`, [], [
    {
      kind: StructureKind.Enum,
      isExported: true,
      name: model.codeEnum,
      docs: [`Every error code of ${model.package.name}: the member is the code's identifier, the value the code itself.`],
      members: model.codes.map((code) => ({ name: code.identifier, value: code.code, docs: [codeDoc(code)] })),
    },
    listDeclaration({
      docs: "The string of every code this package knows.",
      head: "export type KnownErrorCode",
      layout: "union",
      items: model.codes.map((code) => stringLiteral(code.code)),
    }),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      docs: ["Filled on first use, so that importing the enum costs nothing."],
      declarations: [{ name: "knownCodes", type: "ReadonlySet<string> | undefined" }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: model.codeEnumGuard,
      docs: [`Whether \`value\` is one of the codes of {@link ${model.codeEnum}}. Returns a boolean for any input and never throws.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${model.codeEnum}`,
      statements: body(
        `knownCodes ??= new Set<string>(Object.values(${model.codeEnum}));`,
        "return typeof value === \"string\" && knownCodes.has(value);",
      ),
    },
  ]);
}
