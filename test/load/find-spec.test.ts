// Which spec `errgen generate`, `check` and `watch` read without --spec (load/find-spec.ts): the nearest
// package.json from the working folder up marks the project; its "errgen": {"spec"} names the spec,
// else errors.yaml beside it; and what each command says when that goes wrong.
import test from "ava";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

/** A project folder holding `files` (path → text). */
function project(t: Parameters<typeof tempDir>[0], files: Record<string, string>): string {
  const dir = tempDir(t);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const spec = (name: string) => specText([{ code: "Auth.Token" }], { name });

const found: [string, { files: Record<string, string>; cwd: string; want: string }][] = [
  ["errors.yaml beside package.json", { files: { "package.json": "{}\n", "errors.yaml": spec("beside-errors") }, cwd: ".", want: "generated/beside-errors" }],
  ["from a subfolder, the project's errors.yaml", { files: { "package.json": "{}\n", "errors.yaml": spec("up-errors"), "src/deep/keep": "" }, cwd: "src/deep", want: "PROJECT/generated/up-errors" }],
  [
    'package.json\'s "errgen": {"spec"}, relative to it, wins over errors.yaml',
    { files: { "package.json": '{"errgen": {"spec": "api/errors/spec.yaml"}}\n', "api/errors/spec.yaml": spec("named-errors"), "errors.yaml": spec("ignored-errors") }, cwd: ".", want: "generated/named-errors" },
  ],
  ["no package.json: errors.yaml in the working folder", { files: { "errors.yaml": spec("loose-errors") }, cwd: ".", want: "generated/loose-errors" }],
];

for (const [name, { files, cwd, want }] of found) {
  test(`found: ${name}`, async (t) => {
    const dir = project(t, files);
    const run = await runErrgen(["generate"], join(dir, cwd));
    t.is(run.code, 0, run.stderr);
    // Paths outside the working folder are shown whole.
    t.true(run.stdout.startsWith(`errgen: ${want.replace("PROJECT", dir)} (1 code)`), run.stdout);
    t.is((await runErrgen(["check"], join(dir, cwd))).code, 0, "check finds the same spec");
  });
}

const refused: [string, { files: Record<string, string>; code: number; stderr: string }][] = [
  [
    "no spec at all",
    { files: { "package.json": "{}\n" }, code: 2, stderr: 'errgen: no spec found: errors.yaml does not exist and package.json names no other ("errgen": {"spec": "PATH"}). Write one with `errgen init`, or name it with --spec FILE\n' },
  ],
  ["a named spec that is missing", { files: { "package.json": '{"errgen": {"spec": "nope.yaml"}}\n', "errors.yaml": spec("x-errors") }, code: 2, stderr: "errgen: cannot read spec nope.yaml: no such file\n" }],
  [
    '"errgen" that is not an object',
    {
      files: { "package.json": '{\n  "name": "x",\n  "errgen": "errors.yaml"\n}\n' },
      code: 1,
      stderr: 'package.json:3:13: error: "errgen" must be an object: write "errgen": {"spec": "PATH"}, the root spec\'s path relative to this package.json\nerrgen: 1 error; nothing was written\n',
    },
  ],
  [
    '"errgen.spec" that is not a string',
    {
      files: { "package.json": '{\n  "errgen": {\n    "spec": 42\n  }\n}\n' },
      code: 1,
      stderr: 'package.json:3:13: error: "errgen.spec" must be a non-empty string: write "errgen": {"spec": "PATH"}, the root spec\'s path relative to this package.json\nerrgen: 1 error; nothing was written\n',
    },
  ],
  [
    '"errgen" without "spec"',
    {
      files: { "package.json": '{"errgen": {"spce": "errors.yaml"}}\n' },
      code: 1,
      stderr: 'package.json:1:12: error: "errgen" has no "spec": write "errgen": {"spec": "PATH"}, the root spec\'s path relative to this package.json\nerrgen: 1 error; nothing was written\n',
    },
  ],
  ["a package.json that is not JSON", { files: { "package.json": "{ name: x }\n" }, code: 2, stderr: "errgen: cannot read package.json: " }],
];

for (const [name, { files, code, stderr }] of refused) {
  test(`refused: ${name}`, async (t) => {
    const dir = project(t, files);
    for (const command of ["generate", "check"]) {
      const run = await runErrgen([command], dir);
      t.is(run.code, code, `${command}: ${run.stderr}`);
      t.true(run.stderr.startsWith(stderr), `${command}:\n${run.stderr}\nshould start with\n${stderr}`);
      t.is(run.stdout, "");
    }
  });
}

test("init with no file writes errors.yaml at the project's root, from any folder, and a plain generate finds it", async (t) => {
  const dir = project(t, { "package.json": '{"name": "@acme/billing"}\n', "src/keep": "" });
  const init = await runErrgen(["init"], join(dir, "src"));
  t.is(init.code, 0, init.stderr);
  t.is(init.stdout, `errgen: wrote ${join(dir, "errors.yaml")}. Next: edit its codes, then run \`errgen generate\`\n`);
  t.true(readFileSync(join(dir, "errors.yaml"), "utf8").includes("`errgen generate` writes a\n# typed npm package from it."), "the spec's own comment says how to generate");
  const generated = await runErrgen(["generate"], join(dir, "src"));
  t.is(generated.code, 0, generated.stderr);
  t.true(generated.stdout.startsWith(`errgen: ${join(dir, "generated/billing-errors")} (3 codes)`), generated.stdout);
});

test("init of another file says how generate finds it: --spec, or the package.json key, which then works", async (t) => {
  const dir = project(t, { "package.json": "{}\n" });
  const init = await runErrgen(["init", "api/errors.yaml"], dir);
  t.is(init.code, 0, init.stderr);
  t.is(
    init.stdout,
    'errgen: wrote api/errors.yaml. Next: edit its codes, then run `errgen generate --spec api/errors.yaml`, or add "errgen": {"spec": "api/errors.yaml"} to package.json so that a plain `errgen generate` finds it\n',
  );
  t.true(readFileSync(join(dir, "api/errors.yaml"), "utf8").includes("`errgen generate --spec api/errors.yaml` writes a"));
  t.is((await runErrgen(["generate"], dir)).code, 2, "not found by the rule yet");
  writeFileSync(join(dir, "package.json"), '{"errgen": {"spec": "api/errors.yaml"}}\n');
  t.is((await runErrgen(["generate"], dir)).code, 0, "found once package.json names it");
});

test("this repository's own spec is found by the same rule", (t) => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
  t.is(manifest.errgen.spec, "spec/tencentcloud.yaml");
  t.regex(manifest.scripts.generate, /errgen\.js generate(?! --spec)/, "npm run generate passes no --spec");
});

test("init where package.json already names another spec leaves that key alone and says --spec", async (t) => {
  const dir = project(t, { "package.json": '{"errgen": {"spec": "api/errors.yaml"}}\n' });
  const init = await runErrgen(["init"], dir);
  t.is(init.code, 0, init.stderr);
  t.is(init.stdout, "errgen: wrote errors.yaml. Next: edit its codes, then run `errgen generate --spec errors.yaml`\n");
});
