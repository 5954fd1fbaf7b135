export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/snapshot/**'],
  outdir: '.',
  litelement: true,
};
