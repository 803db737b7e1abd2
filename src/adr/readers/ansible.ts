import { clean, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** The role whose tasks a path holds (`roles/rspamd/tasks/main.yml` -> `rspamd`), or undefined. */
export const ansibleRoleOf = (path: string): string | undefined =>
  /(^|\/)roles\/([^/]+)\/tasks\/main\.ya?ml$/.exec(path)?.[2];

/** Package modules of Ansible (and the distributions' own) whose `name` is what a host installs. */
const packageModule =
  /^[ \t]*(?:-[ \t]*)?(?:ansible\.builtin\.|community\.general\.)?(?:package|apt|yum|dnf|pacman|apk|zypper|pip):/;

/** A task's lines from `index` to the next task (`- ` at the task's indent or less), at most eight. */
function taskLines(lines: readonly string[], index: number): string[] {
  const indent = /^[ \t]*/.exec(lines[index]!)![0].length;
  const rest: string[] = [];
  for (const line of lines.slice(index + 1, index + 9)) {
    if (/^[ \t]*- /.test(line) && /^[ \t]*/.exec(line)![0].length <= indent) break;
    rest.push(line);
  }
  return rest;
}

/** Lines that take something away or only act on what is there (`state: absent`, `state=restarted`). */
const removesOrRestarts = /\bstate[:=][ \t]*["']?(?:absent|removed|restarted|reloaded|stopped)\b/;

/** The packages a role's tasks install: `pacman: name=rspamd` and `package:` blocks with `name: [a, b]`. */
function installedPackages(tasks: string): string[] {
  const packages = new Set<string>();
  const lines = tasks.split("\n");
  lines.forEach((line, index) => {
    if (!packageModule.test(line)) return;
    const task = taskLines(lines, index);
    if (removesOrRestarts.test(line) || task.some((next) => removesOrRestarts.test(next))) return;
    const inline = /\bname=([\w@.+-]+(?:,[\w@.+-]+)*)/.exec(line)?.[1];
    // The block form: the module's `name:` on one of its own next lines, a name or a flow list.
    const block = task
      .map((next) => /^[ \t]+name:[ \t]*\[?([^\]\n#{}]+)\]?/.exec(next)?.[1])
      .find((value) => value !== undefined);
    for (const listed of (inline ?? block ?? "").split(",")) {
      // Names are often quoted (`name: 'haproxy'`, `name: ["a", "b"]`).
      const name = listed.trim().replace(/^["']|["']$/g, "");
      if (/^[\w@.+-]+$/.test(name)) packages.add(name);
    }
  });
  return [...packages];
}

/** A `command` or `shell` task that installs, deploys or starts something (`helm upgrade --install`, `systemctl enable`...). */
const installingCommand =
  /^[ \t]*(?:-[ \t]*)?(?:ansible\.builtin\.)?(?:command|shell|raw):[^\n]*\b(?:helm\s+(?:upgrade|install)|kubectl\s+(?:apply|create)|docker(?:\s+|-)(?:run|compose\s+up|up)|systemctl\s+(?:enable|start)|(?:apt-get|apt|dnf|yum|apk)\s+install|pacman\s+-S\w*|pip3?\s+install|curl[^\n|]{0,200}\|\s*(?:ba)?sh)\b/m;

/** Whether a role's tasks install, run or start something (a package, a container, a service, a chart or manifest in a cluster). */
const runsSomething = (tasks: string, packages = installedPackages(tasks)) =>
  packages.length > 0 ||
  installingCommand.test(tasks) ||
  /^[ \t]*(?:-[ \t]*)?(?:ansible\.builtin\.|community\.docker\.|containers\.podman\.|kubernetes\.core\.|community\.kubernetes\.)?(?:docker_container|docker_compose(?:_v2)?|podman_container|helm|k8s):/m.test(
    tasks,
  );

/**
 * Ansible roles. A decision: a role added whose tasks install or run something (a package, a
 * container, a service: what the hosts it is applied to now run), or a role removed (what they
 * stop running). A role's tasks edited, or a new role that only writes settings, are not.
 *
 * Example: `roles/rspamd/tasks/main.yml` added with `pacman: name=rspamd` -> "new Ansible role
 * rspamd (installs rspamd)".
 */
export function readAnsible(files: readonly ReadFile[]): Signal[] {
  return files.map((file): Signal => {
    const role = ansibleRoleOf(file.path)!;
    const signal = (decision: boolean, reason: string): Signal => ({
      file: file.path,
      decision,
      reason: reasonText(reason),
      technologies: ["ansible", ...(decision ? [role] : [])],
    });
    // A file past the read limit (or one the CLI could not read) has neither version: nothing can be said of it.
    if (file.after === undefined && file.before === undefined) return signal(false, `Ansible role ${role} not read`);
    if (file.after === undefined)
      return runsSomething(clean(file.before) ?? "")
        ? signal(true, `removes the Ansible role ${role} (what its hosts ran)`)
        : signal(false, `removes the Ansible role ${role}, which installed and ran nothing`);
    const tasks = clean(file.after) ?? "";
    if (file.before !== undefined || file.status === "modified")
      return signal(false, `tasks of the existing Ansible role ${role}`);
    const packages = installedPackages(tasks);
    if (!runsSomething(tasks, packages))
      return signal(false, `new Ansible role ${role} that installs and runs nothing`);
    return signal(true, `new Ansible role ${role}${packages.length > 0 ? ` (installs ${listed(packages)})` : ""}`);
  });
}
