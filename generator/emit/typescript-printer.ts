// Where a module's TypeScript is printed: its source (`src/*.ts`) and its declarations (the `.d.ts`
// beside each build). ts-morph's CodeBlockWriter tracks strings and comments character by character,
// which makes the source cost more than the other outputs together (about 0.5 s of the full
// catalogue's 16 MB); with a helper thread (worker/helper.ts) both are printed there while this thread
// prints the JavaScript and docs, and staged there into the package writer's folder, so the text never
// comes back. The bytes are the same.
import type { Helper } from "../worker/helper.ts";
import type { StagedFile, StagingTarget } from "../write/stager.ts";
import type { EmittedFile } from "./emitted-file.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { printModule } from "./ir/print-ir.ts";

/** One module to print: its description and its header line. */
export interface PrintJob {
  readonly module: ModuleIR;
  readonly header: string;
}

/** A module's TypeScript files: its source, and the declarations beside its ESM and CJS builds. */
export function printTypeScriptFiles({ module, header }: PrintJob): EmittedFile[] {
  const declarations = printModule(module, "dts", header);
  return [
    { path: `src/${module.path}.ts`, contents: printModule(module, "ts", header) },
    { path: `dist/esm/${module.path}.d.ts`, contents: declarations },
    { path: `dist/cjs/${module.path}.d.ts`, contents: declarations },
  ];
}

/** Prints TypeScript elsewhere: `print` hands jobs over, `finish` accounts for every file once. */
export interface TypeScriptPrinter {
  print(jobs: readonly PrintJob[]): void;
  /** Resolves when every file is in the package: staged elsewhere, or printed here and given to `sink`. */
  finish(sink: (file: EmittedFile) => void): Promise<void>;
}

/**
 * A batch of jobs for the helper: print, then stage into the writer's folder. Whoever first claims the
 * batch's slot in `claims` (0 → 1) does it: the helper as it reaches the batch, or this thread when it
 * has finished its own work first and takes the batches the helper has not started, last first.
 */
export interface StagePrintJobs {
  readonly jobs: readonly PrintJob[];
  readonly target: StagingTarget;
  readonly claims: Int32Array;
  readonly index: number;
}

/** Claims a batch for whoever calls it first; false when it was claimed already. */
export function claimBatch(claims: Int32Array, index: number): boolean {
  return Atomics.compareExchange(claims, index, 0, 1) === 0;
}

/** Jobs per message: few enough modules that the thread that finishes first finds batches left to take. */
const BATCH_SIZE = 4;

/**
 * A printer on the helper thread that stages its files into `target`, telling `adopt` which. A batch
 * the helper cannot do, or has not started when this thread is free, is printed here and given to
 * the sink (overwriting whatever the helper staged of it).
 */
export function helperPrinter(helper: Helper, target: StagingTarget, adopt: (files: readonly StagedFile[]) => void): TypeScriptPrinter {
  const batches: { jobs: readonly PrintJob[]; claims: Int32Array; index: number; staged: Promise<StagedFile[] | null | undefined> }[] = [];
  return {
    print(jobs) {
      const count = Math.ceil(jobs.length / BATCH_SIZE);
      const claims = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * Int32Array.BYTES_PER_ELEMENT));
      for (let index = 0; index < count; index++) {
        const batch = jobs.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE);
        const staged = helper.run("stage-typescript", { jobs: batch, target, claims, index }).catch(() => undefined);
        batches.push({ jobs: batch, claims, index, staged });
      }
    },
    async finish(sink) {
      const all = batches.splice(0);
      const printHere = (batch: (typeof all)[number]) => {
        for (const job of batch.jobs) for (const file of printTypeScriptFiles(job)) sink(file);
      };
      const taken = new Set<(typeof all)[number]>();
      for (let i = all.length - 1; i >= 0 && claimBatch(all[i]!.claims, all[i]!.index); i--) {
        printHere(all[i]!);
        taken.add(all[i]!);
      }
      for (const batch of all) {
        if (taken.has(batch)) continue;
        const staged = await batch.staged;
        if (staged) adopt(staged);
        else printHere(batch); // the helper failed (null cannot come back: this thread never took the batch)
      }
    },
  };
}
