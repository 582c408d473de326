import { createDataFrame, FieldType } from '@grafana/data';
import { hiddenIdleOf } from './hiddenIdle';
import { toMeshFrames } from './meshFrames';

const nodesFrame = (custom: unknown) => createDataFrame({ name: 'nodes', meta: { custom: custom as Record<string, unknown> }, fields: [] });

describe('hiddenIdleOf', () => {
  it('reads the counts toMeshFrames records', () => {
    const deployments = createDataFrame({
      refId: 'deployments',
      fields: [{ name: 'Value', type: FieldType.number, values: [1], labels: { namespace: 'standby', deployment: 'standby-v1', label_app: 'standby' } }],
    });
    const { frames, hiddenIdle } = toMeshFrames([deployments], 'workload', 'rate', { edges: false, nodes: false });
    expect(hiddenIdle.nodes).toBe(1);
    expect(hiddenIdleOf(frames)).toEqual(hiddenIdle);
  });

  it('reads 0 from frames without the counts or with malformed ones', () => {
    expect(hiddenIdleOf([])).toEqual({ edges: 0, nodes: 0 });
    expect(hiddenIdleOf([nodesFrame(undefined)])).toEqual({ edges: 0, nodes: 0 });
    expect(hiddenIdleOf([nodesFrame({ hiddenIdle: { edges: '3', nodes: -1 } })])).toEqual({ edges: 0, nodes: 0 });
    expect(hiddenIdleOf([nodesFrame({ hiddenIdle: { edges: 2, nodes: 5 } })])).toEqual({ edges: 2, nodes: 5 });
  });
});
