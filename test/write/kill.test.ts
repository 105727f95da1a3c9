// `generate` is all or nothing even when the process is killed: SIGKILL at random moments while it
// writes (files are written as they are emitted, then swapped in) must leave the old package or the
// new one, each complete, never a mix.
import test from "ava";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runErrgen, tempDir, REPO_ROOT } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

const BIN = join(REPO_ROOT, "generator/bin/errgen.js");
const RUNS = 24;

function tree(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const files: Record<string, string> = {};
  const walk = (prefix: string) => {
    for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), "utf8");
    }
  };
  walk("");
  return files;
}

/**
 * Runs `generate`, and once it reports the emit stage (where writing starts), kills it after
 * `delayMs` (never, when undefined). Resolves with the time from that report to the exit.
 */
function generateAndKill(cwd: string, delayMs: number | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "generate", "--spec", "spec.yaml", "--out", "out", "--verbose"], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let emitting: number | undefined;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (emitting === undefined && stderr.includes("errgen: emit (")) {
        emitting = performance.now();
        if (delayMs !== undefined) setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("error", reject);
    child.on("exit", () => resolve(performance.now() - (emitting ?? performance.now())));
  });
}

test("SIGKILL at random points of generate leaves the old or the new package, complete", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "package.json"), "{}\n");
  const specs = [
    specText([{ code: "Auth.Token" }, { code: "Broken" }, { code: "Slow", extra: "retryable: true" }]),
    specText([{ code: "Auth.Token", description: "Reworded." }, { code: "Auth.Other" }, { code: "Gone.Missing" }]),
  ];
  // The two complete packages, generated without interference.
  const complete: Record<string, string>[] = [];
  for (const [i, text] of specs.entries()) {
    const reference = join(dir, `reference-${i}`);
    mkdirSync(reference);
    writeFileSync(join(reference, "package.json"), "{}\n");
    writeFileSync(join(reference, "spec.yaml"), text);
    t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], reference)).code, 0);
    complete.push(tree(join(reference, "out"))!);
  }
  t.notDeepEqual(complete[0], complete[1]);

  writeFileSync(join(dir, "spec.yaml"), specs[0]!);
  t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir)).code, 0);
  // How long a run takes from the emit stage to its exit on the machine the test runs on: kills are spread over that, and a bit beyond.
  const timings: number[] = [];
  for (const text of [specs[1]!, specs[0]!]) {
    writeFileSync(join(dir, "spec.yaml"), text);
    timings.push(await generateAndKill(dir, undefined));
  }
  let window = Math.max(...timings) * 1.3;
  const outcomes = { old: 0, new: 0, interruptedSwap: 0 };
  let current = 0;
  let onDisk = 0;
  // Kills are spread evenly over the window. The machine's load can change how long a run takes after
  // the timings above; when a whole round of kills landed only on one side of the swap, the next round's
  // window is moved (doubled or halved), for at most three rounds.
  let run = 0;
  for (let round = 0; round < 3 && (round === 0 || outcomes.old === 0 || outcomes.new === 0); round++) {
    if (round > 0) window = outcomes.new === 0 ? window * 2 : window / 2;
    for (let slot = 0; slot < RUNS; slot++, run++) {
      const next = 1 - current;
      writeFileSync(join(dir, "spec.yaml"), specs[next]!);
      onDisk = next;
      await generateAndKill(dir, ((slot + Math.random()) / RUNS) * window);
      const state = tree(join(dir, "out"));
      if (state === undefined) {
        // Killed between the swap's two renames: the old package waits, complete, beside the target.
        t.deepEqual(tree(join(dir, ".errgen-old-out")), complete[current], `run ${run}: the old package is kept whole`);
        outcomes.interruptedSwap++;
        t.is((await runErrgen(["check", "--spec", "spec.yaml", "--out", "out"], dir)).code, 1);
        t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir)).code, 0, "the next run recovers");
        current = next;
        continue;
      }
      if (JSON.stringify(state) === JSON.stringify(complete[current])) outcomes.old++;
      else {
        t.deepEqual(state, complete[next], `run ${run}: the package is the old one or the new one, complete`);
        outcomes.new++;
        current = next;
      }
    }
  }
  t.log(`${run} runs killed within ${window.toFixed(0)} ms of emitting: old package kept ${outcomes.old}, new package complete ${outcomes.new}, killed mid-swap ${outcomes.interruptedSwap}`);
  t.true(outcomes.old > 0 && outcomes.new > 0, "kills landed both before and after the swap");

  // A normal run afterwards recovers whatever the kills left and cleans up.
  t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir)).code, 0);
  t.deepEqual(tree(join(dir, "out")), complete[onDisk]);
  t.deepEqual(readdirSync(dir).filter((name) => name.startsWith(".errgen-")), []);
});
