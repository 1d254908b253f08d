/** Transcripts as plain text: what commune staff paste into text-to-speech loudspeaker systems and what stations
 * read on air. The entry body is Markdown; readers need the words only. Pure. */

/** Markdown body → plain UTF-8 text: paragraphs kept, emphasis, links and headings markers removed. */
export function transcriptText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      // [text](url) → text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^#{1,6}\s+/gm, '')
      .replace(/^>\s?/gm, '')
      .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
