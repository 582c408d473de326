import { type DataSourceInstanceSettings, PluginType } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';

function settings(uid: string, name: string, type: string, isDefault: boolean): DataSourceInstanceSettings {
  return {
    id: uid.length,
    uid,
    name,
    type,
    isDefault,
    access: 'proxy',
    readOnly: true,
    jsonData: {},
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

/** The data sources provisioning/ creates, as Grafana's data source service would list them. */
export function installFakeDataSources(): void {
  const list = [
    settings('meshlens-prometheus', 'Prometheus', 'prometheus', true),
    settings('meshlens-jaeger', 'Jaeger', 'jaeger', false),
  ];
  const srv: Partial<DataSourceSrv> = {
    getList: (filters = {}) =>
      list.filter((ds) => (!filters.pluginId || ds.type === filters.pluginId) && (!filters.filter || filters.filter(ds))),
    getInstanceSettings: (ref) => {
      const key = typeof ref === 'string' ? ref : ref?.uid;
      return list.find((ds) => ds.uid === key || ds.name === key) ?? (key ? undefined : list[0]);
    },
    get: () => Promise.reject(new Error('The harness has no data source backend')),
    reload: async () => {},
  };
  setDataSourceSrv(srv as DataSourceSrv);
}
