/** A person as a commit names them. */
interface Identity {
  name: string;
  email: string;
}

interface Entry {
  properName?: string;
  properEmail?: string;
}

/**
 * A parsed .mailmap, looked up as git does: by the commit's email (case-insensitive), and by
 * email plus name for entries that name the commit's name too (the more specific wins).
 */
export interface Mailmap {
  canonical(identity: Identity): Identity;
}

/** `Name <email> Other <other>` -> its name-email pairs, scanned with indexOf (a regex would backtrack on a long line). */
function pairsOf(line: string): { name: string; email: string }[] {
  const pairs: { name: string; email: string }[] = [];
  let from = 0;
  for (let open = line.indexOf("<"); open >= 0; open = line.indexOf("<", from)) {
    const close = line.indexOf(">", open);
    if (close < 0) break;
    pairs.push({ name: line.slice(from, open).trim(), email: line.slice(open + 1, close).trim() });
    from = close + 1;
  }
  return pairs;
}

/**
 * The four forms git accepts, one per line (`#` starts a comment):
 *   Proper Name <commit@email>
 *   <proper@email> <commit@email>
 *   Proper Name <proper@email> <commit@email>
 *   Proper Name <proper@email> Commit Name <commit@email>
 * Emails and names compare case-insensitively, as git compares them. Later lines add to
 * earlier ones for the same commit identity (one line may give the name, another the email).
 */
export function parseMailmap(text: string | undefined): Mailmap {
  const byEmail = new Map<string, Entry>();
  const byNameAndEmail = new Map<string, Entry>();
  const key = (name: string, email: string) => `${name.toLowerCase()}\u0000${email.toLowerCase()}`;
  for (const raw of (text ?? "").split("\n")) {
    const line = raw.replace(/#.*$/, "");
    const found = pairsOf(line);
    if (found.length === 0) continue;
    const [first, second] = found as [{ name: string; email: string }, { name: string; email: string } | undefined];
    // One pair: `Proper Name <commit@email>` names the person behind that email.
    const entry: Entry = second
      ? { ...(first.name ? { properName: first.name } : {}), ...(first.email ? { properEmail: first.email } : {}) }
      : first.name
        ? { properName: first.name }
        : {};
    const commit = second ?? first;
    const table = second?.name ? byNameAndEmail : byEmail;
    const id = second?.name ? key(second.name, commit.email) : commit.email.toLowerCase();
    const known = table.get(id);
    table.set(id, { ...known, ...entry });
  }
  return {
    canonical(identity) {
      const entry = byNameAndEmail.get(key(identity.name, identity.email)) ?? byEmail.get(identity.email.toLowerCase());
      return entry ? { name: entry.properName ?? identity.name, email: entry.properEmail ?? identity.email } : identity;
    },
  };
}
