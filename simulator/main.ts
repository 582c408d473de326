import { parseFlags, UsageError, USAGE, type Flags } from './cli/flags';
import { Control, ControlError } from './engine/control';
import { Engine } from './engine/engine';
import { infraMetrics } from './metrics/infra';
import { kubeStateMetrics } from './metrics/kubeState';
import { seededRandom } from './model/random';
import { createSimulatorServer } from './server';
import { loadTopology } from './topology/load';
import { OtlpSink } from './traces/otlp';
import { Tracer } from './traces/tracer';

/** Builds the engine from flags (topology, seed, start-up faults); throws UsageError on bad input. */
export function createEngine(flags: Flags, nowMs = Date.now()): Engine {
  const topology = loadTopology(flags.topology, { seed: flags.seed, scale: flags.scale });
  let engine: Engine;
  try {
    engine = new Engine(topology, { seed: flags.seed, daySeconds: flags.daySeconds, startMs: nowMs });
  } catch (err) {
    throw new UsageError(`topology ${flags.topology}: ${(err as Error).message}`);
  }
  const step = infraMetrics(engine.store, engine.mesh.workloads, seededRandom(flags.seed + 1));
  const kubeState = flags.kubeState ? kubeStateMetrics(engine.store, engine.mesh) : undefined;
  const tick = engine.tick.bind(engine);
  engine.tick = (dt, now) => {
    tick(dt, now);
    step(dt);
    kubeState?.(dt);
  };
  const control = new Control(engine);
  try {
    flags.faults.forEach((f) => control.fault(f.from, f.to, f.errorRate, f.errorCode));
    flags.latencies.forEach((l) => control.latency(l.from, l.to, l.p50Ms, l.p95Ms));
    flags.shifts.forEach((s) => control.shift(s.service, s.weights));
    flags.stops.forEach((w) => control.stop(w));
    flags.adds.forEach((a) => control.add(a));
  } catch (err) {
    if (err instanceof ControlError) {
      throw new UsageError(err.message);
    }
    throw err;
  }
  return engine;
}

async function main(): Promise<void> {
  let flags: Flags;
  let engine: Engine;
  try {
    flags = parseFlags(process.argv.slice(2));
    engine = createEngine(flags);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`simulator: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw err;
  }
  const sink = flags.otlp ? new OtlpSink(flags.otlp) : undefined;
  const sampling = flags.traceSampling !== undefined ? flags.traceSampling / 100 : engine.mesh.topology.traceSampling;
  const tracer = new Tracer(engine, sampling, seededRandom(flags.seed + 2), {
    send: sink ? (spans) => sink.send(spans) : undefined,
    dir: flags.tracesDir,
  });
  const tick = (dt: number, now: number) => {
    engine.tick(dt, now);
    tracer.tick(dt, now);
  };
  let last = Date.now();
  // Warm-up: simulated seconds ending now, so the series already hold plausible counts.
  for (let s = flags.warmupSeconds; s > 0; s--) {
    engine.tick(1, last - s * 1000);
  }
  tick(0, last);
  let reportedFailures = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    if (sink && sink.failures > reportedFailures && now % 30_000 < flags.tickMs) {
      process.stderr.write(`simulator: ${sink.failures} OTLP exports failed so far; last: ${sink.lastError}\n`);
      reportedFailures = sink.failures;
    }
    tick((now - last) / 1000, now);
    last = now;
  }, flags.tickMs);
  const server = createSimulatorServer(engine, flags.limits);
  server.on('error', (err) => {
    process.stderr.write(`simulator: cannot listen on ${flags.host}:${flags.port}: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(flags.port, flags.host, () => {
    process.stdout.write(
      `simulator: topology ${engine.mesh.topology.name}, ${engine.mesh.workloads.length} workloads, ${engine.mesh.edges.length} edges; ` +
        `http://${flags.host}:${flags.port}/metrics; tracing ${(sampling * 100).toFixed(2)} %` +
        `${sink ? ` to ${flags.otlp}` : ''}${flags.tracesDir ? ` and ${flags.tracesDir}` : ''}\n`
    );
  });
  const shutdown = () => {
    clearInterval(timer);
    void sink?.shutdown();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  process.stderr.write(`simulator: ${err?.stack ?? err}\n`);
  process.exit(1);
});
