// `README.md` of the generated package, rendered by handlebars from a plain view of the model.
// Spec text reaches markdown only through the `md` and `cell` helpers, which escape it.
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Model } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { markdownCell, markdownText, propertyAccess } from "./safe-text.ts";

const TEMPLATE_FILE = fileURLToPath(new URL("../../templates/package-readme.md.hbs", import.meta.url));

export interface ReadmeView {
  readonly source: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly baseClass: string;
  readonly codeEnum: string;
  readonly codeEnumGuard: string;
  readonly codeCount: number;
  /** `body.Response.Error.Code`, with this spec's field names. */
  readonly codeAccess: string;
  readonly example: { readonly categoryClass: string; readonly categoryGuard: string; readonly code: string; readonly codeClass: string };
  readonly categories: readonly { readonly name: string; readonly className: string; readonly guardName: string; readonly codeCount: number }[];
  readonly codes: readonly {
    readonly code: string;
    readonly className: string;
    readonly description: string;
    readonly descriptionZh: string;
    readonly retryable: boolean;
  }[];
}

let compiled: Handlebars.TemplateDelegate<ReadmeView> | undefined;

export function emitReadme(model: Model): EmittedFile {
  compiled ??= compileReadme(readFileSync(TEMPLATE_FILE, "utf8"));
  return { path: "README.md", contents: compiled(readmeView(model)) };
}

export function compileReadme(template: string): Handlebars.TemplateDelegate<ReadmeView> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("md", (text: unknown) => markdownText(String(text)));
  handlebars.registerHelper("cell", (text: unknown) => markdownCell(String(text)));
  return handlebars.compile<ReadmeView>(template, { strict: true, noEscape: true });
}

export function readmeView(model: Model): ReadmeView {
  const { envelope } = model;
  const counts = new Map<string, number>();
  for (const code of model.codes) counts.set(code.category, (counts.get(code.category) ?? 0) + 1);
  const exampleCategory = model.categories.find((category) => !category.isCode) ?? model.categories[0];
  const exampleCode = model.codes.find((code) => code.category === exampleCategory?.name && code.code !== code.category) ?? model.codes[0];
  return {
    source: model.source,
    name: model.package.name,
    version: model.package.version,
    description: model.package.description,
    baseClass: model.baseClass,
    codeEnum: model.codeEnum,
    codeEnumGuard: model.codeEnumGuard,
    codeCount: model.codes.length,
    codeAccess: `body${[envelope.response, envelope.error, envelope.code].map(propertyAccess).join("")}`,
    example: {
      categoryClass: exampleCategory?.className ?? model.baseClass,
      categoryGuard: exampleCategory?.guardName ?? "isApiError",
      code: exampleCode?.code ?? "Some.Code",
      codeClass: exampleCode?.className ?? model.baseClass,
    },
    categories: model.categories.map((category) => ({
      name: category.name,
      className: category.className,
      guardName: category.guardName,
      codeCount: counts.get(category.name) ?? 0,
    })),
    codes: model.codes.map((code) => ({
      code: code.code,
      className: code.className,
      description: code.description ?? "",
      descriptionZh: code.descriptionZh ?? "",
      retryable: code.retryable,
    })),
  };
}
