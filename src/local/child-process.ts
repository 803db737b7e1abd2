// node:child_process, loaded when the first git child starts rather than with the modules that
// start one: it brings dgram, the socket list and the process wrappers with it, which `validate`
// (it runs no git) paid on every run. Node 20.16+ and 22.3+ hand a built-in module out without a
// module loader; earlier 22.x releases get it from a require made for the purpose.
import type * as ChildProcess from "node:child_process";
import { createRequire } from "node:module";

let loaded: typeof ChildProcess | undefined;

/** The child_process module, loaded on the first call. */
export function childProcess(): typeof ChildProcess {
  loaded ??=
    typeof process.getBuiltinModule === "function"
      ? process.getBuiltinModule("node:child_process")
      : (createRequire(process.execPath)("node:child_process") as typeof ChildProcess);
  return loaded;
}
