// Spec text is data: comment terminators, quotes, template syntax, HTML, table pipes, line and
// paragraph separators must come out as text, never as code or broken markdown.
import test from "ava";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { templateLines } from "../../generator/emit/safe-text.ts";
import { FIXED_EXPORTS } from "../../generator/validate/check-names.ts";
import { runErrgen, tempDir, REPO_ROOT } from "../helpers/run-cli.ts";

const HOSTILE = [
  "Ends a comment */ then code(); /* opens one",
  'Quotes " and \' and a backslash \\ and a backtick ` and ${"template"} and ${process.exit(1)}',
  '<a href="https://example.com/?a=1&b=2" onclick="alert(1)">link</a> <script>alert(1)</script> <!-- x -->',
  "A | table | pipe and **bold** _em_ [link](http://x) # heading",
  "Line one\nline two\r\nline three",
  "Separators\u2028line\u2029paragraph",
  "Emoji 🚀🔥 and Chinese 签名错误。and an @tag {@link x}",
  "// not a comment\n*/ export const injected = 1; /*",
];

// Codes named like Object.prototype members are valid codes and must work like any other.
const CODES = ["Hostile.Comment", "Hostile.Quotes", "Hostile.Html", "Hostile.Table", "Hostile.Lines", "Hostile.Separators", "Hostile.Emoji", "Hostile.Injection"];
const PROTOTYPE_CODES = ["constructor", "prototype", "toString", "hasOwnProperty"];

function hostileSpec(): string {
  const quoted = (text: string) => JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  const lines = [
    "specVersion: 1",
    "package:",
    "  name: hostile-api-errors",
    "  version: 1.0.0",
    `  description: ${quoted(HOSTILE[0]!)}`,
    "categories:",
    "  Hostile:",
    `    description: ${quoted(HOSTILE[1]!)}`,
    "codes:",
  ];
  CODES.forEach((code, i) => lines.push(`  ${code}:`, `    description: ${quoted(HOSTILE[i]!)}`, `    description_zh: ${quoted(HOSTILE[(i + 3) % HOSTILE.length]!)}`));
  for (const code of PROTOTYPE_CODES) lines.push(`  ${code}:`, `    description: ${quoted(`The ${code} code.`)}`);
  return `${lines.join("\n")}\n`;
}

test("hostile descriptions generate a package that compiles, exports nothing extra, keeps the text and renders a sound README", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "spec.yaml"), hostileSpec());
  const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "pkg"], dir);
  t.is(run.code, 0, run.stderr);
  const pkg = join(dir, "pkg");

  // It compiles, strictly.
  const tsc = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", join(pkg, "src/index.ts")], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    return t.fail(`tsc failed:\n${(error as { stdout?: string }).stdout}`);
  }

  // It exports exactly the API: no text became a declaration.
  const api = await import(join(pkg, "dist/esm/index.js"));
  const classes = [...CODES, ...PROTOTYPE_CODES, "Hostile"].map((code) => `${code.replace(/\./g, "").replace(/^./, (c) => c.toUpperCase())}Error`);
  const guards = ["Hostile", ...PROTOTYPE_CODES].map((category) => `is${category.replace(/^./, (c) => c.toUpperCase())}Code`);
  const expected = [...FIXED_EXPORTS.filter((name) => /^[a-z]/.test(name)), "ApiError", "ErrorCode", "ErrorCodes", "isErrorCode", ...classes, ...guards];
  t.deepEqual(Object.keys(api).sort(), expected.sort());
  t.is((globalThis as Record<string, unknown>)["injected"], undefined);

  // The text comes back exactly, in both languages.
  CODES.forEach((code, i) => {
    t.is(api.describeError(code).description, HOSTILE[i]);
    t.is(api.describeError(code, "zh").description, HOSTILE[(i + 3) % HOSTILE.length]);
  });
  for (const code of PROTOTYPE_CODES) {
    t.is(api.describeError(code).description, `The ${code} code.`);
    const error = api.toApiError({ Response: { Error: { Code: code, Message: "m" }, RequestId: "r" } });
    t.is(error.name, `${code.replace(/^./, (c) => c.toUpperCase())}Error`);
    t.true(api.isErrorCode(code));
  }

  // The text is inside comments and strings only: no identifier from it reached the syntax tree.
  for (const file of ["src/errors.ts", "src/codes.ts", "src/catalogue.ts", "dist/esm/catalogue.js", "dist/cjs/catalogue.js", "dist/esm/errors.d.ts", "dist/cjs/codes.d.ts"]) {
    const text = readFileSync(join(pkg, file), "utf8");
    t.true(text.includes("then code();"), `${file} keeps the text`);
    t.deepEqual(identifiersIn(text, file).filter((name) => ["injected", "alert", "exit", "process", "onclick"].includes(name)), [], file);
  }

  // The README table has one line per code, each with exactly five cells, and no live HTML.
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  const codeTable = readme.slice(readme.indexOf("## Codes"));
  const rows = codeTable.split("\n").filter((line) => /^\| `/.test(line));
  t.is(rows.length, CODES.length + PROTOTYPE_CODES.length);
  for (const row of rows) t.is(row.split(/(?<!\\)\|/).length, 8, row);
  t.false(/<(a|script)\b/i.test(readme), "HTML is escaped");
  t.false(readme.includes("\u2028") || readme.includes("\u2029"));
});

/** Every identifier in a file's syntax tree (comments and string contents are not part of it). */
function identifiersIn(text: string, fileName: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

test("a lookup table's template literal keeps any entry text exactly, as data", (t) => {
  const entries = ["a`b", "x${y}", "back\\slash", "cr\rlf\nls\u2028ps\u2029", "$notbrace", "plain */ </script>"];
  const literal = templateLines(entries);
  const parsed = ts.createSourceFile("table.ts", `export const table = ${literal};`, ts.ScriptTarget.ES2022);
  const [statement] = parsed.statements;
  t.true(statement !== undefined && ts.isVariableStatement(statement));
  const initializer = ts.isVariableStatement(statement!) ? statement.declarationList.declarations[0]?.initializer : undefined;
  t.true(initializer !== undefined && ts.isNoSubstitutionTemplateLiteral(initializer), "one template literal, no substitution");
  t.is(new Function(`return ${literal};`)(), `\n${entries.join("\n")}\n`);
});
