/**
 * Jest resolver for the ES-module-only Kubernetes model packages, whose package.json "exports"
 * offer only the "import" condition: jest resolves require() calls with "require", finds
 * nothing, and fails. For these packages only, resolve with "import" (jest.config.js then
 * transpiles the files to CommonJS); every other package resolves exactly as before.
 */
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+)(\/|$)/;

module.exports = (request, options) => options.defaultResolver(request, ESM_ONLY.test(request) ? { ...options, conditions: ["import", "default"] } : options);
