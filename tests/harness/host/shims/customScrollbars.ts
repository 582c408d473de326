// @grafana/ui's ESM files (.mjs) default-import this CommonJS package; esbuild gives .mjs importers Node's
// interop (default = the whole exports object), so CustomScrollbar crashed. From a .ts file the __esModule
// default is honoured; build-host.ts points the .mjs imports here.
import Scrollbars from 'react-custom-scrollbars-2';

export default Scrollbars;
export { Scrollbars };
