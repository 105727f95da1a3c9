// The command line: help for every command and option, --version, usage errors with suggestions
// (exit 2), colours on terminals only, pretty diagnostics, the run summary, `init`, your own
// templates, and where options come from (flags win; relative paths resolve against the spec).
import test from "ava";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Ajv } from "ajv";
import { load } from "js-yaml";
import { COMMANDS } from "../../generator/cli/command-line.ts";
import { productDocView, readmeView } from "../../generator/emit/emit-readme.ts";
import { runCli } from "../../generator/cli.ts";
import { compile } from "../../generator/errgen.ts";
import { releaseView } from "../../generator/release/changelog.ts";
import type { Change } from "../../generator/release/diff-catalogues.ts";
import { folderContents, REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

const ESCAPE = /\x1b\[/;
const TERMINAL = { stdoutIsTTY: true, stderrIsTTY: true, env: {} };

test("errgen --help lists every command; errgen <command> --help every option of it", async (t) => {
  const top = await runErrgen(["--help"]);
  t.is(top.code, 0);
  for (const command of COMMANDS) t.regex(top.stdout, new RegExp(`\\n  ${command.name} +${command.summary.slice(0, 20).replace(/[()]/g, "\\$&")}`));
  for (const command of COMMANDS) {
    const help = await runErrgen([command.name, "--help"]);
    t.is(help.code, 0, command.name);
    t.true(help.stdout.startsWith(`Usage: errgen ${command.name}`), command.name);
    for (const option of command.options) t.true(help.stdout.includes(`--${option.name}${option.value ? ` ${option.value}` : ""}`), `${command.name} --${option.name}`);
    for (const argument of command.arguments) t.true(help.stdout.includes(argument.name), `${command.name} ${argument.name}`);
  }
});

test("errgen --version prints errgen's version", async (t) => {
  const run = await runErrgen(["--version"]);
  t.is(run.code, 0);
  t.is(run.stdout, `${JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version}\n`);
  t.deepEqual(await runErrgen(["-v"]), run);
});

test("an internal error is one line and exit 2; the stack trace only with --verbose or ERRGEN_DEBUG", async (t) => {
  // A bug stand-in: the first write to stdout throws.
  const failing = async (argv: string[], env: Record<string, string> = {}) => {
    let stderr = "";
    const code = await runCli(argv, { cwd: REPO_ROOT, env, stdout: () => { throw new TypeError("stdout is gone\nsecond line"); }, stderr: (text) => (stderr += text) });
    return { code, stderr };
  };
  const plain = await failing(["--version"]);
  t.is(plain.code, 2);
  t.is(plain.stderr, "errgen: internal error: stdout is gone (a bug in errgen: please report it with the stack trace that --verbose or ERRGEN_DEBUG=1 prints)\n");
  for (const [argv, env] of [[["generate", "--help", "--verbose"], {}], [["--version"], { ERRGEN_DEBUG: "1" }]] as const) {
    const traced = await failing([...argv], env);
    t.is(traced.code, 2);
    t.regex(traced.stderr, /^errgen: internal error: stdout is gone .*\nTypeError: stdout is gone\nsecond line\n\s+at /);
  }
});

test("unknown commands and options exit 2 with a suggestion and a pointer to the help", async (t) => {
  const cases: [string[], string][] = [
    [["gnerate"], 'errgen: unknown command "gnerate"; did you mean "generate"?\nRun `errgen --help` for usage.\n'],
    [["generate", "--sepc", "x.yaml"], "errgen: unknown option --sepc for generate; did you mean --spec?\nRun `errgen generate --help` for usage.\n"],
    [["check", "--templtes=t"], "errgen: unknown option --templtes for check; did you mean --templates?\nRun `errgen check --help` for usage.\n"],
    [["generate", "--spec"], "errgen: --spec needs a value (FILE)\nRun `errgen generate --help` for usage.\n"],
    [["generate", "--pretty", "maybe"], 'errgen: --pretty takes true or false, not "maybe"\nRun `errgen generate --help` for usage.\n'],
    [["generate", "extra"], 'errgen: unexpected argument "extra" for generate\nRun `errgen generate --help` for usage.\n'],
    [["import-corpus", "only-one"], "errgen: import-corpus needs CORPUS_DIR and SPEC_DIR\nRun `errgen import-corpus --help` for usage.\n"],
    [["watch", "--debounce", "soon"], 'errgen: --debounce takes a whole number of milliseconds, not "soon"\nRun `errgen watch --help` for usage.\n'],
    [[], "errgen: missing command\nRun `errgen --help` for usage.\n"],
  ];
  for (const [argv, stderr] of cases) {
    const run = await runErrgen(argv);
    t.is(run.code, 2, argv.join(" "));
    t.is(run.stderr, stderr, argv.join(" "));
    t.is(run.stdout, "");
  }
  const missing = await runErrgen(["generate", "--spec", "does-not-exist.yaml"]);
  t.is(missing.code, 2);
  t.is(missing.stderr, "errgen: cannot read spec does-not-exist.yaml: no such file\n");
});

function project(t: Parameters<typeof tempDir>[0], spec = specText([{ code: "Auth.Token" }, { code: "Broken" }])) {
  const dir = tempDir(t);
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(join(dir, "errors.yaml"), spec);
  return dir;
}

test("the summary names the package, codes, files written/unchanged/removed and the time", async (t) => {
  const dir = project(t);
  const first = await runErrgen(["generate", "--spec", "errors.yaml"], dir);
  t.regex(first.stdout, /^errgen: generated\/test-api-errors \(2 codes\): \d+ written, 0 unchanged, 0 removed in \d+\.\d\d s\n$/);
  writeFileSync(join(dir, "errors.yaml"), specText([{ code: "Auth.Token" }]));
  const second = await runErrgen(["generate", "--spec", "errors.yaml"], dir);
  t.regex(second.stdout, /^errgen: generated\/test-api-errors \(1 code\): [1-9]\d* written, [1-9]\d* unchanged, 0 removed in \d+\.\d\d s\nerrgen: 3 changes \(major\) since the package on disk/);
  writeFileSync(join(dir, "errors.yaml"), specText([{ code: "Auth.Token" }], { top: "products: [billing.yaml]" }));
  // A product repeating a common code (Auth.Token) adds no code to the count.
  writeFileSync(join(dir, "billing.yaml"), "product: billing\nversion: '1'\ncodes:\n  Quota.Daily: {description: Spent.}\n  Auth.Token: {description: Billing's token.}\n");
  t.regex((await runErrgen(["generate", "--spec", "errors.yaml"], dir)).stdout, /^errgen: generated\/test-api-errors \(2 codes, 1 product\): [1-9]\d* written, [1-9]\d* unchanged, 0 removed in/);
  writeFileSync(join(dir, "errors.yaml"), specText([{ code: "Auth.Token" }]));
  t.regex((await runErrgen(["generate", "--spec", "errors.yaml"], dir)).stdout, /^errgen: generated\/test-api-errors \(1 code\): [1-9]\d* written, [1-9]\d* unchanged, [1-9]\d* removed in/);
});

test("colours only on a terminal; NO_COLOR turns them off, FORCE_COLOR on", async (t) => {
  const dir = project(t);
  const bad = ["generate", "--spec", "errors.yaml", "--pretty", "false"];
  writeFileSync(join(dir, "bad.yaml"), "specVersion: 1\npackage: {name: x-errors, version: 1.0.0}\ncodes: {Bad.: {description: x}}\n");
  const runs = {
    pipe: await runErrgen(bad, dir),
    terminal: await runErrgen(bad, dir, TERMINAL),
    noColor: await runErrgen(bad, dir, { ...TERMINAL, env: { NO_COLOR: "1" } }),
    forced: await runErrgen(bad, dir, { env: { FORCE_COLOR: "1" } }),
    forcedOff: await runErrgen(bad, dir, { ...TERMINAL, env: { FORCE_COLOR: "0" } }),
  };
  t.notRegex(runs.pipe.stdout, ESCAPE);
  t.regex(runs.terminal.stdout, ESCAPE);
  t.notRegex(runs.noColor.stdout, ESCAPE);
  t.regex(runs.forced.stdout, ESCAPE);
  t.notRegex(runs.forcedOff.stdout, ESCAPE);
  const failing = ["generate", "--spec", "bad.yaml"];
  t.notRegex((await runErrgen(failing, dir)).stderr, ESCAPE);
  t.regex((await runErrgen(failing, dir, TERMINAL)).stderr, ESCAPE);
  t.notRegex((await runErrgen(failing, dir, { ...TERMINAL, env: { NO_COLOR: "" + 1 } })).stderr, ESCAPE);
});

test("on a terminal each diagnostic shows its spec line with a caret under the column; not in a pipe or with --pretty false", async (t) => {
  const dir = join(REPO_ROOT, "test/fixtures/invalid/unknown-keys");
  const argv = ["generate", "--spec", "spec.yaml", "--out", join(tempDir(t), "out")];
  const plain = readFileSync(join(dir, "expected.stderr"), "utf8");
  t.is((await runErrgen(argv, dir)).stderr, plain, "a pipe gets the plain lines");
  t.is((await runErrgen([...argv, "--pretty", "false"], dir, TERMINAL)).stderr, plain, "--pretty false: plain lines, no colours");
  const pretty = await runErrgen(argv, dir, { ...TERMINAL, env: { NO_COLOR: "1" } });
  t.is(pretty.code, 1);
  const source = readFileSync(join(dir, "spec.yaml"), "utf8").split("\n");
  const heads = plain.split("\n").filter((line) => line.startsWith("spec.yaml:"));
  t.true(heads.length >= 3);
  for (const head of heads) {
    const [, line, column] = /^spec\.yaml:(\d+):(\d+):/.exec(head)!.map(Number) as [number, number, number];
    const block = `${head}\n\n${line} | ${source[line - 1]}\n${" ".repeat(String(line).length)} | ${" ".repeat(column - 1)}^\n`;
    t.true(pretty.stderr.includes(block), `expected under ${head}:\n${block}`);
    t.is(source[line - 1]!.slice(column - 1).split(":")[0]!.trim().length > 0, true, "the caret points at a key");
  }
  t.true(pretty.stderr.endsWith(`errgen: ${heads.length} errors; nothing was written\n`));
  const forced = await runErrgen([...argv, "--pretty", "true"], dir);
  t.true(forced.stderr.includes(`\n\n8 |     descripton: Something broke.\n  |     ^\n`), "--pretty true in a pipe");
});

test("init writes a starter spec with the schema line; it validates, generates, and is never overwritten", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "@acme/Billing Service" }));
  const run = await runErrgen(["init", "spec/errors.yaml"], dir);
  t.is(run.code, 0, run.stderr);
  t.true(run.stdout.startsWith("errgen: wrote spec/errors.yaml. Next: edit its codes, then run `errgen generate --spec spec/errors.yaml`"), run.stdout);
  const file = join(dir, "spec/errors.yaml");
  const text = readFileSync(file, "utf8");
  const schemaLine = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
  t.truthy(schemaLine, "first line names the schema");
  const schemaPath = resolve(dirname(file), schemaLine![1]!);
  t.is(schemaPath, join(REPO_ROOT, "generated/schema/errgen-spec.schema.json"));
  const ajv = new Ajv({ allErrors: true, strictRequired: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
  t.true(validate(load(text)), ajv.errorsText(validate.errors));
  t.true(text.split("\n").filter((line) => line.trimStart().startsWith("#")).length >= 8, "commented");
  const generated = await runErrgen(["generate", "--spec", "spec/errors.yaml"], dir);
  t.is(generated.code, 0, generated.stderr);
  t.regex(generated.stdout, /^errgen: generated\/billing-service-errors \(3 codes\)/);

  writeFileSync(file, "# mine\n");
  const again = await runErrgen(["init", "spec/errors.yaml"], dir);
  t.is(again.code, 1);
  t.is(again.stderr, "errgen: spec/errors.yaml already exists; init never overwrites a file. Choose another name: errgen init FILE\n");
  t.is(readFileSync(file, "utf8"), "# mine\n");
  const fallback = await runErrgen(["init"], dir);
  t.is(fallback.code, 0);
  t.true(existsSync(join(dir, "errors.yaml")));
});

