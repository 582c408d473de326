import { tableFrame } from '../__fixtures__/frames';
import { bookinfoSamples } from '../__fixtures__/kialiSamples';
import { framesToGraph } from '../pipeline';
import { defaultMeshGraphPanelOptions } from '../../types';

const o = { ...defaultMeshGraphPanelOptions, graphType: 'workload' as const, injectServiceNodes: false };
const requests = bookinfoSamples().filter((s) => s.metric === 'istio_requests_total');

describe('comparing now with an earlier window', () => {
  it('marks new, gone and changed edges and keeps gone nodes as ghosts', () => {
    const isKiali = (s: (typeof requests)[number]) => s.labels.destination_workload === 'kiali-2412';
    const isRatings500 = (s: (typeof requests)[number]) => s.labels.destination_workload === 'ratings-v1' && s.labels.response_code === '500';
    // Earlier: no call to kiali-2412 (so it is new now), no 500s from ratings (so those edges changed),
    // and a call to a workload that no longer exists (gone).
    const gone = { ...requests[0], labels: { ...requests[0].labels, destination_workload: 'legacy-v0', destination_canonical_service: 'legacy' } };
    const before = [...requests.filter((s) => !isKiali(s) && !isRatings500(s)), gone];
    const result = framesToGraph([tableFrame(requests, 'istio_requests_total inbound'), tableFrame(before, 'previous istio_requests_total inbound')], o);
    if (!result.ok) {
      throw new Error(result.error);
    }
    expect(result.compare).toEqual({ new: 1, gone: 1, changed: 2 });
    const byChange = (c: string) => result.graph.edges.filter((e) => e.change === c);
    expect(byChange('new').map((e) => e.target)).toEqual(['wl_east_bookinfo_kiali-2412']);
    expect(byChange('gone').map((e) => e.target)).toEqual(['wl_east_bookinfo_legacy-v0']);
    expect(byChange('changed').map((e) => e.changeReason)).toEqual(['errors 0.0 % → 33.3 %', 'errors 0.0 % → 33.3 %']);
    expect(result.graph.nodes.find((n) => n.id === 'wl_east_bookinfo_legacy-v0')?.reasons).toEqual(['only in the earlier window']);
  });
});
