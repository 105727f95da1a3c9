// Plugins that fail (plugins/run-plugins.ts): each failure is a FILE:LINE:COL diagnostic naming the plugin,
// at the spec line that lists it or at the line of the file at fault, all of them in one run, exit 1,
// nothing written; a stack trace only with --verbose. And the ways a plugin is found: paths, packages
// by their `exports`, a .ts plugin's own imports.
import test from "ava";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { folderContents, REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";

const run = promisify(execFile);

const SPEC = `specVersion: 1
package:
  name: demo-errors
  version: 1.0.0
  description: Demo
codes:
  AuthFailure.TokenFailure:
    description: The token is invalid.
plugins:
`;

/** A project in a fresh folder: package.json, spec.yaml listing `plugins`, and `files` by path. */
function project(t: Parameters<typeof tempDir>[0], plugins: readonly string[], files: Record<string, string>): string {
  const dir = tempDir(t, "errgen-plugin-failures-");
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "demo", private: true })}\n`);
  writeFileSync(join(dir, "spec.yaml"), `${SPEC}${plugins.map((plugin) => `  - ${plugin}\n`).join("")}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const generate = (dir: string, ...flags: string[]) => runErrgen(["generate", "--spec", "spec.yaml", "--out", "out", ...flags], dir);

test("every plugin that cannot be found, loaded or run is a diagnostic at the spec line that lists it, all in one run; nothing is written", async (t) => {
  const dir = project(
    t,
    ["./missing.ts", '"./two\\nlines.mjs"', "helpers/x.mjs", "no-such-package", "./notes.txt", "./no-default.mjs", "./throws.mjs", "./rejects.mjs", "./throws-string.mjs", "./mutates.mjs", "./broken.ts", "./imports-nothing.ts", "./cycle-a.ts"],
    {
      "helpers/x.mjs": "export default () => {};\n",
      "two\nlines.mjs": "export default () => {};\n",
      "notes.txt": "",
      "no-default.mjs": "export const plugin = () => {};\n",
      "throws.mjs": 'export default function () {\n  throw new Error("boom");\n}\n',
      "rejects.mjs": 'export default async function () {\n  await null;\n  throw new TypeError("late");\n}\n',
      "throws-string.mjs": 'export default () => { throw "nope"; };\n',
      "mutates.mjs": 'export default ({ model }) => {\n  model.codes[0].code = "X";\n};\n',
      "broken.ts": "export default (context: unknown) => {\n  const x: number = ;\n};\n",
      "imports-nothing.ts": 'import { helper } from "./helper.js";\nexport default () => helper();\n',
      "cycle-a.ts": 'import { b } from "./cycle-b.js";\nexport const a = 1;\nexport default () => b;\n',
      "cycle-b.ts": 'import { a } from "./cycle-a.js";\nexport const b = a;\n',
    },
  );
  const result = await generate(dir);
  t.is(result.code, 1);
  t.is(
    result.stderr,
    [
      "broken.ts:2:21: error: the plugin does not compile (TS1109): Expression expected.",
      `spec.yaml:10:5: error: plugin "./missing.ts" cannot be found: no file at missing.ts`,
      `spec.yaml:11:5: error: plugin "./two\\nlines.mjs" cannot be found: a plugin's path or package name is one line of text, without control characters`,
      `spec.yaml:12:5: error: plugin "helpers/x.mjs" cannot be found: package "helpers" is not installed (no node_modules/helpers in ${dir} or a folder above); for the file beside the spec write "./helpers/x.mjs" (a path starts with ./ or ../)`,
      `spec.yaml:13:5: error: plugin "no-such-package" cannot be found: package "no-such-package" is not installed (no node_modules/no-such-package in ${dir} or a folder above)`,
      `spec.yaml:14:5: error: plugin "./notes.txt" cannot be found: a plugin is a .js, .mjs, .cjs, .ts, .mts file or a package name`,
      `spec.yaml:15:5: error: plugin "./no-default.mjs" must default-export a function (context) => void | Promise<void>, not nothing (no default export)`,
      `spec.yaml:16:5: error: plugin "./throws.mjs" failed: boom`,
      `spec.yaml:17:5: error: plugin "./rejects.mjs" failed: TypeError: late`,
      `spec.yaml:18:5: error: plugin "./throws-string.mjs" failed: it threw "nope", not an Error`,
      `spec.yaml:19:5: error: plugin "./mutates.mjs" failed: TypeError: Cannot assign to read only property 'code' of object '#<Object>'`,
      `spec.yaml:20:5: error: plugin "./broken.ts" cannot be loaded: broken.ts does not compile`,
      `spec.yaml:21:5: error: plugin "./imports-nothing.ts" cannot be loaded: imports-nothing.ts imports "./helper.js", which is not there`,
      `spec.yaml:22:5: error: plugin "./cycle-a.ts" cannot be loaded: cycle-a.ts is part of an import cycle between the plugin's modules, which errgen cannot load for a .ts plugin: break the cycle, or compile the plugin to .js`,
      "errgen: 14 errors; nothing was written",
      "",
    ].join("\n"),
  );
  t.false(existsSync(join(dir, "out")));
});

