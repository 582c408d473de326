import type { Random } from '../model/random';
import type { Helpers, Pod } from './infraTypes';

/** Go runtime and process collectors of istiod, as client_golang exports them. */
export function goRuntime(p: Pod, h: Helpers, random: Random): void {
  const l = p.labels;
  const heap = () => 60e6 + random() * 20e6;
  h.gauge(
    h.define('go_goroutines', 'Number of goroutines that currently exist.', 'gauge'),
    l,
    p.pod,
    () => 900 + Math.round(random() * 100)
  );
  for (const name of ['go_memstats_alloc_bytes', 'go_memstats_heap_alloc_bytes', 'go_memstats_heap_inuse_bytes']) {
    h.gauge(h.define(name, `${name} (Go runtime)`, 'gauge'), l, p.pod, heap);
  }
  h.gauge(h.define('go_memstats_heap_sys_bytes', 'Heap memory obtained from the OS.', 'gauge'), l, p.pod, () => 110e6);
  h.gauge(
    h.define('go_memstats_stack_inuse_bytes', 'Bytes in use by the stack allocator.', 'gauge'),
    l,
    p.pod,
    () => 6e6
  );
  h.counter(
    h.define('go_memstats_alloc_bytes_total', 'Total bytes allocated, even if freed.', 'counter'),
    l,
    p.pod,
    2e6
  );
  h.counter(h.define('go_memstats_mallocs_total', 'Total number of mallocs.', 'counter'), l, p.pod, 2e4);
  h.counter(
    h.define('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', 'counter'),
    l,
    p.pod,
    0.05
  );
  h.gauge(h.define('process_open_fds', 'Number of open file descriptors.', 'gauge'), l, p.pod, () => 64);
  h.gauge(h.define('process_resident_memory_bytes', 'Resident memory size in bytes.', 'gauge'), l, p.pod, () => 150e6);
  h.gauge(h.define('process_virtual_memory_bytes', 'Virtual memory size in bytes.', 'gauge'), l, p.pod, () => 1.4e9);
}
