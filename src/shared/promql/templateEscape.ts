/**
 * Grafana's template service expands `$name`, `${name}`, `${name:format}` and `[[name]]` anywhere in a query's
 * text, string literals included, with variables and with the data source's macros (`${__range}`, `$__interval`,
 * ...). A label value or a search term embedded in a query must not be read as one: `reviews${__range}-v1` would
 * be queried as `reviews900s-v1`.
 *
 * PromQL and TraceQL read double- and single-quoted strings with Go's escapes (Prometheus and Tempo both use
 * strconv.Unquote), so `\x24` is a `$` and `\x5b` a `[` to them, and text the template service leaves alone.
 */

/**
 * Escapes, inside every quoted string literal of a query, each `$` as `\x24` and the first `[` of each `[[` as
 * `\x5b`; what is outside string literals (`[$__rate_interval]`, `$__range`) is left for Grafana.
 *
 * For TraceQL (the traces page's Tempo search). PromQL queries must not go through it: their builders (escape.ts,
 * matchers.ts) already write `$` and `[[` in data as `\x24` and `\x5b`, and a `$` of their own (`"$1"` in
 * label_replace) is one the template service leaves alone.
 * Apply it to queries whose string literals hold data only: a query that puts a variable inside a string on
 * purpose (`namespace=~"${namespace:regex}"`) must not go through it. Raw (backtick) strings are left as they
 * are, since they have no escapes: builders must not put data in them.
 */
export function escapeTemplateDollar(query: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quote === undefined) {
      if (c === '"' || c === "'" || c === '`') {
        quote = c;
      }
      out += c;
    } else if (c === quote) {
      quote = undefined;
      out += c;
    } else if (quote === '`') {
      out += c;
    } else if (c === '\\' && i + 1 < query.length) {
      // An escape pair is copied whole (`\\`, `\"`); a `$` after it is handled on its own.
      out += c + query[i + 1];
      i++;
    } else if (c === '$') {
      out += '\\x24';
    } else if (c === '[' && query[i + 1] === '[') {
      out += '\\x5b';
    } else {
      out += c;
    }
  }
  return out;
}