test("a module that collides with errgen's own, a bad name, a module added twice, errgen's own module changed, a plugin listed twice: diagnostics, even when the plugin catches the throw", async (t) => {
  const dir = project(t, ["./names.mjs", "./again.mjs", "./changes.mjs", "./outside.mjs"], {
    "names.mjs": [
      "export default ({ createSourceFile }) => {",
      '  for (const name of ["index", "products/extra", "billing", "HTTP.ts", "ok"]) {',
      "    try { createSourceFile(name, \"export const x = 1;\\n\"); } catch {}",
      "  }",
      "};",
      "",
    ].join("\n"),
    "again.mjs": 'export default ({ createSourceFile }) => { createSourceFile("ok", "export {};\\n"); };\n',
    "changes.mjs": 'export default ({ project }) => { project.addSourceFileAtPath("/package/src/codes.ts").insertText(0, "// mine\\n"); };\n',
    "outside.mjs": 'export default ({ project }) => { project.createSourceFile("/package/lib/x.ts", "export {};\\n"); };\n',
  });
  const spec = `${SPEC.replace("codes:\n", "products: [billing.yaml]\ncodes:\n")}`;
  writeFileSync(join(dir, "spec.yaml"), `${spec}  - ./names.mjs\n  - ./again.mjs\n  - ./changes.mjs\n  - ./outside.mjs\n  - ./again.mjs\n`);
  writeFileSync(join(dir, "billing.yaml"), "product: billing\nversion: v1\ncodes:\n  Quota.Daily:\n    description: The daily quota is spent.\n");
  const result = await generate(dir);
  t.is(result.code, 1);
  t.is(
    result.stderr,
    [
      `spec.yaml:11:5: error: plugin "./names.mjs" adds "HTTP.ts", which is not a module name: use lowercase letters, digits and -, in segments joined by / (such as http-status), without an extension`,
      `spec.yaml:11:5: error: plugin "./names.mjs" adds "billing", which is the subpath of product billing: choose another name`,
      `spec.yaml:11:5: error: plugin "./names.mjs" adds "index", which is errgen's own module src/index.ts: choose another name`,
      `spec.yaml:11:5: error: plugin "./names.mjs" adds "products/extra", which is errgen's own folder src/products/: choose another name`,
      `spec.yaml:12:5: error: plugin "./again.mjs" adds "ok", which plugin "./names.mjs" already added: choose another name`,
      `spec.yaml:13:5: error: plugin "./changes.mjs" changed errgen's own src/codes.ts: add a module with context.createSourceFile instead`,
      `spec.yaml:14:5: error: plugin "./outside.mjs" adds /package/lib/x.ts, where errgen builds nothing: add modules with context.createSourceFile(name, …), as src/<name>.ts`,
      `spec.yaml:15:5: error: plugin "./again.mjs" is listed twice (first at 12:5): a plugin runs once`,
      "errgen: 8 errors; nothing was written",
      "",
    ].join("\n"),
  );
});

test("a module that does not type-check is a diagnostic at its line and column in the package as it would be written; an earlier package stays as it was", async (t) => {
  const dir = project(t, ["./typed.mjs"], { "typed.mjs": 'export default ({ createSourceFile }) => { createSourceFile("typed", "export const n = 1;\\n"); };\n' });
  t.is((await generate(dir)).code, 0);
  const before = folderContents(join(dir, "out"));
  writeFileSync(
    join(dir, "typed.mjs"),
    'export default ({ createSourceFile }) => {\n  createSourceFile("typed", (writer) => writer.writeLine(\'import { nope } from "./index.js";\').writeLine(\'export const n: number = "s";\'));\n};\n',
  );
  const result = await generate(dir);
  t.is(result.code, 1);
  t.is(
    result.stderr,
    [
      `out/src/typed.ts:2:10: error: the module plugin "./typed.mjs" added does not type-check (TS2305): Module '"./index.js"' has no exported member 'nope'.`,
      `out/src/typed.ts:3:14: error: the module plugin "./typed.mjs" added does not type-check (TS2322): Type 'string' is not assignable to type 'number'.`,
      "errgen: 2 errors; nothing was written",
      "",
    ].join("\n"),
  );
  t.deepEqual(folderContents(join(dir, "out")), before, "nothing written");
  const pretty = await generate(dir, "--pretty", "true");
  t.true(pretty.stderr.includes(`3 | export const n: number = "s";\n  |              ^\n`), pretty.stderr);
});

