// How the CDN bundles are minified: rollup.config.mjs builds with these, scripts/size.mjs measures the SDK with them.
// ecma 2020 lets terser write `??` and `?.` where it rewrites code (the bundles target ES2022 anyway); a third pass
// still finds a few bytes.
export const terserOptions = { module: true, ecma: 2020, format: { comments: false }, compress: { passes: 3 } };
