import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';

// docker-compose.yaml cannot run here (no Docker engine), so its structure is checked instead.
const ROOT = resolve(__dirname, '../..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yaml'), 'utf8'));
const services: Record<string, any> = compose.services;
const LONG_RUNNING = ['simulator', 'prometheus', 'jaeger', 'grafana'];

test('Debian docker-compose validates the file', () => {
  const r = spawnSync('docker-compose', ['-f', 'docker-compose.yaml', 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.error, undefined, `docker-compose not runnable: ${r.error?.message} (apt-get install docker-compose)`);
  assert.equal(r.status, 0, r.stderr);
});

test('every service the stack needs is there, with a pinned image', () => {
  assert.deepEqual(Object.keys(services).sort(), ['grafana', 'jaeger', 'plugin-build', 'prometheus', 'simulator']);
  for (const [name, svc] of Object.entries(services)) {
    assert.match(svc.image, /^[\w./-]+:[\w.-]+$/, `${name} has an image with a tag`);
    assert.doesNotMatch(svc.image, /:latest$|:main$/, `${name} image is pinned by version`);
  }
  assert.equal(services.jaeger.image.split(':')[0], 'jaegertracing/jaeger', 'Jaeger v2 all-in-one image');
  assert.ok(semver.major(services.jaeger.image.split(':')[1]) >= 2, 'Jaeger v2');
});

test('Grafana satisfies the plugin grafanaDependency and loads only this unsigned plugin', () => {
  const plugin = JSON.parse(readFileSync(join(ROOT, 'src/plugin.json'), 'utf8'));
  const version = services.grafana.image.split(':')[1];
  assert.ok(semver.satisfies(version, plugin.dependencies.grafanaDependency), `${version} satisfies ${plugin.dependencies.grafanaDependency}`);
  assert.equal(services.grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS, plugin.id);
  assert.ok(services.grafana.volumes.includes(`./dist:/var/lib/grafana/plugins/${plugin.id}:ro`));
  assert.ok(services.grafana.volumes.includes('./provisioning:/etc/grafana/provisioning:ro'));
});

test('every bind-mounted path exists in the repository', () => {
  for (const [name, svc] of Object.entries(services)) {
    for (const volume of svc.volumes ?? []) {
      const source = String(volume).split(':')[0];
      if (source.startsWith('.')) {
        // ./dist is produced by the plugin-build service before Grafana starts.
        const expected = source === './dist' ? './src/plugin.json' : source;
        assert.ok(existsSync(join(ROOT, expected)), `${name}: ${source} exists`);
      } else {
        assert.ok(compose.volumes && source in compose.volumes, `${name}: named volume ${source} is declared`);
      }
    }
  }
});

test('long-running services have healthchecks and Grafana waits for its dependencies', () => {
  for (const name of LONG_RUNNING) {
    assert.ok(services[name].healthcheck?.test, `${name} has a healthcheck`);
  }
  assert.equal(services.grafana.depends_on['plugin-build'].condition, 'service_completed_successfully');
  assert.equal(services.grafana.depends_on.prometheus.condition, 'service_healthy');
  assert.equal(services.grafana.depends_on.jaeger.condition, 'service_healthy');
  assert.equal(services.simulator.depends_on['plugin-build'].condition, 'service_completed_successfully');
});

test('ports: Grafana 3000, Prometheus 9090, Jaeger UI 16686 and OTLP 4317/4318', () => {
  assert.ok(services.grafana.ports.includes('3000:3000'));
  assert.ok(services.prometheus.ports.includes('9090:9090'));
  for (const port of ['16686:16686', '4317:4317', '4318:4318']) {
    assert.ok(services.jaeger.ports.includes(port), `jaeger publishes ${port}`);
  }
});

test('Prometheus scrapes the simulator with a valid config and the interval the data source assumes', () => {
  const config = join(ROOT, 'deploy/prometheus/prometheus.yml');
  execFileSync('promtool', ['check', 'config', config], { stdio: 'pipe' });
  const prom = parse(readFileSync(config, 'utf8'));
  const targets = prom.scrape_configs.flatMap((j: any) => j.static_configs.flatMap((s: any) => s.targets));
  const command: string[] = services.simulator.command;
  const port = command[command.indexOf('--port') + 1];
  assert.ok(targets.includes(`simulator:${port}`), `scrapes simulator:${port}`);
  const ds = parse(readFileSync(join(ROOT, 'provisioning/datasources/meshlens.yaml'), 'utf8'));
  const promDs = ds.datasources.find((d: any) => d.type === 'prometheus');
  assert.equal(promDs.jsonData.timeInterval, prom.global.scrape_interval);
});

test('provisioning wires the app to the provisioned data source uids', () => {
  const ds = parse(readFileSync(join(ROOT, 'provisioning/datasources/meshlens.yaml'), 'utf8')).datasources;
  const prom = ds.find((d: any) => d.type === 'prometheus');
  const jaeger = ds.find((d: any) => d.type === 'jaeger');
  assert.equal(prom.isDefault, true);
  assert.equal(ds.filter((d: any) => d.isDefault).length, 1);
  assert.equal(jaeger.jsonData.tracesToMetrics.datasourceUid, prom.uid);
  assert.equal(prom.url, 'http://prometheus:9090');
  assert.equal(jaeger.url, 'http://jaeger:16686');
  const app = parse(readFileSync(join(ROOT, 'provisioning/plugins/apps.yaml'), 'utf8')).apps[0];
  assert.equal(app.type, 'meshlens-istio-app');
  assert.deepEqual(app.jsonData, { prometheusUid: prom.uid, traceUid: jaeger.uid });
});

test('the dashboards provider reads the bundled dashboards from the mounted plugin', () => {
  const provider = parse(readFileSync(join(ROOT, 'provisioning/dashboards/meshlens.yaml'), 'utf8')).providers[0];
  assert.equal(provider.options.path, '/var/lib/grafana/plugins/meshlens-istio-app/dashboards');
  const plugin = JSON.parse(readFileSync(join(ROOT, 'src/plugin.json'), 'utf8'));
  const dashboards = plugin.includes.filter((i: any) => i.type === 'dashboard');
  assert.ok(dashboards.length >= 8, 'the seven Istio dashboards and the overview');
  for (const d of dashboards) {
    assert.match(d.path, /^dashboards\/[\w-]+\.json$/);
    assert.ok(existsSync(join(ROOT, 'src', d.path)), `${d.path} is built into dist/dashboards`);
  }
});
