// Terminal colours, on a terminal only: NO_COLOR turns them off, FORCE_COLOR on (https://no-color.org).

export interface Style {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

export function styleFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const force = env["FORCE_COLOR"];
  const enabled = force !== undefined ? force !== "0" && force !== "false" : isTTY && !env["NO_COLOR"] && env["TERM"] !== "dumb";
  const sgr = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { enabled, bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}
