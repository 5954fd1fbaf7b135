/**
 * The share pages' one script of their own (site.js): the snippets' copy buttons. A file of the
 * site, not an inline script, so the pages' policy allows no inline script at all. Until it runs
 * the buttons keep their place, invisible (site.css), so showing them moves nothing.
 */
const announcer = document.querySelector<HTMLElement>('.copied');
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy!) as HTMLTextAreaElement | null;
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for the person's own copy.
      field.select();
      return;
    }
    if (announcer) announcer.textContent = announcer.dataset.copied ?? '';
  });
}
document.documentElement.classList.add('copy-ready');
