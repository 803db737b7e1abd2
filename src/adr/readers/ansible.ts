import { clean, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** The role whose tasks a path holds (`roles/rspamd/tasks/main.yml` -> `rspamd`), or undefined. */
export const ansibleRoleOf = (path: string): string | undefined =>
  /(^|\/)roles\/([^/]+)\/tasks\/main\.ya?ml$/.exec(path)?.[2];

/** Package modules of Ansible (and the distributions' own) whose `name` is what a host installs. */
const packageModule =
  /^[ \t]*-?[ \t]*(?:ansible\.builtin\.|community\.general\.)?(?:package|apt|yum|dnf|pacman|apk|zypper|pip):/;

/** The packages a role's tasks install: `pacman: name=rspamd` and `package:` blocks with `name: [a, b]`. */
function installedPackages(tasks: string): string[] {
  const packages = new Set<string>();
  const lines = tasks.split("\n");
  lines.forEach((line, index) => {
    if (!packageModule.test(line)) return;
    const inline = /\bname=([\w@.+-]+(?:,[\w@.+-]+)*)/.exec(line)?.[1];
    // The block form: the module's `name:` on one of the next lines, a name or a flow list.
    const block = lines
      .slice(index + 1, index + 6)
      .map((next) => /^[ \t]+name:[ \t]*\[?([^\]\n#{}]+)\]?/.exec(next)?.[1])
      .find((value) => value !== undefined);
    for (const name of (inline ?? block ?? "").split(","))
      if (/^[\w@.+-]+$/.test(name.trim())) packages.add(name.trim());
  });
  return [...packages];
}

/** A `command` or `shell` task that installs, deploys or starts something (`helm upgrade --install`, `systemctl enable`...). */
const installingCommand =
  /^[ \t]*-?[ \t]*(?:ansible\.builtin\.)?(?:command|shell|raw):[^\n]*\b(?:helm\s+(?:upgrade|install)|kubectl\s+(?:apply|create)|docker\s+(?:run|compose\s+up)|systemctl\s+(?:enable|start)|(?:apt-get|apt|dnf|yum|pacman|apk)\s+(?:install|-S)|pip3?\s+install|curl[^\n|]*\|\s*(?:ba)?sh)\b/m;

/** Whether a role's tasks install, run or start something (a package, a container, a service, a chart or manifest in a cluster). */
const runsSomething = (tasks: string) =>
  tasks.split("\n").some((line) => packageModule.test(line)) ||
  installingCommand.test(tasks) ||
  /^[ \t]*-?[ \t]*(?:ansible\.builtin\.|community\.docker\.|containers\.podman\.|kubernetes\.core\.|community\.kubernetes\.)?(?:docker_container|docker_compose(?:_v2)?|podman_container|systemd(?:_service)?|service|get_url|unarchive|helm|k8s):/m.test(
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
    if (file.after === undefined) return signal(true, `removes the Ansible role ${role} (what its hosts ran)`);
    const tasks = clean(file.after) ?? "";
    if (file.before !== undefined) return signal(false, `tasks of the existing Ansible role ${role}`);
    if (!runsSomething(tasks)) return signal(false, `new Ansible role ${role} that installs and runs nothing`);
    const packages = installedPackages(tasks);
    return signal(true, `new Ansible role ${role}${packages.length > 0 ? ` (installs ${listed(packages)})` : ""}`);
  });
}
