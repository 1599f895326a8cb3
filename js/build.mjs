// Bundle the quiz's browser code (js/quiz/*.js, ES modules) into theme/assets/quiz.js with the esbuild pinned in
// package.json: `make js` (npm run build:js). `node js/build.mjs OUT` writes the bundle to OUT instead, which is
// how tests/test_js_bundle.py checks that the committed file is current. The output depends only on the sources
// and the esbuild version: paths are relative to the repository, nothing is minified, no source map.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, "theme", "assets", "quiz.js");

const banner = `/* GENERATED FILE: do not edit. Bundled by esbuild from js/quiz/ (entry: js/quiz/main.js): edit the
   modules there, run \`make js\` and commit this file with them; tests/test_js_bundle.py checks that it is
   current. The format of the progress saved in localStorage is described in js/quiz/storage.js. */`;

await build({
  absWorkingDir: root,
  entryPoints: ["js/quiz/main.js"],
  outfile: out,
  bundle: true,
  format: "iife",
  target: "es2017",
  platform: "browser",
  charset: "utf8", // ✓, ✗ and − stay readable instead of \u escapes
  legalComments: "none",
  minify: false,
  sourcemap: false,
  banner: { js: banner },
  logLevel: "warning",
});
