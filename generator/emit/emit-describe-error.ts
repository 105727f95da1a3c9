// `src/describe-error.ts`: the catalogue as data, for `describeError`. Kept apart from the classes
// so a consumer that never describes an error does not bundle every description.
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Model } from "../model/model.ts";
import { ERRORS_MODULE } from "./emit-errors.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, listDeclaration, type TypeScriptPrinter } from "./print-typescript.ts";
import { stringLiteral } from "./safe-text.ts";

export const DESCRIBE_ERROR_MODULE = "describe-error";

export function emitDescribeError(model: Model, printer: TypeScriptPrinter): EmittedFile {
  const entries = model.codes.map((code) => {
    const zh = code.descriptionZh === undefined ? "null" : stringLiteral(code.descriptionZh);
    const fault = code.fault === undefined ? "null" : stringLiteral(code.fault);
    return `[${stringLiteral(code.code)}, ${stringLiteral(code.description)}, ${zh}, ${code.retryable}, ${fault}]`;
  });
  return printer.print(`src/${DESCRIBE_ERROR_MODULE}.ts`, [`import type { ErrorFault } from "./${ERRORS_MODULE}.js";`], [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ErrorLocale",
      docs: ["The languages of the catalogue's descriptions."],
      type: "\"en\" | \"zh\"",
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "ErrorDescription",
      docs: ["What the catalogue says about a code."],
      properties: [
        { name: "code", type: "string", docs: ["The code."] },
        { name: "description", type: "string", docs: ["What the error means, in the requested language (English when there is no translation)."] },
        { name: "category", type: "string", docs: ["The code's first segment."] },
        { name: "retryable", type: "boolean", docs: ["Whether the same request may succeed when repeated."] },
        { name: "fault", type: "ErrorFault | undefined", docs: ["Whose fault the error is, when the catalogue says."] },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: "CatalogueEntry",
      docs: ["One code's line in the catalogue."],
      type: "readonly [code: string, description: string, descriptionZh: string | null, retryable: boolean, fault: ErrorFault | null]",
    },
    // A list, not an object literal: a code such as `constructor` or `toString` must not meet Object's members.
    listDeclaration({ docs: "Every code of the package with what the spec says about it.", head: "const CATALOGUE: readonly CatalogueEntry[]", layout: "array", items: entries }),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      docs: ["Filled on first use, so that importing the module does no work."],
      declarations: [{ name: "catalogueByCode", type: "Map<string, CatalogueEntry> | undefined" }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "describeError",
      docs: ["What the catalogue says about `code`, in English (default) or Chinese; `undefined` for a code it does not list."],
      parameters: [
        { name: "code", type: "string" },
        { name: "locale", type: "ErrorLocale", initializer: "\"en\"" },
      ],
      returnType: "ErrorDescription | undefined",
      statements: body(
        "catalogueByCode ??= new Map(CATALOGUE.map((entry) => [entry[0], entry]));",
        "const entry = typeof code === \"string\" ? catalogueByCode.get(code) : undefined;",
        "if (entry === undefined) return undefined;",
        "const [, description, descriptionZh, retryable, fault] = entry;",
        "const dot = code.indexOf(\".\");",
        "return {",
        "  code,",
        "  description: locale === \"zh\" && descriptionZh !== null ? descriptionZh : description,",
        "  category: dot === -1 ? code : code.slice(0, dot),",
        "  retryable,",
        "  fault: fault ?? undefined,",
        "};",
      ),
    },
  ]);
}
