import { parser } from '@prometheus-io/lezer-promql';

/** Positions of syntax errors in a PromQL expression (empty when it parses), via Prometheus' own lezer grammar. */
export function promqlSyntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(`at ${node.from}: ${JSON.stringify(expr.slice(Math.max(0, node.from - 20), node.to + 20))}`);
      }
    },
  });
  return errors;
}
