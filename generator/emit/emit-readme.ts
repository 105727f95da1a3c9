// `README.md` and `docs/<product>.md` of the generated package, rendered by handlebars from plain
// views of the model. Spec text reaches markdown only through the `md` and `cell` helpers, which escape it.
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diagnostic, ErrgenError, type Diagnostic } from "../diagnostics.ts";
import { BUILT_IN_TEMPLATES } from "../errgen-files.ts";
import { NO_TEMPLATES, type Templates } from "../load/load-templates.ts";
import type { CodeModel, Model, ProductModel } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { markdownCell, markdownText, propertyAccess } from "./safe-text.ts";

/** A team's template that does not compile or asks for a field its view lacks: a spec-level error (exit 1). */
export class TemplateError extends ErrgenError {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

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
  readonly codeObject: string;
  readonly categories: readonly { readonly name: string; readonly anchor: string; readonly className: string; readonly guardName: string; readonly codeCount: number }[];
  /** The root's codes by category, each with the class it extends. */
  readonly codeGroups: readonly { readonly category: string; readonly codes: readonly (CodeRow & { readonly parent: string; readonly parentAnchor: string })[] }[];
  readonly products: readonly { readonly name: string; readonly version: string; readonly importPath: string; readonly codeCount: number; readonly actionCount: number; readonly doc: string }[];
}

export interface CodeRow {
  readonly code: string;
  readonly className: string;
  readonly description: string;
  readonly descriptionZh: string;
  readonly retryable: boolean;
  /** Why the code is deprecated, or "". */
  readonly deprecated: string;
  /** The version that deprecated it, or "". */
  readonly since: string;
}

export interface ProductDocView {
  readonly source: string;
  readonly packageName: string;
  readonly product: string;
  readonly version: string;
  readonly description: string;
  readonly importPath: string;
  readonly exports: ProductModel["exports"];
  readonly exampleAction: string;
  readonly codes: readonly CodeRow[];
  readonly actions: readonly { readonly name: string; readonly codes: readonly string[] }[];
}

/** errgen's own templates by name, read once per process. */
const builtIn = new Map<string, string>();

function builtInTemplate(name: string): string {
  let text = builtIn.get(name);
  if (text === undefined) builtIn.set(name, (text = readFileSync(join(BUILT_IN_TEMPLATES, name), "utf8")));
  return text;
}

/** Compiled templates by their text: a template is compiled once per process, however many files use it. */
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a template (the team's version when `templates` has one, else errgen's) with a plain view.
 * Handlebars runs in strict mode: a field the view lacks is an error naming the template's line.
 */
export function renderTemplate(name: string, view: object, templates: Templates): string {
  const override = templates.overrides.get(name);
  const file = override?.file ?? `templates/${name}`;
  const text = override?.text ?? builtInTemplate(name);
  try {
    let template = compiled.get(text);
    if (!template) {
      template = compileTemplate(text);
      compiled.set(text, template);
    }
    return template(view);
  } catch (error) {
    throw new TemplateError(templateDiagnostic(file, error as Error));
  }
}

/** Handlebars says `"foo" not defined in [object Object] - 3:4` or `Parse error on line 3:`: point at that place. */
function templateDiagnostic(file: string, error: Error): Diagnostic {
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(error.message);
  if (missing) {
    const position = { file, line: Number(missing[2]), column: Number(missing[3]) + 1 };
    return diagnostic(position, `the template refers to "${missing[1]}", which its view does not have: see "Templates" in errgen's README for each template's fields`);
  }
  const parse = /^Parse error on line (\d+):\n[^\n]*\n(-*)\^\n(.*)/s.exec(error.message);
  if (parse) return diagnostic({ file, line: Number(parse[1]), column: (parse[2]?.length ?? 0) + 1 }, `the template does not parse: ${parse[3]!.split("\n")[0]}`);
  const located = /^(.*) - (\d+):(\d+)$/s.exec(error.message);
  if (located) return diagnostic({ file, line: Number(located[2]), column: Number(located[3]) + 1 }, `the template does not compile: ${located[1]}`);
  return diagnostic({ file, line: 1, column: 1 }, `the template failed: ${error.message.split("\n")[0]}`);
}

