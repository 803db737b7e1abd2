import type { DataBlock } from "../llm/drafter.js";
import { maxTechnicalContextBytes, technicalContextOf, technicalContextPath } from "../llm/technical-context.js";
import type { Logger } from "../ports/logger.js";
import type { FileView } from "../ports/repository-view.js";

/**
 * CLAUDE.md at a ref, as the AI drafts' technical context: read only when a model is about to be
 * asked. Absent is silent; a file that is binary, not UTF-8, over the size limit, a link, or that
 * could not be read is left out with a warning, and the draft goes on without it.
 */
export async function readTechnicalContext(view: FileView, ref: string, log: Logger): Promise<DataBlock | undefined> {
  let file;
  try {
    const read = await view.readContents(ref, { files: [technicalContextPath], maxBytes: maxTechnicalContextBytes });
    file = read.files.get(technicalContextPath);
  } catch (error) {
    log.warn(`${technicalContextPath} could not be read (${(error as Error).message}); the AI drafts go without it`);
    return undefined;
  }
  const context = technicalContextOf(file);
  if (context.warning) log.warn(context.warning);
  if (context.note) log.info(context.note);
  return context.block;
}
