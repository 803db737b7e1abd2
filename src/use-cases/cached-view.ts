import type { ContentRequest, FileContent, FileView, RepositoryContents } from "../ports/repository-view.js";

/**
 * A view that reads each file at a ref once: the checks of one review (cost, fit, the ADR
 * suggestion) read the same infrastructure files, and only the first read costs a request.
 * Directory listings are not kept (they are read once anyway).
 */
export function readingOnce<View extends FileView>(view: View): View {
  const seen = new Map<string, FileContent | null>();
  const readContents = async (ref: string, wanted: ContentRequest): Promise<RepositoryContents> => {
    // A file read under a size limit is another read than one without.
    const key = (at: string, path: string) => `${at}\u0000${wanted.maxBytes ?? ""}\u0000${path}`;
    const files = wanted.files ?? [];
    const missing = files.filter((path) => !seen.has(key(ref, path)));
    const needsRead = missing.length > 0 || (wanted.directories?.length ?? 0) > 0;
    const read = needsRead
      ? await view.readContents(ref, { ...wanted, files: missing })
      : { files: new Map<string, FileContent>(), directories: new Map<string, string[]>() };
    for (const path of missing) seen.set(key(ref, path), read.files.get(path) ?? null);
    const answer = new Map<string, FileContent>();
    for (const path of files) {
      const content = seen.get(key(ref, path));
      if (content) answer.set(path, content);
    }
    return { files: answer, directories: read.directories };
  };
  return Object.assign(Object.create(view) as View, { readContents });
}
