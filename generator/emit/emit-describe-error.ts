// `src/catalogue.ts` (the codes' descriptions as data) and `src/describe-error.ts` (`describeError`).
// Apart from the classes, so a consumer that never describes an error does not bundle the text.
import type { CodeModel, Model } from "../model/model.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
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
    imports: [{ from: MODULE.describeError, names: names("type CatalogueEntry") }],
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

export function emitDescribeError(): ModuleIR {
  return {
    path: MODULE.describeError,
    imports: [
      { from: MODULE.base, names: names("type ErrorFault") },
      { from: MODULE.catalogue, names: names("CATALOGUE") },
    ],
    reexports: [],
    declarations: [
      { kind: "type", name: "ErrorLocale", exported: true, docs: "The languages of the catalogue's descriptions.", type: '"en" | "zh"' },
      {
        kind: "interface",
        name: "ErrorDescription",
        docs: "What the catalogue says about a code.",
        properties: [
          { name: "code", type: "string", docs: "The code." },
          { name: "description", type: "string", docs: "What the error means, in the language `locale` names." },
          { name: "locale", type: "ErrorLocale", docs: "The language of `description`: the one asked for when the catalogue has it in that language, else the other (English for a language it does not have)." },
          { name: "category", type: "string", docs: "The code's first segment." },
          { name: "retryable", type: "boolean", docs: "Whether the same request may succeed when repeated." },
          { name: "fault", type: "ErrorFault | undefined", docs: "Whose fault the error is, when the catalogue says." },
        ],
      },
      {
        kind: "type",
        name: "CatalogueEntry",
        exported: true,
        docs: "One code's line in a catalogue. Not part of the package's API.",
        type: "readonly [code: string, description: string | null, descriptionZh: string | null, retryable: boolean, fault: ErrorFault | null]",
      },
      {
        kind: "type",
        name: "Describer",
        exported: true,
        docs: "`describeError` over one catalogue. Not part of the package's API.",
        type: "(code: string, locale: string) => ErrorDescription | undefined",
      },
      {
        kind: "function",
        name: "createDescriber",
        exported: true,
        docs: "A describer over a catalogue, indexed on first use. Not part of the package's API.",
        parameters: [{ name: "catalogue", type: "readonly CatalogueEntry[]" }],
        returnType: "Describer",
        body: ["return describeIn.bind(undefined, new Map(), catalogue);"],
      },
      {
        kind: "function",
        name: "describeIn",
        exported: false,
        docs: "What `catalogue` says about `code`; `index` is filled on the first call.",
        parameters: [
          { name: "index", type: "Map<string, CatalogueEntry>" },
          { name: "catalogue", type: "readonly CatalogueEntry[]" },
          { name: "code", type: "string" },
          { name: "locale", type: "string" },
        ],
        returnType: "ErrorDescription | undefined",
        body: [
          "if (index.size === 0) for (const entry of catalogue) index.set(entry[0], entry);",
          'const entry = typeof code === "string" ? index.get(code) : undefined;',
          "if (entry === undefined) return undefined;",
          "const [, description, descriptionZh, retryable, fault] = entry;",
          "// Chinese for `zh` and its tags (`zh-CN`, `zh-Hans`); English for anything else. A code has one description at least.",
          'const chinese = typeof locale === "string" && /^zh(?:-|$)/i.test(locale);',
          'const inChinese = descriptionZh !== null && (chinese || description === null);',
          'const dot = code.indexOf(".");',
          "return {",
          "  code,",
          '  description: (inChinese ? descriptionZh : description) ?? "",',
          '  locale: inChinese ? "zh" : "en",',
          "  category: dot === -1 ? code : code.slice(0, dot),",
          "  retryable,",
          "  fault: fault ?? undefined,",
          "};",
        ],
      },
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
