import { locationService } from '@grafana/runtime';

/**
 * Grafana turns clicks on same-origin links (plain `<a href>`, LinkButton) into router pushes instead
 * of page loads (app/core/navigation/patch/interceptLinkClicks.ts); the harness does the same, so an
 * app link keeps the single page (and its runtime services), as in Grafana.
 */
export function interceptLinkClicks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const anchor = (event.target as Element | null)?.closest?.('a');
    const href = anchor?.getAttribute('href');
    if (!anchor || !href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) {
      return;
    }
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    event.preventDefault();
    locationService.push(`${url.pathname}${url.search}${url.hash}`);
  });
}
