// The test projects. vitest 4 ignores this file by itself; the root vitest.config.ts imports it.
export default ['packages/*', 'apps/*'];
