import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // The demo runs the newest Grafana the browser tests prove: the second host's @grafana/data (README "Grafana versions").
  const host13 = JSON.parse(readFileSync(join(ROOT, 'tests/harness/host13/package.json'), 'utf8'));
  assert.equal(version, host13.dependencies['@grafana/data']);
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

const PUBLISHED: Record<string, string[]> = {
  grafana: ['3000:3000'],
  prometheus: ['9090:9090'],
  jaeger: ['16686:16686', '4317:4317', '4318:4318'],
};

test('ports: Grafana 3000, Prometheus 9090, Jaeger UI 16686 and OTLP 4317/4318, on 127.0.0.1 unless MESHLENS_BIND says otherwise', () => {
  for (const [name, svc] of Object.entries(services)) {
    assert.deepEqual(svc.ports ?? [], (PUBLISHED[name] ?? []).map((p) => `\${MESHLENS_BIND:-127.0.0.1}:${p}`), name);
  }
  // What Docker gets, as docker-compose resolves the file with and without MESHLENS_BIND.
  const resolved = (bind?: string) => {
    const env = { ...process.env };
    delete env.MESHLENS_BIND;
    const r = spawnSync('docker-compose', ['-f', 'docker-compose.yaml', 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: bind === undefined ? env : { ...env, MESHLENS_BIND: bind },
    });
    assert.equal(r.status, 0, r.stderr);
    const all: Record<string, any> = parse(r.stdout).services;
    return Object.fromEntries(Object.entries(all).map(([name, svc]) => [name, (svc.ports ?? []).map(String).sort()]));
  };
  const expected = (host: string) =>
    Object.fromEntries(Object.keys(services).map((name) => [name, (PUBLISHED[name] ?? []).map((p) => `${host}:${p}/tcp`).sort()]));
  assert.deepEqual(resolved(), expected('127.0.0.1'));
  assert.deepEqual(resolved('0.0.0.0'), expected('0.0.0.0'));
  // The simulator (and its control API) is reachable by Prometheus on the compose network only.
  assert.equal(services.simulator.ports, undefined);
  assert.deepEqual(services.simulator.expose, ['15090']);
});

test('Grafana: no anonymous access, no fixed admin password', () => {
  const env = services.grafana.environment;
  assert.equal(env.GF_AUTH_ANONYMOUS_ENABLED, 'false');
  assert.equal(env.GF_AUTH_ANONYMOUS_ORG_ROLE, undefined);
  assert.equal(env.GF_SECURITY_ADMIN_PASSWORD, undefined, 'the password is not in the file');
  assert.equal(env.GF_SECURITY_ADMIN_USER, 'admin');
  assert.equal(env.MESHLENS_GRAFANA_PASSWORD, '${MESHLENS_GRAFANA_PASSWORD:-}');
});

test("Grafana's entrypoint generates a password on the first start, prints it, keeps it; MESHLENS_GRAFANA_PASSWORD wins", () => {
  const [shell, flag, script] = services.grafana.entrypoint as string[];
  assert.deepEqual([shell, flag], ['sh', '-c']);
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-grafana-'));
  // As the container runs it: compose turns $$ into $; Grafana's data dir and /run.sh are stand-ins here.
  const local = script
    .replace(/\$\$/g, '$')
    .replace('/var/lib/grafana/', `${dir}/`)
    .replace('exec /run.sh', 'echo "run.sh with GF_SECURITY_ADMIN_PASSWORD=$GF_SECURITY_ADMIN_PASSWORD"');
  const start = (password?: string) => {
    const r = spawnSync('sh', ['-c', local], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...(password === undefined ? {} : { MESHLENS_GRAFANA_PASSWORD: password }) },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  try {
    const first = start();
    const m = /^MeshLens: Grafana user admin, password ([0-9a-f]{32})\nrun\.sh with GF_SECURITY_ADMIN_PASSWORD=\1\n$/.exec(first);
    assert.ok(m, first);
    assert.equal(start(), first, 'a restart keeps the password Grafana was created with');
    assert.equal(statSync(join(dir, 'meshlens-admin-password')).mode & 0o777, 0o600);
    const other = mkdtempSync(join(tmpdir(), 'meshlens-grafana-'));
    try {
      const second = spawnSync('sh', ['-c', local.replace(`${dir}/`, `${other}/`)], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      assert.notEqual(second.stdout, first, 'each new container gets its own password');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    assert.equal(
      start('correct horse $battery'),
      'MeshLens: Grafana user admin, password from MESHLENS_GRAFANA_PASSWORD\nrun.sh with GF_SECURITY_ADMIN_PASSWORD=correct horse $battery\n'
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Prometheus runs without the lifecycle and admin APIs (no /-/quit, /-/reload or TSDB deletes over HTTP)', () => {
  const command: string[] = services.prometheus.command;
  assert.deepEqual(
    command.filter((c) => /lifecycle|admin-api/.test(c)),
    []
  );
  assert.deepEqual(command, [
    '--config.file=/etc/prometheus/prometheus.yml',
    '--storage.tsdb.path=/prometheus',
    '--enable-feature=exemplar-storage',
  ]);
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
