// The helper thread's entry when errgen runs from its sources: they are TypeScript, run through tsx.
import { register } from "tsx/esm/api";

register();
await import("./helper-thread.ts");
