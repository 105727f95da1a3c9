// An errgen plugin: adds `<package>/http-status`, the HTTP status a failure of each category answers
// with, and `httpStatusOf(error)` for any error of the package. Written with ts-morph structures.
import { StructureKind } from "ts-morph";
import type { ErrgenPlugin } from "errgen";

/** Statuses by category name; a category not listed answers by its fault: 400 for the client's, 500 for the server's. */
const STATUS: Readonly<Record<string, number>> = {
  AuthFailure: 401,
  InvalidParameter: 400,
  LimitExceeded: 403,
  RequestLimitExceeded: 429,
  ResourceInUse: 409,
  ResourceNotFound: 404,
  InternalError: 500,
};

const plugin: ErrgenPlugin = ({ model, createSourceFile }) => {
  // Every category of the package: the root's and each product's, each with the fault of its codes.
  const faults = new Map<string, string | undefined>();
  for (const code of [...model.codes, ...model.products.flatMap((product) => product.codes)]) {
    if (!faults.has(code.category) || code.fault === "server") faults.set(code.category, code.fault);
  }
  const categories = [...faults.keys()].sort();
  const statusOf = (category: string) => STATUS[category] ?? (faults.get(category) === "server" ? 500 : 400);
  createSourceFile("http-status", {
    statements: [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./index.js", namedImports: ["isApiError"] },
      // A writer function where a structure would print the object with a hanging indent.
      (writer) => {
        writer.writeLine(`/** The HTTP status a failure of each category answers with (${categories.length} categories). */`);
        writer.write("export const httpStatusByCategory = ").inlineBlock(() => {
          for (const category of categories) writer.writeLine(`${category}: ${statusOf(category)},`);
        });
        writer.write(" as const;").newLine();
      },
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        docs: ["A category of the package's codes: the first segment of a code."],
        name: "ErrorCategory",
        type: "keyof typeof httpStatusByCategory",
      },
      {
        kind: StructureKind.Function,
        isExported: true,
        docs: ["The HTTP status for an error of this package: its category's, else 500 for anything else."],
        name: "httpStatusOf",
        parameters: [{ name: "error", type: "unknown" }],
        returnType: "number",
        statements: [
          "if (!isApiError(error)) return 500;",
          'const category = error.code.split(".")[0] ?? "";',
          "return Object.hasOwn(httpStatusByCategory, category) ? httpStatusByCategory[category as ErrorCategory] : 500;",
        ],
      },
    ],
  });
};

export default plugin;
