import '../../testing/jsdomShims';
import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, VizPanel } from '@grafana/scenes';
import { GraphControls } from './GraphControls';

function renderControls(state: Partial<ConstructorParameters<typeof GraphControls>[0]> = {}) {
  const controls = new GraphControls({ graphType: 'versionedApp', edgeLabels: 'trafficRate', ...state });
  const panel = new VizPanel({ pluginId: 'meshlens-meshgraph-panel', options: {} });
  const scene = new EmbeddedScene({ controls: [controls], body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: panel })] }) });
  render(<controls.Component model={controls} />);
  return { controls, panel, scene };
}

describe('GraphControls', () => {
  beforeAll(() => {
    // jsdom has no layout; the combobox's virtualised option list needs a size to render options.
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    jest.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(600);
    jest.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1000);
  });

  test('the Display control is labelled and choosing an option writes the panel options', async () => {
    const { controls, panel } = renderControls();
    const display = screen.getByRole('combobox', { name: 'Display' });
    // The default choice shows as removable pills (as many as fit), the rest as a count.
    expect(screen.getByRole('button', { name: 'Remove mTLS' })).toBeInTheDocument();
    await userEvent.click(display);
    await userEvent.click(await screen.findByRole('option', { name: 'Idle nodes' }));
    expect(controls.state.display).toEqual(['mtls', 'minimap', 'idleNodes', 'serviceNodes', 'boxes']);
    expect(panel.state.options).toMatchObject({ showIdleNodes: true, showMtls: true, trafficAnimation: false });
    expect(controls.getUrlState().display).toEqual(['mtls', 'minimap', 'idleNodes', 'serviceNodes', 'boxes']);
  });

  test('a focus from the URL is shown and can be cleared, which clears the panel option', async () => {
    const { controls, panel } = renderControls();
    controls.updateFromUrl({ focus: 'app:shop/cart' });
    expect(panel.state.options).toMatchObject({ focus: 'app:shop/cart' });
    const chip = await screen.findByRole('button', { name: 'Clear the focus on app:shop/cart' }, { timeout: 5000 });
    await userEvent.click(chip);
    expect(controls.state.focus).toBe('');
    expect(panel.state.options).toMatchObject({ focus: '' });
    expect(screen.queryByTestId('meshlens-graph-focus')).toBeNull();
  });
});
