// The worker thread's entry: the generator is TypeScript run through tsx, in every thread.
import { register } from "tsx/esm/api";

register();
await import("./typescript-worker.ts");
