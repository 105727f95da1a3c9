// `src/categories.ts`: per category (first code segment) a code type and a guard. They follow the
// code path, so codes this package does not know yet still land in the right category.
import type { CategoryModel, Model } from "../model/model.ts";
import { deprecation } from "./code-doc.ts";
import type { DeclarationIR, ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitCategories(model: Model): ModuleIR {
  return {
    path: MODULE.categories,
    reexports: [],
    declarations: model.categories.flatMap(categoryDeclarations),
  };
}

export function categoryDeclarations(category: CategoryModel): DeclarationIR[] {
  return [
    {
      kind: "type",
      name: category.typeName,
      exported: true,
      docs: `A code of the \`${category.name}\` category: \`${category.name}\` itself or any code below it.`,
      type: `${stringLiteral(category.name)} | \`${category.name}.\${string}\``,
    },
    {
      kind: "function",
      name: category.guardName,
      exported: true,
      docs: [
        `Whether \`value\` is a code of the \`${category.name}\` category, known to this package or not. Returns a boolean for any input and never throws.`,
        ...deprecation(category),
      ].join("\n\n"),
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${category.typeName}`,
      body: [`return isCodeIn(value, ${stringLiteral(category.name)});`],
    },
  ];
}
