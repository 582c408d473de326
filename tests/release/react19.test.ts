import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, filesUnder } from './lib';

// React 19 (Grafana 13) removed these; the Grafana 13 host run shows the built plugin works, this keeps the source
// from growing them back (tests included: jest runs React 18, so they would pass there and break in Grafana 13).
const REMOVED: Array<[string, RegExp]> = [
  ['defaultProps (ignored on function components)', /\.defaultProps\b/],
  ['propTypes (no longer checked)', /\.propTypes\b|from 'prop-types'/],
  ['string refs', /\bref=(["']|\{\s*["'`])/],
  ['findDOMNode', /\bfindDOMNode\b/],
  ['ReactDOM.render / hydrate / unmountComponentAtNode', /\b(ReactDOM|react-dom)\b.*\b(render|hydrate|unmountComponentAtNode)\(|\bunmountComponentAtNode\(/],
  ['legacy context', /\b(contextTypes|childContextTypes|getChildContext)\b/],
  ['createFactory', /\bcreateFactory\(/],
  ['react-dom/test-utils', /react-dom\/test-utils/],
  ['element.ref (a prop in React 19)', /\.props\.ref\b|\belement\.ref\b/],
  ['UNSAFE_ lifecycles', /\bUNSAFE_component/],
];

describe('React 19 removals', () => {
  test('none of the removed React APIs is used in src/', () => {
    const hits: string[] = [];
    const files = filesUnder(join(ROOT, 'src')).filter((f) => /\.(ts|tsx)$/.test(f));
    assert.ok(files.length > 200, `${files.length} files`);
    for (const f of files) {
      readFileSync(join(ROOT, 'src', f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [what, re] of REMOVED) {
            if (re.test(line)) {
              hits.push(`src/${f}:${i + 1}: ${what}`);
            }
          }
        });
    }
    assert.deepEqual(hits, []);
  });

  test('the patterns find what they are for', () => {
    const samples = [
      'Panel.defaultProps = { a: 1 };',
      "import PropTypes from 'prop-types';",
      '<div ref="box" />',
      'ReactDOM.findDOMNode(this)',
      'ReactDOM.render(<App />, el);',
      'static contextTypes = {};',
      'React.createFactory(Foo)',
      "import { act } from 'react-dom/test-utils';",
      'const r = element.ref;',
      'UNSAFE_componentWillMount() {}',
    ];
    assert.deepEqual(
      samples.map((s) => REMOVED.filter(([, re]) => re.test(s)).map(([what]) => what)),
      REMOVED.map(([what]) => [what])
    );
  });
});
