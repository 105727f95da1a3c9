// generator/emit/runtime-declarations.ts is what generator/runtime/ compiles to now, and the compiler
// refuses what the printer cannot print as it stands.
import test from "ava";
import { readFileSync } from "node:fs";
import { compileRuntime, OUTPUT } from "../../generator/build/compile-runtime.js";

test("generator/emit/runtime-declarations.ts is current: run node generator/build/compile-runtime.js", (t) => {
  t.is(readFileSync(OUTPUT, "utf8"), compileRuntime());
});

test("the compiled runtime keeps what the printer needs: docs, bodies as written, pure initialisers, class members", async (t) => {
  const { RUNTIME_DECLARATIONS } = await import("../../generator/emit/runtime-declarations.ts");
  const isCodeIn = RUNTIME_DECLARATIONS["internal"]?.["isCodeIn"];
  t.like(isCodeIn, { kind: "function", exported: true, returnType: "boolean", docs: 'Whether `code` is `path` or a code below it (`path.…`). Every non-empty code is below the root path `""`.' });
  t.deepEqual(isCodeIn?.kind === "function" ? isCodeIn.parameters : undefined, [{ name: "code", type: "unknown" }, { name: "path", type: "string" }]);
  const classes = RUNTIME_DECLARATIONS["base"]?.["ERROR_CLASSES"];
  t.like(classes, { kind: "const", exported: false, type: "Map<string, any>", value: "new Map()", pure: true });
  const root = RUNTIME_DECLARATIONS["base"]?.["ApiError"];
  if (root?.kind !== "class") return t.fail("ApiError is a class");
  t.is(root.extends, "Error");
  t.deepEqual(root.statics.map((entry) => entry.name), ["code", "errorName", "retryable", "fault"]);
  t.deepEqual(root.fields.map((entry) => [entry.name, entry.override === true]), [["code", false], ["requestId", false], ["httpStatus", false], ["traceId", false], ["retryable", false], ["fault", false], ["known", false], ["name", true]]);
  t.deepEqual(root.constructorIR?.parameters, [{ name: "message", type: "string", initializer: '""' }, { name: "options", type: "ApiErrorOptions", initializer: "{}" }]);
  t.true(root.constructorIR?.body.includes("if (!isCodeIn(code, type.code)) {"), "body lines keep their own indentation, less the block's");
  t.true(root.constructorIR?.body.includes('  throw new TypeError(`${type.errorName} cannot have the code ${JSON.stringify(code)}`);'));
  t.deepEqual(root.methods.map((method) => method.name), ["toJSON"]);
});

test("the compiler refuses a declaration the printer cannot print, naming its line", async (t) => {
  const { declarationsOfSource } = await import("../../generator/build/compile-runtime.js");
  t.throws(() => declarationsOfSource("bad.ts", "export function f(value) {\n  return value;\n}\n"), { message: /^bad\.ts:1:19: the runtime states every type in its signatures$/ });
  t.throws(() => declarationsOfSource("bad.ts", "export enum E { A }\n"), { message: /^bad\.ts:1:1: the printer takes .* not EnumDeclaration$/ });
  t.throws(() => declarationsOfSource("bad.ts", "export const a: number = 1, b: number = 2;\n"), { message: /^bad\.ts:1:1: declare one variable a statement$/ });
  t.throws(() => declarationsOfSource("bad.ts", "interface A {}\nexport interface B extends A {\n  /** x */\n  x: string;\n}\n"), { message: /^bad\.ts:2:1: the printer's interfaces extend nothing/ });
});
