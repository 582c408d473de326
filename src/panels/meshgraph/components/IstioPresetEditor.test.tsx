import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type StandardEditorProps } from '@grafana/data';
import { IstioPresetEditor } from './IstioPresetEditor';

function props(value: string, options: Record<string, unknown>, onChange = jest.fn()) {
  return { value, onChange, item: { id: 'istioPreset', name: 'Istio preset' }, context: { data: [], options } } as unknown as StandardEditorProps<string>;
}

describe('IstioPresetEditor', () => {
  it('counts the preset queries: the same for one namespace or two, six more (the earlier traffic) when comparing', () => {
    const { rerender } = render(<IstioPresetEditor {...props('bookinfo', {})} />);
    expect(screen.getByText(/^12 instant queries \(table format\) for these namespaces/)).toBeInTheDocument();
    rerender(<IstioPresetEditor {...props('bookinfo, shop', {})} />);
    expect(screen.getByText(/^12 instant queries \(table format\) for these namespaces/)).toBeInTheDocument();
    rerender(<IstioPresetEditor {...props('bookinfo, shop', { compareOffset: '1h' })} />);
    expect(screen.getByText(/^18 instant queries \(table format\) for these namespaces/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Copy Istio preset queries/ })).toBeInTheDocument();
  });

  it('in preset mode says the panel runs the queries (one more for idle nodes) and offers no copy', () => {
    render(<IstioPresetEditor {...props('bookinfo', { dataMode: 'preset', showIdleNodes: true })} />);
    expect(screen.getByText(/^The panel runs 13 instant queries for these namespaces itself/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Copy Istio preset queries/ })).not.toBeInTheDocument();
  });

  it('edits the namespaces', async () => {
    const onChange = jest.fn();
    render(<IstioPresetEditor {...props('', {}, onChange)} />);
    await userEvent.type(screen.getByLabelText('Namespaces'), 'a');
    expect(onChange).toHaveBeenLastCalledWith('a');
  });
});
