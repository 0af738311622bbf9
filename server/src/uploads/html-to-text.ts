import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button']);
/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'blockquote', 'figure',
  'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'pre', 'hr', 'form', 'fieldset', 'details', 'summary',
]);

/**
 * Reduces an HTML document to its readable text, the way the segmenter expects it: each block element (p, h1,
 * blockquote, …) a paragraph separated by a blank line, list items on lines of their own with "- " or "N. ",
 * <br> a line break, <pre> kept as written. Scripts, styles and other non-text content are dropped; entities are
 * decoded. Also answers the document's <title>, which an upload without a title uses.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  const out: string[] = [];
  let dropped = 0;
  let pre = 0;
  let inTitle = false;
  let title = '';
  const lists: { ordered: boolean; next: number }[] = [];
  const breakBlock = () => out.push('\n\n');

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        if (DROPPED.has(name)) dropped += 1;
        if (dropped > 0) return;
        if (name === 'pre') pre += 1;
        if (name === 'br') out.push('\n');
        else if (name === 'ol' || name === 'ul') {
          breakBlock();
          lists.push({ ordered: name === 'ol', next: Number.parseInt(attribs.start ?? '1', 10) || 1 });
        } else if (name === 'li') {
          const list = lists[lists.length - 1];
          const indent = '  '.repeat(Math.max(0, lists.length - 1));
          out.push(`\n${indent}${list?.ordered ? `${list.next++}. ` : '- '}`);
        } else if (BLOCKS.has(name)) breakBlock();
      },
      ontext(data) {
        if (inTitle) title += data;
        if (dropped > 0 || inTitle) return;
        out.push(pre > 0 ? data : data.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'ol' || name === 'ul') lists.pop();
        if (BLOCKS.has(name)) breakBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { text: tidy(out.join('')), title: title.replace(/\s+/g, ' ').trim() || null };
}

/** Trims each line's trailing spaces and the spaces a tag left at a line start, and keeps at most one blank line. */
function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+$/, '').replace(/^ (?=\S)/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
