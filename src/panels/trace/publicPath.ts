// Lazy chunks of nested panels are emitted at the app's dist root, not next to this module.
declare let __webpack_public_path__: string;
__webpack_public_path__ = __webpack_public_path__.replace(/panels\/[^/]+\/$/, '');
export {};