test("a stack trace only with --verbose", async (t) => {
  const dir = project(t, ["./throws.mjs"], { "throws.mjs": 'export default function () {\n  throw new Error("boom");\n}\n' });
  const plain = await generate(dir);
  t.is(plain.stderr, `spec.yaml:10:5: error: plugin "./throws.mjs" failed: boom\nerrgen: 1 error; nothing was written\n`);
  const verbose = await generate(dir, "--verbose");
  const stages = (stderr: string) => [...stderr.matchAll(/^errgen: (\w+) \(\+\d+ ms\)$/gm)].map((match) => match[1]);
  t.deepEqual(stages(verbose.stderr), ["load", "validate", "model", "emit", "plugins"]);
  const checked = await runErrgen(["check", "--spec", "spec.yaml", "--out", "out", "--verbose"], dir);
  t.deepEqual(stages(checked.stderr), ["load", "validate", "model", "emit", "plugins"], "check runs the same stages");
  t.regex(verbose.stderr, /spec\.yaml:10:5: error: plugin "\.\/throws\.mjs" failed: boom\nError: boom\n {4}at default \(file:\/\/\S+\/throws\.mjs:2:9\)\nerrgen: 1 error; nothing was written\n$/, "the plugin's frames, not errgen's");
});

test("a package plugin is found by its exports from the spec's folder; a .ts plugin's imports: a .ts helper, a package, ts-morph, node: modules; its import.meta.url is its file's", async (t) => {
  // A scoped name is quoted in YAML, where @ cannot start a plain value.
  const dir = project(t, ['"@acme/errgen-plugin-status"', '"@acme/errgen-plugin-status/extra"', "./local.ts"], {
    "node_modules/@acme/errgen-plugin-status/package.json": JSON.stringify({ name: "@acme/errgen-plugin-status", type: "module", exports: { ".": { require: "./wrong.cjs", import: "./main.mjs" }, "./*": "./more/*.mjs" } }),
    "node_modules/@acme/errgen-plugin-status/main.mjs": 'import { PREFIX } from "./lib/prefix.mjs";\nexport default ({ createSourceFile, model }) => { createSourceFile("status", `export const packageName = ${JSON.stringify(PREFIX + model.package.name)};\\n`); };\n',
    "node_modules/@acme/errgen-plugin-status/lib/prefix.mjs": 'export const PREFIX = "";\n',
    "node_modules/@acme/errgen-plugin-status/more/extra.mjs": 'export default ({ createSourceFile }) => { createSourceFile("extra", "export const extra = true;\\n"); };\n',
    "node_modules/left-pad-ish/package.json": JSON.stringify({ name: "left-pad-ish", main: "index.cjs" }),
    "node_modules/left-pad-ish/index.cjs": "module.exports = (text) => `  ${text}`;\n",
    "local.ts": [
      'import { StructureKind, VariableDeclarationKind } from "ts-morph";',
      'import { basename } from "node:path";',
      'import pad from "left-pad-ish";',
      'import type { ErrgenPlugin } from "errgen";',
      'import { codesOf } from "./lib/codes.js";',
      'import { readFileSync } from "node:fs";',
      "const plugin: ErrgenPlugin = async ({ model, createSourceFile }) => {",
      "  await Promise.resolve();",
      '  createSourceFile("local/codes", {',
      "    statements: [{ kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: \"codes\", initializer: JSON.stringify([...codesOf(model), basename(\"/a/b.ts\"), pad(\"x\"), readFileSync(new URL(\"./lib/label.txt\", import.meta.url), \"utf8\")]) }] }],",
      "  });",
      "};",
      "export default plugin;",
      "",
    ].join("\n"),
    "lib/label.txt": "beside the plugin",
    "lib/codes.ts": 'import type { Model } from "errgen";\nexport function codesOf(model: Model): string[] {\n  return model.codes.map((code) => code.code);\n}\n',
  });
  const result = await generate(dir);
  t.is(result.code, 0, result.stderr);
  const out = folderContents(join(dir, "out"), { relative: true });
  t.is(out["dist/esm/status.js"]!.split("\n")[1], 'export const packageName = "demo-errors";');
  t.is(out["dist/esm/extra.js"]!.split("\n")[1], "export const extra = true;");
  t.is(out["src/local/codes.ts"]!.split("\n")[1], 'export const codes = ["AuthFailure.TokenFailure","b.ts","  x","beside the plugin"];');
  t.is(out["src/local/codes.ts"]!.split("\n")[0], "// Code generated by errgen from spec.yaml by plugin ./local.ts. DO NOT EDIT.");

  // The output cache watches an installed plugin's files and its package.json: runs in a process of their own, as a
  // build runs them (a long-running process keeps the modules a .js plugin imports: README, "How plugins are loaded").
  const cli = async () => ({ stdout: (await run(process.execPath, [join(REPO_ROOT, "generator/bin/errgen.js"), "generate", "--spec", "spec.yaml"], { cwd: dir })).stdout, code: 0 });
  t.is((await cli()).code, 0);
  t.regex((await cli()).stdout, /up to date since the last run/);
  writeFileSync(join(dir, "node_modules/@acme/errgen-plugin-status/lib/prefix.mjs"), 'export const PREFIX = "v2:";\n');
  t.notRegex((await cli()).stdout, /up to date since the last run/, "a file the installed plugin imports changed");
  t.true(readFileSync(join(dir, "generated/demo-errors/dist/esm/status.js"), "utf8").includes('"v2:demo-errors"'));
  const manifest = join(dir, "node_modules/@acme/errgen-plugin-status/package.json");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"name"', '"version":"2.0.0","name"'));
  t.notRegex((await cli()).stdout, /up to date since the last run/, "the installed plugin's package.json changed");
  t.regex((await cli()).stdout, /up to date since the last run/);
});

