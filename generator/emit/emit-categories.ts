// `src/categories.ts`: per category (first code segment) a code type and a guard. They follow the
// code path, so codes this package does not know yet still land in the right category.
import { StructureKind, type StatementStructures } from "ts-morph";
import type { CategoryModel, Model } from "../model/model.ts";
import { INTERNAL_MODULE } from "./emit-internal.ts";
import type { EmittedFile } from "./emitted-file.ts";
import type { TypeScriptPrinter } from "./print-typescript.ts";
import { stringLiteral } from "./safe-text.ts";

export const CATEGORIES_MODULE = "categories";

export function emitCategories(model: Model, printer: TypeScriptPrinter): EmittedFile {
  return printer.print(`src/${CATEGORIES_MODULE}.ts`, [`import { isCodeIn } from "./${INTERNAL_MODULE}.js";`], model.categories.flatMap(categoryStatements));
}

function categoryStatements(category: CategoryModel): StatementStructures[] {
  const path = stringLiteral(category.name);
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: category.typeName,
      docs: [`A code of the \`${category.name}\` category: \`${category.name}\` itself or any code below it.`],
      type: `${path} | \`${category.name}.\${string}\``,
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: category.guardName,
      docs: [`Whether \`value\` is a code of the \`${category.name}\` category, known to this package or not. Returns a boolean for any input and never throws.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${category.typeName}`,
      statements: [`return isCodeIn(value, ${path});`],
    },
  ];
}
