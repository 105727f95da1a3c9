// Diagnostics: every problem errgen finds in user input, with the place it was found.
// The validator collects these and never throws on user input; only the CLI prints them.

/** A place in a source file; line and column are 1-based. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  readonly position: SourcePosition;
  readonly message: string;
  /** The stack trace of a plugin's error: printed with --verbose only. */
  readonly stack?: string | undefined;
}

/** A run stopped by problems in its input: every one of them, and the text of the files they point into. */
export interface Failed {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
  /** The text of a spec file, template or generated file by the path diagnostics show, for printing the offending lines. */
  readonly source?: ((file: string) => string | undefined) | undefined;
}

export function diagnostic(position: SourcePosition, message: string): Diagnostic {
  return { position, message };
}

/** `FILE:LINE:COLUMN: error: MESSAGE`, the format editors and CI log parsers understand. */
export function formatDiagnostic({ position, message }: Diagnostic): string {
  return `${position.file}:${position.line}:${position.column}: error: ${message}`;
}

/** `LINE:COLUMN`, for pointing at an earlier place in the same file. */
export function formatShortPosition(position: SourcePosition): string {
  return `${position.line}:${position.column}`;
}

/** Another place for a message about `from`: `LINE:COLUMN` in the same file, `FILE:LINE:COLUMN` in another. */
export function formatPositionFrom(position: SourcePosition, from: SourcePosition): string {
  return position.file === from.file ? formatShortPosition(position) : `${position.file}:${formatShortPosition(position)}`;
}

/** Diagnostics in file order, so output reads top to bottom whatever order the rules ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.position.file, b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column ||
      compareText(a.message, b.message),
  );
}

/** Plain code-unit comparison: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown for a bug in errgen itself or for an environment problem; never for a spec error. */
export class ErrgenError extends Error {
  override readonly name = "ErrgenError";
}