const README_TEMPLATE = "package-readme.md.hbs";

test("--templates replaces a built-in template and keeps the others; the spec's templates key too; the flag wins", async (t) => {
  const dir = project(t, specText([{ code: "Auth.Token" }], { top: "templates: team-templates" }));
  mkdirSync(join(dir, "team-templates"));
  mkdirSync(join(dir, "other-templates"));
  writeFileSync(join(dir, "team-templates", README_TEMPLATE), "# {{name}} by the team\n\n{{#each codeGroups}}{{#each codes}}- {{code}}: {{md description}}\n{{/each}}{{/each}}");
  writeFileSync(join(dir, "other-templates", README_TEMPLATE), "# {{name}} from the flag ({{codeCount}} codes)\n");
  const out = join(dir, "generated/test-api-errors");
  t.is((await runErrgen(["generate", "--spec", "errors.yaml"], dir)).code, 0);
  // errgen's header first, whatever the template: every generated file says where it came from.
  const header = "<!-- Code generated by errgen from errors.yaml. DO NOT EDIT. -->\n";
  t.is(readFileSync(join(out, "README.md"), "utf8"), `${header}# test-api-errors by the team\n\n- Auth.Token: Auth.Token happened.\n`);
  t.true(existsSync(join(out, "src/index.ts")));
  const flagged = await runErrgen(["generate", "--spec", "errors.yaml", "--templates", "other-templates"], dir);
  t.is(flagged.code, 0, flagged.stderr);
  t.is(readFileSync(join(out, "README.md"), "utf8"), `${header}# test-api-errors from the flag (1 codes)\n`);
  t.is((await runErrgen(["check", "--spec", "errors.yaml", "--templates", "other-templates"], dir)).code, 0, "check uses the same templates");
  t.is((await runErrgen(["check", "--spec", "errors.yaml"], dir)).code, 1, "and sees the spec's templates differ");
});

