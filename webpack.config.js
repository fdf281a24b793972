/**
 * The Excel add-in's build (`npm run build:addin`, `npm run dev-server`): the task pane, the ribbon commands and
 * the browser harness, each an HTML page with its scripts, plus the icons and manifests, into dist/addin, which
 * the service serves on its own origin (server/http/addinFiles.ts).
 *
 * - Production (the default): minified, content-hashed file names, source maps beside them.
 * - `ADDIN_BASE_URL=https://addin.example.org npm run build:addin` writes dist/addin/manifest.xml with every URL on
 *   that origin (manifest/render.mjs); without it, the development manifest (https://localhost:3000).
 * - `npm run dev-server`: webpack-dev-server over https with the Office Add-in dev certificates
 *   (office-addin-dev-certs), on DEV_SERVER_PORT (3001), passing /api and /office-js to the service at
 *   SERVICE_URL (https://localhost:3000), so the pane and the API still share one origin.
 *
 * Office.js is never bundled: taskpane.html loads it from Microsoft's CDN, and the pane falls back to the
 * service's copy (/office-js/office.js) when that did not load. The harness page does not load Office.js.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * package-lock.json hoists ajv 6 (for eslint) to node_modules/ajv, and with legacy-peer-deps ajv-keywords 5
 * (schema-utils', so webpack's plugins') finds that one instead of the ajv 8 it needs. Until ajv 8 is a direct
 * dependency, its requests go to schema-utils' own ajv 8. Off by itself once the top-level ajv is 8.
 */
function useAjv8ForAjvKeywords() {
  const require = createRequire(import.meta.url);
  if (require('ajv/package.json').version.startsWith('8.')) return;
  const schemaUtils = path.dirname(require.resolve('schema-utils/package.json'));
  const ajv8 = path.dirname(createRequire(path.join(schemaUtils, 'package.json')).resolve('ajv/package.json'));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const fromKeywords = parent?.filename?.includes(`${path.sep}ajv-keywords${path.sep}`);
    const ajvRequest = request === 'ajv' || request.startsWith('ajv/');
    return resolve.call(this, fromKeywords && ajvRequest ? ajv8 + request.slice(3) : request, parent, ...rest);
  };
}
useAjv8ForAjvKeywords();

const { default: CopyWebpackPlugin } = await import('copy-webpack-plugin');
const { default: HtmlWebpackPlugin } = await import('html-webpack-plugin');
const { renderManifest } = await import('./manifest/render.mjs');

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(ROOT, 'dist/addin');

async function devServerHttps() {
  const devCerts = await import('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL?.trim();
  const service = process.env.SERVICE_URL ?? 'https://localhost:3000';
  return {
    mode: dev ? 'development' : 'production',
    context: ROOT,
    devtool: 'source-map',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
      harness: './addin/harness/index.tsx',
      register: './addin/register/index.tsx',
    },
    output: {
      path: OUT,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // Sources import each other as .js (NodeNext ESM); the files are .ts / .tsx.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // tsc checks the types (npm run typecheck); the bundle only needs them stripped.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: true, noEmit: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'harness.html',
        template: './addin/harness/harness.html',
        chunks: ['harness'],
      }),
      // The register page, served at / (server/http/addinFiles.ts): its own entry, so the pane does not grow.
      new HtmlWebpackPlugin({
        filename: 'register.html',
        template: './addin/register/register.html',
        chunks: ['register'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.mjs'] } },
          {
            from: 'manifest/manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            // With ADDIN_BASE_URL, the production manifest: every URL on that origin (manifest/render.mjs).
            ...(baseUrl ? { transform: (content) => renderManifest(content.toString(), baseUrl) } : {}),
          },
        ],
      }),
    ],
    ...(serving
      ? {
          devServer: {
            port: Number(process.env.DEV_SERVER_PORT ?? 3001),
            server: await devServerHttps(),
            headers: { 'Access-Control-Allow-Origin': '*' },
            static: false,
            proxy: [{ context: ['/api', '/office-js'], target: service, secure: false, changeOrigin: true }],
          },
        }
      : {}),
  };
};
