import React from 'react';
import { type DataFrame, type LinkModel } from '@grafana/data';
import { LinkButton } from '@grafana/ui';

/** Data links configured on the trace frame's fields (data source or panel field config), for one span's row. */
export function spanDataLinks(
  series: readonly DataFrame[],
  source: { frame: number; row: number } | undefined
): LinkModel[] {
  const frame = source ? series[source.frame] : undefined;
  if (!frame || !source) {
    return [];
  }
  const links: LinkModel[] = [];
  for (const field of frame.fields) {
    if (field.getLinks && field.config.links?.length) {
      links.push(...field.getLinks({ valueRowIndex: source.row }));
    }
  }
  return links;
}

export function DataLinks({ links }: { links: LinkModel[] }) {
  return (
    <>
      {links.map((l, k) => (
        <LinkButton
          key={`${l.href}:${k}`}
          size="sm"
          variant="secondary"
          fill="outline"
          icon="external-link-alt"
          href={l.href}
          target={l.target}
          onClick={l.onClick}
        >
          {l.title}
        </LinkButton>
      ))}
    </>
  );
}
