// The errors the CLI reports in one line, in a module of their own: the CLI's entry tells them
// apart without loading git's runner (child_process) or the atomic writer (crypto).

/** A git command failed: the user can fix it (not a repository, an unknown ref), so the CLI shows it in one line. */
export class GitError extends Error {}

/** A target that is a symlink is refused: the write would land wherever it points. */
export class SymlinkTargetError extends Error {}
