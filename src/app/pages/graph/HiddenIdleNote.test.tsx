import React from 'react';
import { render, screen } from '@testing-library/react';
import { HiddenIdleNote } from './HiddenIdleNote';

describe('HiddenIdleNote', () => {
  it('counts hidden idle edges and nodes, singular and plural, with the choice that shows them', () => {
    render(<HiddenIdleNote hidden={{ edges: 1, nodes: 4 }} />);
    expect(screen.getByTestId('meshlens-graph-hidden')).toHaveTextContent(
      '1 idle edge hidden (Display: Idle edges shows it) · 4 idle nodes hidden (Display: Idle nodes shows them)'
    );
  });

  it('mentions only what is hidden, and nothing when nothing is', () => {
    const { rerender } = render(<HiddenIdleNote hidden={{ edges: 0, nodes: 2 }} />);
    expect(screen.getByRole('status')).toHaveTextContent(/^2 idle nodes hidden \(Display: Idle nodes shows them\)$/);
    rerender(<HiddenIdleNote hidden={{ edges: 0, nodes: 0 }} />);
    expect(screen.queryByTestId('meshlens-graph-hidden')).toBeNull();
  });
});