test("a template that asks for a missing field, does not parse, or replaces nothing is an error at its file:line:column; nothing is written", async (t) => {
  const dir = project(t);
  const out = join(dir, "generated/test-api-errors");
  t.is((await runErrgen(["generate", "--spec", "errors.yaml"], dir)).code, 0);
  const before = folderContents(out);
  const templates = join(dir, "templates");
  mkdirSync(templates);
  const cases: [string, string, string][] = [
    [README_TEMPLATE, "# {{name}}\n\nSee {{homepage}}.\n", `templates/${README_TEMPLATE}:3:7: error: the template refers to "homepage", which its view does not have: see "Templates" in errgen's README for each template's fields`],
    [README_TEMPLATE, "# {{name}}\n{{#each codeGroups}}\n{{/if}}\n", `templates/${README_TEMPLATE}:2:4: error: the template does not compile: each doesn't match if\n`],
    ["licence.md.hbs", "x", "templates/licence.md.hbs:1:1: error: errgen has no template named licence.md.hbs: a template replaces one of "],
  ];
  for (const [name, text, expected] of cases) {
    for (const existing of readdirSync(templates)) writeFileSync(join(templates, existing), "");
    writeFileSync(join(templates, name), text);
    const run = await runErrgen(["generate", "--spec", "errors.yaml", "--templates", "templates"], dir);
    t.is(run.code, 1, name);
    t.true(run.stderr.startsWith(expected), `${run.stderr} should start with ${expected}`);
    t.true(run.stderr.endsWith("errgen: 1 error; nothing was written\n"), run.stderr);
    t.deepEqual(folderContents(out), before, "the package is untouched");
    for (const existing of readdirSync(templates)) writeFileSync(join(templates, existing), "{{name}}");
  }
});