export function emitReadme(model: Model, templates: Templates = NO_TEMPLATES): EmittedFile {
  return { path: "README.md", contents: `${markdownHeader(model.source)}${renderTemplate("package-readme.md.hbs", readmeView(model), templates)}` };
}

export function emitProductDoc(model: Model, product: ProductModel, templates: Templates = NO_TEMPLATES): EmittedFile {
  return { path: productDocPath(product), contents: `${markdownHeader(product.source)}${renderTemplate("product-doc.md.hbs", productDocView(model, product), templates)}` };
}

/** The generated-file header of a rendered document: errgen's, whatever the template, so that every file says where it came from. */
function markdownHeader(source: string): string {
  return `<!-- Code generated by errgen from ${source}. DO NOT EDIT. -->\n`;
}

function productDocPath(product: ProductModel): string {
  return `docs/${product.name}.md`;
}

export function compileTemplate(template: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("md", (text: unknown) => markdownText(String(text)));
  handlebars.registerHelper("cell", (text: unknown) => markdownCell(String(text)));
  return handlebars.compile(template, { strict: true, noEscape: true });
}

function codeRows(codes: readonly CodeModel[]): CodeRow[] {
  return codes.map((code) => ({
    code: code.code,
    className: code.className,
    description: code.description ?? "",
    descriptionZh: code.descriptionZh ?? "",
    retryable: code.retryable,
    deprecated: code.deprecated ?? "",
    since: code.since ?? "",
  }));
}

/** The anchor GitHub and npm give a heading that is just this word. */
function anchorOf(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9_ -]/g, "").replace(/ /g, "-");
}

function codeGroups(model: Model): ReadmeView["codeGroups"] {
  const classes = new Map(model.classes.map((entry) => [entry.name, entry]));
  const categories = new Set(model.categories.map((category) => category.className));
  const groups = new Map<string, (CodeRow & { parent: string; parentAnchor: string })[]>();
  for (const [index, row] of codeRows(model.codes).entries()) {
    const code = model.codes[index]!;
    const parent = classes.get(code.className)?.parent ?? model.baseClass;
    const parentCategory = classes.get(parent);
    const parentAnchor = parentCategory && categories.has(parent) ? anchorOf(parentCategory.code) : "";
    const list = groups.get(code.category) ?? [];
    list.push({ ...row, parent, parentAnchor });
    groups.set(code.category, list);
  }
  return [...groups].map(([category, codes]) => ({ category, codes }));
}

export function productDocView(model: Model, product: ProductModel): ProductDocView {
  return {
    source: product.source,
    packageName: model.package.name,
    product: product.name,
    version: product.version,
    description: product.description ?? "",
    importPath: `${model.package.name}/${product.name}`,
    exports: product.exports,
    exampleAction: product.actions.find((action) => action.codes.length > 0)?.name ?? product.actions[0]?.name ?? "SomeAction",
    codes: codeRows(product.codes),
    actions: product.actions.map((action) => ({ name: action.name, codes: action.codes })),
  };
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
    codeObject: model.codeObject,
    categories: model.categories.map((category) => ({
      name: category.name,
      anchor: anchorOf(category.name),
      className: category.className,
      guardName: category.guardName,
      codeCount: counts.get(category.name) ?? 0,
    })),
    codeGroups: codeGroups(model),
    products: model.products.map((product) => ({
      name: product.name,
      version: product.version,
      importPath: `${model.package.name}/${product.name}`,
      codeCount: product.codes.length,
      actionCount: product.actions.length,
      doc: productDocPath(product),
    })),
  };
}
