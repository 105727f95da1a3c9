// `errgen watch` as users run it: a child process that regenerates when the root spec, an included
// product spec or a template changes, reports a broken spec and keeps the last good package, and stops
// cleanly on Ctrl-C.
import test from "ava";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { folderContents, REPO_ROOT, tempDir } from "./helpers/run-cli.ts";
import { specText } from "./helpers/spec-text.ts";

test("watch regenerates on changes to the root spec, an included spec and a template; survives a broken spec; stops on SIGINT", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "package.json"), "{}\n");
  mkdirSync(join(dir, "products"));
  mkdirSync(join(dir, "templates"));
  const root = (codes: string[]) => specText(codes.map((code) => ({ code })), { top: "products: [products/billing.yaml]\ntemplates: templates" });
  writeFileSync(join(dir, "errors.yaml"), root(["Auth.Token"]));
  writeFileSync(join(dir, "products/billing.yaml"), "product: billing\nversion: '1'\ncodes:\n  Quota.Daily: {description: Spent.}\n");
  writeFileSync(join(dir, "templates/package-readme.md.hbs"), "# {{name}} v1\n");
  const out = join(dir, "generated/test-api-errors");

  const child = spawn(process.execPath, [join(REPO_ROOT, "generator/bin/errgen.js"), "watch", "--spec", "errors.yaml", "--debounce", "100"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  t.teardown(() => child.kill("SIGKILL"));

  const summaries = () => stdout.split("\n").filter((line) => / written, \d+ unchanged, \d+ removed/.test(line));
  const waitFor = async (what: string, ready: () => boolean) => {
    const deadline = Date.now() + 30_000;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
  };
  /** Changes a file, then waits for the next summary. A change made before the watcher is set up is retried. */
  const change = async (what: string, file: string, text: string) => {
    const before = summaries().length;
    writeFileSync(join(dir, file), text);
    await waitFor(what, () => summaries().length > before);
    return summaries().at(-1)!;
  };

  await waitFor("the first run", () => summaries().length === 1 && stdout.includes("watching"));
  t.regex(summaries()[0]!, /^errgen: generated\/test-api-errors \(2 codes, 1 product\): \d+ written, 0 unchanged, 0 removed in/);
  t.regex(stdout, /errgen: watching 2 spec files and the templates in templates for changes \(Ctrl-C stops\)/);
  t.is(readFileSync(join(out, "README.md"), "utf8"), "# test-api-errors v1\n");

  t.regex(await change("the root spec", "errors.yaml", root(["Auth.Token", "Auth.Expired"])), /\(3 codes, 1 product\): [1-9]\d* written/);
  t.true(readFileSync(join(out, "src/codes.ts"), "utf8").includes('"Auth.Expired"'));

  t.regex(await change("the product spec", "products/billing.yaml", "product: billing\nversion: '1'\ncodes:\n  Quota.Daily: {description: Spent.}\n  Quota.Monthly: {description: Spent too.}\n"), /\(4 codes, 1 product\)/);
  t.true(readFileSync(join(out, "src/products/billing.ts"), "utf8").includes('"Quota.Monthly"'));

  await change("the template", "templates/package-readme.md.hbs", "# {{name}} v2\n");
  t.is(readFileSync(join(out, "README.md"), "utf8"), "# test-api-errors v2\n");

  const good = folderContents(out);
  const errorsBefore = stderr.length;
  writeFileSync(join(dir, "errors.yaml"), root(["Auth.Token", "Auth.Expired"]).replace("Auth.Expired:", "Auth.Expired.:"));
  await waitFor("the error", () => stderr.slice(errorsBefore).includes("nothing was written"));
  t.regex(stderr.slice(errorsBefore), /^errors\.yaml:\d+:3: error: .*code "Auth\.Expired\." .*\nerrgen: 1 error; nothing was written\n$/);
  t.deepEqual(folderContents(out), good, "the last good package stays");
  t.is(child.exitCode, null, "still running");

  t.regex(await change("the fix", "errors.yaml", root(["Auth.Token"])), /\(3 codes, 1 product\)/);
  t.false(readFileSync(join(out, "src/codes.ts"), "utf8").includes('"Auth.Expired"'));

  child.kill("SIGINT");
  t.is(await exited, 0);
});
