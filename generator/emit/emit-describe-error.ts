// `src/catalogue.ts` (the codes' descriptions as data) and `src/describe-error.ts` (`describeError`).
// Apart from the classes, so a consumer that never describes an error does not bundle the text.
import type { CodeModel, Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclarations } from "./runtime.ts";
import { stringLiteral } from "./safe-text.ts";

/** A catalogue line: `[code, description, descriptionZh, retryable, fault]`, null where the spec is silent. */
export function catalogueEntry(code: CodeModel): string {
  const text = (value: string | undefined) => (value === undefined ? "null" : stringLiteral(value));
  return `[${stringLiteral(code.code)}, ${text(code.description)}, ${text(code.descriptionZh)}, ${code.retryable}, ${text(code.fault)}]`;
}

/** The type of `describeError`'s locale: a language errgen knows, or any BCP 47 tag (`zh-CN`, `en-US`, `fr`). */
export const LOCALE_PARAMETER = "ErrorLocale | (string & {})";

/** What `describeError` and each product's describer say they do, `where` naming the catalogue. */
export function describeDocs(where: string): string {
  return `What ${where} says about \`code\`, in Chinese for \`"zh"\` and its tags (\`"zh-CN"\`), else in English (the default); the result's \`locale\` says which language its description is in. \`undefined\` for a code it does not list.`;
}

const DESCRIBE_DOCS = describeDocs("the catalogue");

export function emitCatalogue(model: Model): ModuleIR {
  return {
    path: MODULE.catalogue,
    reexports: [],
    // A list, not an object literal: codes such as `constructor` or `toString` must not meet Object's members.
    declarations: [
      {
        kind: "const",
        name: "CATALOGUE",
        exported: true,
        type: "readonly CatalogueEntry[]",
        docs: "Every code of the root spec with what the spec says about it. Not part of the package's API.",
        value: { layout: "array", items: model.codes.map(catalogueEntry) },
      },
    ],
  };
}

export function emitDescribeError(model: Model): ModuleIR {
  return {
    path: MODULE.describeError,
    reexports: [],
    declarations: [
      ...runtimeDeclarations("describe-error", ["ErrorLocale", "ErrorDescription", "CatalogueEntry", "Describer", "createDescriber", "describeIn"], model),
      {
        kind: "const",
        name: "describe",
        exported: false,
        type: "Describer",
        docs: "The describer over the root catalogue.",
        value: "createDescriber(CATALOGUE)",
        pure: true,
      },
      {
        kind: "function",
        name: "describeError",
        exported: true,
        docs: DESCRIBE_DOCS,
        parameters: [
          { name: "code", type: "string" },
          { name: "locale", type: LOCALE_PARAMETER, initializer: '"en"' },
        ],
        returnType: "ErrorDescription | undefined",
        body: ["return describe(code, locale);"],
      },
    ],
  };
}