test("options: relative paths in the spec resolve against the spec file, flags win, and --spec works from any folder", async (t) => {
  const root = tempDir(t);
  mkdirSync(join(root, "x/spec"), { recursive: true });
  mkdirSync(join(root, "elsewhere"));
  writeFileSync(join(root, "x/package.json"), "{}\n");
  writeFileSync(join(root, "x/spec/errors.yaml"), specText([{ code: "Auth.Token" }], { top: "output: ../out/pkg" }));
  const fromElsewhere = await runErrgen(["generate", "--spec", "../x/spec/errors.yaml"], join(root, "elsewhere"));
  t.is(fromElsewhere.code, 0, fromElsewhere.stderr);
  t.true(existsSync(join(root, "x/out/pkg/package.json")), "output resolved against the spec file");
  t.true(fromElsewhere.stdout.startsWith(`errgen: ${join(root, "x/out/pkg")} (1 code)`), fromElsewhere.stdout);
  t.is((await runErrgen(["check", "--spec", "x/spec/errors.yaml"], root)).code, 0, "check finds the same folder from another cwd");
  const flagged = await runErrgen(["generate", "--spec", "../x/spec/errors.yaml", "--out", "mine"], join(root, "elsewhere"));
  t.is(flagged.code, 0);
  t.true(existsSync(join(root, "elsewhere/mine/package.json")), "--out wins, relative to the working folder");
  writeFileSync(join(root, "x/spec/plain.yaml"), specText([{ code: "Auth.Token" }]));
  t.is((await runErrgen(["generate", "--spec", "../x/spec/plain.yaml"], join(root, "elsewhere"))).code, 0);
  t.true(existsSync(join(root, "x/generated/test-api-errors/package.json")), "default: generated/<name> in the spec's project");
});

