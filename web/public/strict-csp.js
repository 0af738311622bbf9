// The app runs under a CSP without 'unsafe-eval' (server/src/plugins/security-headers.ts). zod compiles fast
// parsers with `new Function` where it may, and probes for that when the first schema is built; the policy
// refuses the probe and the browser reports a violation, although zod falls back. Jitless mode skips the probe.
// A classic script, so it runs before any module (a module import could be reordered behind the schemas'
// chunk by the bundler); zod reads its configuration from this global (zod/v4/core/core.js).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
