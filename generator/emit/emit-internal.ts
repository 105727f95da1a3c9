// `src/internal.ts`: small helpers the other modules share; not exported from the package entry.
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Model } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, type TypeScriptPrinter } from "./print-typescript.ts";
import { stringLiteral } from "./safe-text.ts";

export const INTERNAL_MODULE = "internal";

export function emitInternal(model: Model, printer: TypeScriptPrinter): EmittedFile {
  return printer.print(`src/${INTERNAL_MODULE}.ts`, [], [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["Marks this package's errors. `Symbol.for` makes it the same symbol in every copy and version of the package."],
      declarations: [{ name: "ERROR_BRAND", type: "unique symbol", initializer: `Symbol.for(${stringLiteral(model.brand)})` }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "ownField",
      docs: ["An own property of an object, else `undefined`. Never reads through the prototype chain, never throws for plain data."],
      parameters: [{ name: "value", type: "unknown" }, { name: "key", type: "string" }],
      returnType: "unknown",
      statements: body(
        "return typeof value === \"object\" && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;",
      ),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "isCodeIn",
      docs: ["Whether `code` is `path` or a code below it (`path.…`). Every non-empty code is below the root path `\"\"`."],
      parameters: [{ name: "code", type: "unknown" }, { name: "path", type: "string" }],
      returnType: "boolean",
      statements: body(
        "if (typeof code !== \"string\") return false;",
        "if (path === \"\") return code !== \"\";",
        "return code === path || (code.length > path.length && code.charCodeAt(path.length) === 46 && code.startsWith(path));",
      ),
    },
  ]);
}