test("the API runs plugins too: generate and check answer diagnostics as data, never a throw", async (t) => {
  const { generate, check } = await import("../../generator/index.ts");
  const dir = project(t, ["./ok.mjs"], { "ok.mjs": 'export default ({ createSourceFile }) => { createSourceFile("ok", "export const ok = true;\\n"); };\n' });
  const generated = await generate({ spec: "spec.yaml", out: "out", cwd: dir });
  t.true(generated.ok && !generated.cached && generated.report.written.includes("dist/cjs/ok.js"));
  t.like(await check({ spec: "spec.yaml", out: "out", cwd: dir }), { ok: true, upToDate: true });
  writeFileSync(join(dir, "ok.mjs"), "export default () => { throw new RangeError('no'); };\n");
  const expected = { ok: false, diagnostics: [{ position: { file: "spec.yaml", line: 10, column: 5 }, message: 'plugin "./ok.mjs" failed: RangeError: no' }] };
  t.like(await generate({ spec: "spec.yaml", out: "out", cwd: dir }), expected);
  t.like(await check({ spec: "spec.yaml", out: "out", cwd: dir }), expected);
  t.is(folderContents(join(dir, "out"), { relative: true })["dist/cjs/ok.js"]?.includes("exports.ok = true;"), true, "the package stays");
});

test("a JavaScript plugin whose modules import each other in a cycle runs as Node loads it; the API called again loads a changed module afresh", async (t) => {
  const { generate } = await import("../../generator/index.ts");
  const dir = project(t, ["./cycle-a.mjs", "./fresh.js"], {
    "cycle-a.mjs": 'import { b } from "./cycle-b.mjs";\nexport const a = "a";\nexport default ({ createSourceFile }) => { createSourceFile("cycle", `export const ab = ${JSON.stringify(a + b())};\\n`); };\n',
    "cycle-b.mjs": 'import { a } from "./cycle-a.mjs";\nexport const b = () => `b${a}`;\n',
    "fresh.js": 'import { word } from "./lib/word.js";\nexport default ({ createSourceFile }) => { createSourceFile("fresh", `export const word = ${JSON.stringify(word)};\\n`); };\n',
    "lib/word.js": 'export const word = "first";\n',
  });
  // .js files are ES modules here, as package.json says.
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "demo", private: true, type: "module" })}\n`);
  const first = await generate({ spec: "spec.yaml", out: "out", cwd: dir });
  t.true(first.ok, JSON.stringify(first));
  t.is(readFileSync(join(dir, "out/dist/esm/cycle.js"), "utf8").split("\n")[1], 'export const ab = "aba";');
  writeFileSync(join(dir, "lib/word.js"), 'export const word = "second";\n');
  t.like(await generate({ spec: "spec.yaml", out: "out", cwd: dir }), { ok: true, cached: false });
  t.is(readFileSync(join(dir, "out/dist/esm/fresh.js"), "utf8").split("\n")[1], 'export const word = "second";');
});
