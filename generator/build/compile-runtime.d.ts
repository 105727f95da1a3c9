// Types of compile-runtime.js, for the tests that run it.
export declare const RUNTIME_MODULES: readonly string[];
export declare const OUTPUT: string;
export declare function compileRuntime(): string;
export declare function declarationsOfSource(fileName: string, text: string): Record<string, unknown>;
