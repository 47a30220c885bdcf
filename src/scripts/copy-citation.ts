// "Cite this page", enhanced: the citation is rebuilt with the reader's own access date (the same
// rules as the build, from src/lib/page-citation.ts), and two buttons copy the APA line or the BibTeX
// entry, announcing the result in a polite live region. Without JavaScript the citation shows the
// build date as its access date and the text can be selected by hand.
import { citePageText, type PageCitationInput } from '../lib/page-citation';

/** Today in the reader's time zone, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Selects the text of an element, so the reader can copy it with the keyboard when the clipboard is not available. */
function select(node: Element): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Enhances one cite box (`[data-cite]`). */
export function startCopyCitation(box: HTMLElement): void {
  const apa = box.querySelector<HTMLElement>('[data-cite-apa]');
  const bibtex = box.querySelector<HTMLElement>('[data-cite-bibtex]');
  const status = box.querySelector<HTMLElement>('[data-cite-status]');
  const source = box.querySelector('[data-cite-input]');
  if (!apa || !bibtex || !status || !source?.textContent) return;
  try {
    const input = JSON.parse(source.textContent) as PageCitationInput;
    const cite = citePageText({ ...input, accessed: today() });
    apa.textContent = cite.apa;
    bibtex.textContent = cite.bibtex;
  } catch {
    // Keep the citation as built.
  }
  const targets = { apa, bibtex };
  const names = { apa: 'APA citation', bibtex: 'BibTeX entry' };
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy-cite]')) {
    const which = button.dataset['copyCite'] === 'bibtex' ? 'bibtex' : 'apa';
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = targets[which].textContent ?? '';
      status.textContent = ''; // so that a second copy is announced again
      const fallback = () => {
        select(targets[which]);
        status.textContent = `The ${names[which]} is selected: press Ctrl+C (or ⌘C) to copy it.`;
      };
      if (!navigator.clipboard || !window.isSecureContext) {
        setTimeout(fallback, 50);
        return;
      }
      navigator.clipboard.writeText(text).then(() => (status.textContent = `${names[which]} copied.`), fallback);
    });
  }
}