/** Every key of a view, nested ones included (arrays by their first item). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) return value.length > 0 ? keysOf(value[0], into) : into;
  if (value === null || typeof value !== "object") return into;
  for (const [key, nested] of Object.entries(value)) {
    into.add(key);
    keysOf(nested, into);
  }
  return into;
}

test("the README's Templates section documents exactly the fields each template receives", async (t) => {
  const compiled = await compile({ cwd: REPO_ROOT });
  if (!compiled.ok) return t.fail("the default spec compiles");
  const { model } = compiled;
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Templates\n"), readme.indexOf("\n## ", readme.indexOf("\n## Templates\n") + 5));
  const tables = section.split("receives:").slice(1);
  t.is(tables.length, 3);
  const changes: Change[] = [
    { kind: "description", level: "patch", product: "lke", code: "A.B", before: "x", after: "y", summary: "s" },
    { kind: "export-removed", level: "major", entry: ".", name: "X", summary: "s" },
  ];
  const views: [string, object][] = [
    ["package-readme.md.hbs", readmeView(model)],
    ["product-doc.md.hbs", productDocView(model, model.products[0]!)],
    ["changelog-release.md.hbs", releaseView({ version: "1.1.0", previousVersion: "1.0.0", level: "major", changes, codeCount: 1, productCount: 1 })],
  ];
  for (const [index, [name, view]] of views.entries()) {
    const table = tables[index]!.split("\n\n")[1]!;
    t.true(section.includes(`\`${name}\` receives:`), name);
    const documented = new Set([...table.matchAll(/`([A-Za-z]+)(?:\[\])?`/g)].map((match) => match[1]!));
    const firstColumn = table.split("\n").slice(2).flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([A-Za-z]+)(?:\[\])?`/g)].map((match) => match[1]!));
    const keys = keysOf(view);
    for (const key of keys) t.true(documented.has(key), `${name}: field ${key} is not documented`);
    for (const key of firstColumn) t.true(keys.has(key), `${name}: documented field ${key} does not exist`);
  }
});
