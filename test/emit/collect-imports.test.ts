// collect-imports.ts: a module imports what its declarations use from other modules, and nothing else;
// a name used only in types is a type import; a name one output needs alone is imported for it alone.
import test from "ava";
import { identifiers, withCollectedImports } from "../../generator/emit/collect-imports.ts";
import type { ModuleIR } from "../../generator/emit/ir/module-ir.ts";
import { emitModules } from "../../generator/emit/emit-package.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";
import { REPO_ROOT } from "../helpers/run-cli.ts";

const idents = (text: string) => {
  const found: string[] = [];
  identifiers(text, (name) => found.push(name));
  return found;
};

const CASES: [string, { given: string; want: string[] }][] = [
  ["plain code", { given: "return isCodeIn(code, path) && other;", want: ["return", "isCodeIn", "code", "path", "other"] }],
  ["strings are text", { given: 'convert(input, "toApiError", \'isApiError\')', want: ["convert", "input"] }],
  ["a template literal's text is text, its ${…} parts are code", { given: "`${caller}: got ${describeInput(input)} for Name`", want: ["caller", "describeInput", "input"] }],
  ["nested templates and braces", { given: "`a ${ok ? `b ${inner({ x: y })}` : other} c`", want: ["ok", "inner", "x", "y", "other"] }],
  ["escapes do not end a string or a template", { given: '"a \\" Fake" + `\\${NotCode} ${real}`', want: ["real"] }],
  ["comments are text", { given: "a; // defineErrorClass here\n/* ErrorClass */ b", want: ["a", "b"] }],
  ["members are not names in scope; a spread's operand is", { given: "record.Response.Error + f(...rest)", want: ["record", "f", "rest"] }],
];

for (const [name, { given, want }] of CASES) test(`identifiers: ${name}`, (t) => t.deepEqual(idents(given), want));

const modules: ModuleIR[] = [
  {
    path: "base",
    reexports: [],
    declarations: [
      { kind: "class", name: "RootError", extends: "Error", statics: [], fields: [], methods: [] },
      { kind: "type", name: "Fault", exported: true, type: '"client" | "server"' },
      { kind: "function", name: "make", exported: true, parameters: [], returnType: "void", body: [] },
      { kind: "function", name: "hidden", exported: false, parameters: [], returnType: "void", body: [] },
    ],
  },
  {
    path: "products/quota",
    reexports: [],
    declarations: [
      { kind: "const", name: "made", exported: true, type: "RootError", value: "make()", only: "code" },
      { kind: "const", name: "declared", exported: false, type: "Fault", only: "declarations" },
      { kind: "function", name: "typed", exported: true, parameters: [{ name: "error", type: "RootError" }], returnType: "Fault", body: ['return hidden("make");'] },
    ],
  },
];

test("imports: by what is used, values before types, a name one output alone needs marked for it; unexported and unused names never", (t) => {
  const [base, quota] = withCollectedImports(modules);
  t.deepEqual(base!.imports, []);
  t.deepEqual(quota!.imports, [
    {
      from: "base",
      names: [
        { name: "make", typeOnly: false, only: "code" },
        { name: "Fault", typeOnly: true },
        { name: "RootError", typeOnly: true },
      ],
    },
  ]);
});

test("a name two modules export may be used where it is declared; used elsewhere, it is a bug, said at once", (t) => {
  const other: ModuleIR = { path: "products/api", reexports: [], declarations: [{ kind: "function", name: "make", exported: true, parameters: [], returnType: "Fault", body: [] }] };
  t.deepEqual(withCollectedImports([modules[0]!, other])[1]!.imports, [{ from: "base", names: [{ name: "Fault", typeOnly: true }] }]);
  t.throws(() => withCollectedImports([...modules, other]), { message: "products/quota uses make, which both base and products/api declare" });
});

test("what emitters state a declaration uses agrees with reading its code, for every module of the sample, shipped and example specs", (t) => {
  const specs = [
    modelOf(SAMPLE_SPEC),
    modelOf(Object.fromEntries(["spec/tencentcloud.yaml", ...readdirSync(join(REPO_ROOT, "spec/products")).map((name) => `spec/products/${name}`)].map((path) => [path, readFileSync(join(REPO_ROOT, path), "utf8")]))),
  ];
  let stated = 0;
  for (const model of specs) {
    const modules = emitModules(model);
    stated += modules.flatMap((module) => module.declarations).filter((declaration) => declaration.uses !== undefined).length;
    t.deepEqual(withCollectedImports(modules), withCollectedImports(modules, { readAll: true }));
  }
  t.true(stated > 100, `${stated} declarations state what they use`);
});
