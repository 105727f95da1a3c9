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

/** Prints TypeScript elsewhere: `print` hands a job over, `finish` accounts for every file once. */
export interface TypeScriptPrinter {
  print(job: PrintJob): void;
  /** Resolves when every file is in the package: staged elsewhere, or printed here and given to `sink`. */
  finish(sink: (file: EmittedFile) => void): Promise<void>;
}

/**
 * A batch of jobs for the helper: print, then stage into the writer's folder. Whoever first claims the
 * batch (its flag 0 → 1) does it: the helper as it reaches the batch, or this thread when it has
 * finished its own work first and takes the batches the helper has not started, last first.
 */
export interface StagePrintJobs {
  readonly jobs: readonly PrintJob[];
  readonly target: StagingTarget;
  /** One Int32 in shared memory. */
  readonly claim: Int32Array;
}

/** Claims a batch for whoever calls it first; false when it was claimed already. */
export function claimBatch(claim: Int32Array): boolean {
  return Atomics.compareExchange(claim, 0, 0, 1) === 0;
}

/** Jobs per message: few enough modules that the thread that finishes first finds batches left to take. */
const BATCH_SIZE = 4;

/**
 * A printer on the helper thread that stages its files into `target`, telling `adopt` which. Jobs go
 * out in batches as they come; a batch the helper cannot do, or has not started when this thread is
 * free, is printed here and given to the sink (overwriting whatever the helper staged of it), and so
 * are the last jobs, too few for a batch.
 */
export function helperPrinter(helper: Helper, target: StagingTarget, adopt: (files: readonly StagedFile[]) => void): TypeScriptPrinter {
  const batches: { jobs: readonly PrintJob[]; claim: Int32Array; staged: Promise<StagedFile[] | null | undefined> }[] = [];
  let waiting: PrintJob[] = [];
  return {
    print(job) {
      waiting.push(job);
      if (waiting.length < BATCH_SIZE) return;
      const jobs = waiting;
      waiting = [];
      const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      batches.push({ jobs, claim, staged: helper.run("stage-typescript", { jobs, target, claim }).catch(() => undefined) });
    },
    async finish(sink) {
      const printHere = (jobs: readonly PrintJob[]) => {
        for (const job of jobs) for (const file of printTypeScriptFiles(job)) sink(file);
      };
      printHere(waiting.splice(0));
      const all = batches.splice(0);
      const taken = new Set<(typeof all)[number]>();
      for (let i = all.length - 1; i >= 0 && claimBatch(all[i]!.claim); i--) {
        printHere(all[i]!.jobs);
        taken.add(all[i]!);
      }
      for (const batch of all) {
        if (taken.has(batch)) continue;
        const staged = await batch.staged;
        if (staged) adopt(staged);
        else printHere(batch.jobs); // the helper failed (null cannot come back: this thread never took the batch)
      }
    },
  };
}
