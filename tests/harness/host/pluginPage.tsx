import React from 'react';
import { type NavModelItem } from '@grafana/data';
import { type PluginPageProps } from '@grafana/runtime';
// Grafana sets PluginPage through @grafana/runtime's internal entry, which the package's exports hide;
// the file is the very module runtime's index re-exports, so the bundle holds one PluginPage binding.
// @ts-expect-error: no type declarations next to the .mjs file
import { setPluginPage as setRuntimePluginPage } from '../../../node_modules/@grafana/runtime/dist/esm/components/PluginPage.mjs';

export function setPluginPage(component: React.ComponentType<PluginPageProps>): void {
  (setRuntimePluginPage as (c: React.ComponentType<PluginPageProps>) => void)(component);
}

/** The nav chain from the root down to `item` (Grafana walks parentItem the same way for its breadcrumbs). */
function chain(item: NavModelItem | undefined): NavModelItem[] {
  const out: NavModelItem[] = [];
  for (let n = item; n; n = n.parentItem) {
    if (!n.hideFromBreadcrumbs) {
      out.unshift(n);
    }
  }
  return out;
}

/**
 * Grafana's PluginPage reduced to what tests check: breadcrumbs from `pageNav` (links for the parents,
 * text for the current page), the title and the page's actions, then the page.
 */
export function HarnessPluginPage({ pageNav, subTitle, actions, children }: PluginPageProps) {
  const crumbs = chain(pageNav);
  return (
    <div data-testid="harness-plugin-page">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumbs" data-testid="harness-breadcrumbs">
          {crumbs.map((c, i) => (
            <span key={`${i}-${c.text}`}>
              {i > 0 && ' › '}
              {i < crumbs.length - 1 && c.url ? <a href={c.url}>{c.text}</a> : <span aria-current="page">{c.text}</span>}
            </span>
          ))}
        </nav>
      )}
      {pageNav?.text && <h1 style={{ fontSize: 18, margin: '4px 0' }}>{pageNav.text}</h1>}
      {subTitle && <div>{subTitle}</div>}
      {actions && <div>{actions}</div>}
      {children}
    </div>
  );
}
