// `src/products/<product>.ts`, the package subpath `<package>/<product>`: the product's codes (enum,
// union, guard), its own classes and category guards, re-exports of the shared and common ones it
// uses, per-action code types and guard, and its converter, unwrapper and describer.
import type { ProductModel } from "../model/model.ts";
import { categoryDeclarations } from "./emit-categories.ts";
import { memberDoc } from "./code-doc.ts";
import { codeGuardDeclarations, codeObjectDeclaration } from "./emit-codes.ts";
import { catalogueEntry, describeDocs, LOCALE_PARAMETER } from "./emit-describe-error.ts";
import { ERROR_CLASS_TABLE } from "./emit-errors.ts";
import { moduleOfHome, reexportsFor, type EmitContext } from "./emit-context.ts";
import { classTable, ERROR_CLASS_BASE_DECLARATION, errorClassDeclarations } from "./error-class.ts";
import { names, type DeclarationIR, type ImportIR, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitProduct(product: ProductModel, context: EmitContext): ModuleIR {
  const { model } = context;
  const base = model.baseClass;
  const x = product.exports;
  const own = product.classes.filter((entry) => entry.home.kind === "product" && entry.home.product === product.name);
  const borrowed = product.classes.filter((entry) => !own.includes(entry));
  const ownCategories = product.categories.filter((category) => category.home.kind === "product" && category.home.product === product.name);
  const otherCategories = product.categories.filter((category) => !ownCategories.includes(category));
  const title = `${product.name}${product.description ? ` (${product.description})` : ""}, API version ${product.version}`;
  const codeIndex = new Map(product.codes.map((code, index) => [code.code, index]));

  const declarations: DeclarationIR[] = [
    ...(own.length > 0 ? [ERROR_CLASS_BASE_DECLARATION] : []),
    ...own.flatMap(errorClassDeclarations),
    ...ownCategories.flatMap(categoryDeclarations),
    {
      kind: "enum",
      name: x.codeEnum,
      docs: `Every error code of ${title}: the member is the code's identifier, the value the code itself.`,
      members: product.codes.map((code) => ({ name: code.identifier, value: code.code, docs: memberDoc(code) })),
    },
    codeObjectDeclaration(x.codeObject, x.codeEnum, product.name),
    {
      kind: "type",
      name: x.codeList,
      exported: true,
      docs: `Every code of ${product.name}, in code order. {@link ${x.actionErrors}} names codes by their position here, which keeps large action tables small.`,
      type: product.codes.length === 0 ? "[]" : `[\n${product.codes.map((code) => `  ${stringLiteral(code.code)},`).join("\n")}\n]`,
    },
    { kind: "type", name: x.knownCode, exported: true, docs: `The string of every code of ${product.name}.`, type: `${x.codeList}[number]` },
    ...codeGuardDeclarations(x.codeGuard, x.codeEnum, "knownProductCodes"),
    {
      kind: "interface",
      name: x.actionErrors,
      docs: `The codes each API action of ${product.name} may return, by action name: its own codes as positions in {@link ${x.codeList}}, common codes it does not repeat as strings; \`${x.actionErrorCode}<"Action">\` gives them all as strings.`,
      properties: product.actions.map((action) => ({ name: action.name, readonly: true, type: actionCodesType(action.codes, codeIndex, x.codeList) })),
      // The product's own code list and code strings: nothing from another module.
      uses: {},
    },
    { kind: "type", name: x.action, exported: true, docs: `An API action of ${product.name}.`, type: `keyof ${x.actionErrors}` },
    {
      kind: "type",
      name: x.actionErrorCode,
      exported: true,
      typeParameters: `<A extends ${x.action}>`,
      docs: `The codes action \`A\` may return: \`${x.actionErrorCode}<"${product.actions[0]?.name ?? "SomeAction"}">\`.`,
      type: `${x.actionErrors}[A]`,
    },
    {
      kind: "const",
      name: "PRODUCT_ACTIONS",
      exported: false,
      type: "ActionTable",
      docs: `Each action's codes: the product's own as positions in {@link ${x.codeEnum}}'s values (which are in code order), common ones as strings.`,
      value: { layout: "object", items: product.actions.map((action) => `${action.name}: [${action.codes.map((code) => codeIndex.get(code) ?? stringLiteral(code)).join(", ")}]`) },
    },
    { kind: "const", name: "matchesAction", exported: false, type: "ActionMatcher", docs: "The matcher over this product's actions.", value: `createActionMatcher(PRODUCT_ACTIONS, ${x.codeEnum})`, pure: true },
    {
      kind: "function",
      name: x.actionGuard,
      exported: true,
      docs: `Whether \`error\` is an error of this package whose code is one that \`action\` may return. Narrows \`error.code\` to those codes.`,
      typeParameters: `<A extends ${x.action}>`,
      parameters: [{ name: "action", type: "A" }, { name: "error", type: "unknown" }],
      returnType: `error is ${base} & { readonly code: ${x.actionErrorCode}<A> }`,
      body: ["return matchesAction(action, error);"],
    },
    {
      kind: "const",
      name: "PRODUCT_CLASS_TABLE",
      exported: false,
      type: "string",
      docs: "The classes of this product's codes outside the root entry, as data, for looking codes up.",
      value: classTable(product.classes.filter((entry) => entry.home.kind !== "root")),
    },
    { kind: "const", name: "productClassOf", exported: false, type: "ErrorClassLookup", docs: "The lookup over this product's classes and the root's.", value: `createClassLookup([PRODUCT_CLASS_TABLE, ${ERROR_CLASS_TABLE}])`, pure: true },
    {
      kind: "function",
      name: x.toError,
      exported: true,
      docs: `Like \`toApiError\`, knowing the codes of ${product.name} as well as the common ones.\n\n@throws TypeError when the input carries no string code.`,
      parameters: [{ name: "input", type: "unknown" }, { name: "extras", type: "ErrorExtras | undefined", optional: true }],
      returnType: `ConvertedError<${base}, ${x.knownCode} | KnownErrorCode>`,
      body: [`return convertError(input, productClassOf, ${stringLiteral(x.toError)}, extras);`],
    },
    {
      kind: "function",
      name: x.unwrap,
      exported: true,
      docs: `Like \`unwrapResponse\`, throwing the classes of ${product.name}.\n\n@throws ${base} (the most specific class) when the envelope is a failure.\n@throws TypeError when \`envelope\` is not a response envelope.`,
      typeParameters: "<T>",
      parameters: [{ name: "envelope", type: "ApiEnvelope<T>" }],
      returnType: "SuccessResponse<T>",
      body: [`return unwrapWith(envelope, productClassOf, ${stringLiteral(x.unwrap)});`],
    },
    {
      kind: "function",
      name: x.parse,
      exported: true,
      docs:
        `Like \`parseResponse\`, knowing the codes of ${product.name} as well as the common ones. \`action\` names the call the body ` +
        `answers: the error's \`code\` offers that action's codes, and stays a string, since any code may arrive; ` +
        `\`${x.actionGuard}(action, error)\` narrows it to them.\n\n` +
        "@throws TypeError when `body` is not a response envelope at all.",
      typeParameters: `<T, A extends ${x.action} = ${x.action}>`,
      parameters: [{ name: "body", type: "unknown" }, { name: "action", type: "A | undefined", optional: true }],
      returnType: `ApiResult<SuccessResponse<T>, ActionFailure<${base}, ${x.knownCode}, ${x.actionErrorCode}<A>>>`,
      body: [`return parseWith(body, productClassOf, ${stringLiteral(x.parse)});`],
    },
    {
      kind: "function",
      name: x.withErrors,
      exported: true,
      docs: `Like \`withTypedErrors\`, rejecting with the classes of ${product.name} as well as the common ones.`,
      typeParameters: "<C extends object>",
      parameters: [{ name: "client", type: "C" }],
      returnType: "C",
      body: [`return wrapClient(client, productClassOf, ${stringLiteral(x.withErrors)});`],
    },
    {
      kind: "function",
      name: x.attempt,
      exported: true,
      docs:
        `\`client[action](request)\` as a result: \`{ ok: true, data }\`, \`data\` typed as the method's result, or \`{ ok: false, error }\` ` +
        `for an error of the API, typed as \`${x.toError}\` gives it, its \`code\` offering the action's codes (any code may still arrive; ` +
        `\`${x.actionGuard}(action, error)\` narrows to them). A rejection without a code (a transport failure) is passed on.`,
      typeParameters: `<A extends ${x.action}, C extends ActionClient<A>>`,
      parameters: [{ name: "client", type: "C" }, { name: "action", type: "A" }, { name: "request", type: "Parameters<C[A]>[0]" }],
      returnType: `Attempt<C, A, ActionFailure<${base}, ${x.knownCode}, ${x.actionErrorCode}<A>>>`,
      body: [`return unchecked(attemptWith(client, action, request, productClassOf, ${stringLiteral(x.attempt)}));`],
    },
    {
      kind: "const",
      name: "PRODUCT_CATALOGUE",
      exported: false,
      type: "readonly CatalogueEntry[]",
      docs: `What the spec of ${product.name} says about each of its codes.`,
      value: { layout: "array", items: product.codes.map(catalogueEntry) },
    },
    { kind: "const", name: "describeProduct", exported: false, type: "Describer", docs: "The describer over this product's catalogue.", value: "createDescriber(PRODUCT_CATALOGUE)", pure: true },
    {
      kind: "function",
      name: x.describe,
      exported: true,
      docs: describeDocs(`the spec of ${product.name} (else the common catalogue)`),
      parameters: [{ name: "code", type: "string" }, { name: "locale", type: LOCALE_PARAMETER, initializer: '"en"' }],
      returnType: "ErrorDescription | undefined",
      body: ["return describeProduct(code, locale) ?? describeError(code, locale);"],
    },
  ];
  const reexports = reexportsFor(context, product.module, [base, ...borrowed.map((entry) => entry.name)]);
  for (const category of otherCategories) {
    const from = moduleOfHome(category.home) === MODULE.errors ? MODULE.categories : moduleOfHome(category.home);
    reexports.push({ from, names: names(category.guardName, `type ${category.typeName}`) });
  }
  return {
    path: product.module,
    source: product.source,
    // Parents of its own classes; the classes it re-exports need no local name.
    reexports: mergeByModule(reexports),
    declarations,
  };
}

/**
 * The type of an action's codes: the product's own by position in its code list (which keeps tables
 * of thousands of actions small), and the common codes it lists without repeating them, as strings.
 */
function actionCodesType(codes: readonly string[], codeIndex: ReadonlyMap<string, number>, codeList: string): string {
  const positions = codes.flatMap((code) => codeIndex.get(code) ?? []);
  const common = codes.filter((code) => !codeIndex.has(code)).map(stringLiteral);
  const parts = [...(positions.length > 0 ? [`${codeList}[${positions.join(" | ")}]`] : []), ...common];
  return parts.length > 0 ? parts.join(" | ") : "never";
}

/** One re-export statement per module, names in a stable order. */
function mergeByModule(list: readonly ImportIR[]): ImportIR[] {
  const byModule = new Map<string, ImportIR["names"][number][]>();
  for (const entry of list) {
    const names = byModule.get(entry.from) ?? [];
    for (const name of entry.names) if (!names.some((n) => n.name === name.name)) names.push(name);
    byModule.set(entry.from, names);
  }
  return [...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, names]) => ({ from, names }));
}
