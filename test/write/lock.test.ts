// One writer per output folder (write/output-lock.ts), proven with real processes: pairs of
// `errgen generate` runs of two different specs into one folder, held at a barrier right before they
// take the lock and let go at the same instant, with and without a stale lock left by a dead run.
// Every time, the folder holds one spec's whole package, the loser says so with exit code 2, and
// nothing is left behind but the package.
import test from "ava";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { folderContents, REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

const BIN = join(REPO_ROOT, "generator/bin/errgen.js");
const PAIRS = 8;

const tree = (dir: string) => folderContents(dir, { relative: true });

function generate(cwd: string, spec: string, out: string, barrier: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "generate", "--spec", spec, "--out", out], { cwd, env: { ...process.env, ERRGEN_LOCK_BARRIER: barrier }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

for (const stale of [false, true]) {
  test(`two runs let go at the same instant${stale ? ", over a stale lock," : ""} never mix a package: one writes, the other exits 2`, async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, "package.json"), "{}\n");
    const specs = ["a.yaml", "b.yaml"];
    writeFileSync(join(dir, "a.yaml"), specText(Array.from({ length: 400 }, (_, i) => ({ code: `Alpha.Code${i}` }))));
    writeFileSync(join(dir, "b.yaml"), specText(Array.from({ length: 600 }, (_, i) => ({ code: `Beta.Code${i}` }))));
    // What each spec writes on its own; large enough that a run holds the lock well past the other's attempt.
    const complete: Record<string, string>[] = [];
    for (const spec of specs) {
      t.is((await runErrgen(["generate", "--spec", spec, "--out", `ref-${spec}`], dir)).code, 0);
      complete.push(tree(join(dir, `ref-${spec}`)));
    }
    const outcomes = { a: 0, b: 0 };
    for (let pair = 0; pair < PAIRS; pair++) {
      // A folder of its own per pair: the output cache never answers for a run, so both take the lock.
      const out = `out-${pair}`;
      const lock = join(dir, `.errgen-lock-${out}`);
      // A lock from an errgen that died (no pid is this large), in today's format and in the older one.
      if (stale) writeFileSync(lock, pair % 2 === 0 ? "4999999 4999999-0123456789ab\n" : "4999999");
      const barrier = join(dir, `go-${pair}`);
      const runs = [generate(dir, "a.yaml", out, barrier), generate(dir, "b.yaml", out, barrier)];
      // Let go once both wait at the barrier, right before they take the lock.
      while (readdirSync(dir).filter((name) => name.startsWith(`go-${pair}.`) && name.endsWith(".ready")).length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      mkdirSync(barrier);
      const [a, b] = await Promise.all(runs);
      const codes = [a!.code, b!.code].sort();
      t.deepEqual(codes, [0, 2], `pair ${pair}: one run writes, the other is refused (${a!.stderr}${b!.stderr})`);
      const loser = a!.code === 2 ? a! : b!;
      t.regex(loser.stderr, /^errgen: another errgen \(pid \d+\) is writing \S*\/out-\d+; wait for it to finish, or delete \S+ if no errgen is running\n$/);
      const written = tree(join(dir, out));
      const which = JSON.stringify(written) === JSON.stringify(complete[0]) ? "a" : "b";
      t.deepEqual(written, complete[which === "a" ? 0 : 1], `pair ${pair}: one spec's whole package`);
      outcomes[which]++;
      t.deepEqual(readdirSync(dir).filter((name) => name.startsWith(".errgen-")), [], `pair ${pair}: no lock, staging or takeover left`);
      for (const name of readdirSync(dir).filter((entry) => entry.startsWith("go-"))) rmSync(join(dir, name), { recursive: true });
    }
    t.log(`${PAIRS} pairs: a won ${outcomes.a}, b won ${outcomes.b}`);
  });
}
