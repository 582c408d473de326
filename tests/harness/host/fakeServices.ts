import { type DataSourceApi, type DataSourceInstanceSettings, PluginType } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { HarnessJaeger } from './jaegerDataSource';
import { HarnessPrometheus, type QueryLog } from './prometheusDataSource';
import { HarnessTempo } from './tempoDataSource';
import { HarnessZipkin } from './zipkinDataSource';

function settings(uid: string, name: string, type: string, isDefault: boolean, scrapeInterval = '1s'): DataSourceInstanceSettings {
  return {
    // The harness Prometheus is scraped every second (tests/lib/prometheus.ts) unless the render says otherwise,
    // as provisioning would declare it.
    jsonData: type === 'prometheus' ? { timeInterval: scrapeInterval } : {},
    id: uid.length,
    uid,
    name,
    type,
    isDefault,
    access: 'proxy',
    readOnly: true,
    meta: {
      id: type,
      name: type,
      type: PluginType.datasource,
      module: '',
      baseUrl: '',
      metrics: type === 'prometheus',
      tracing: type !== 'prometheus',
      info: {
        author: { name: 'Grafana Labs' },
        description: '',
        links: [],
        logos: { small: '/public/img/icn-datasource.svg', large: '/public/img/icn-datasource.svg' },
        screenshots: [],
        updated: '',
        version: '',
      },
    },
  } as DataSourceInstanceSettings;
}

/**
 * The data sources provisioning/ creates, as Grafana's data source service would list them (plus Tempo
 * and Zipkin, for the traces page's other trace sources). Each answers through the harness server's proxy
 * routes (a real Prometheus, a Jaeger, Tempo or Zipkin API, when the test gave them); a proxy without a
 * target answers 502 with the reason.
 */
export function installFakeDataSources(log: QueryLog = { count: 0, totalMs: 0, exprs: [] }, scrapeInterval?: string): void {
  const list = [
    settings('meshlens-prometheus', 'Prometheus', 'prometheus', true, scrapeInterval),
    settings('meshlens-jaeger', 'Jaeger', 'jaeger', false),
    settings('meshlens-tempo', 'Tempo', 'tempo', false),
    settings('meshlens-zipkin', 'Zipkin', 'zipkin', false),
  ];
  const instances = new Map<string, DataSourceApi>([
    ['meshlens-prometheus', new HarnessPrometheus(list[0], log) as unknown as DataSourceApi],
    ['meshlens-jaeger', new HarnessJaeger(list[1], log) as unknown as DataSourceApi],
    ['meshlens-tempo', new HarnessTempo(list[2], log) as unknown as DataSourceApi],
    ['meshlens-zipkin', new HarnessZipkin(list[3], log) as unknown as DataSourceApi],
  ]);
  const srv: Partial<DataSourceSrv> = {
    getList: (filters = {}) =>
      list.filter((ds) => (!filters.pluginId || ds.type === filters.pluginId) && (!filters.filter || filters.filter(ds))),
    getInstanceSettings: (ref) => {
      const key = typeof ref === 'string' ? ref : ref?.uid;
      return list.find((ds) => ds.uid === key || ds.name === key) ?? (key ? undefined : list[0]);
    },
    get: async (ref) => {
      const key = typeof ref === 'string' ? ref : ref?.uid;
      const ds = list.find((d) => d.uid === key || d.name === key) ?? (key ? undefined : list[0]);
      if (!ds) {
        // Grafana's own wording for a uid it does not know.
        throw new Error(`Datasource ${key} was not found`);
      }
      const instance = instances.get(ds.uid);
      if (!instance) {
        throw new Error(`The harness has no backend for the ${ds.type} data source ${ds.name}`);
      }
      return instance;
    },
    reload: async () => {},
  };
  setDataSourceSrv(srv as DataSourceSrv);
}
