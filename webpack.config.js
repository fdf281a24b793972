/**
 * The Excel add-in's build (`npm run build:addin`, `npm run dev-server`): the task pane, the ribbon commands and
 * the browser harness, each an HTML page with its scripts, plus the icons and manifests, into dist/addin, which
 * the service serves on its own origin (server/http/addinFiles.ts).
 *
 * - Production (the default): minified, content-hashed file names, source maps beside them.
 * - `ADDIN_BASE_URL=https://addin.example.org npm run build:addin` writes dist/addin/manifest.xml with every URL on
 *   that origin (manifest/render.mjs); without it, the development manifest (https://localhost:$PORT, 3000 unless set).
 * - `npm run dev-server`: webpack-dev-server over https with the Office Add-in dev certificates
 *   (office-addin-dev-certs), on DEV_SERVER_PORT (3001), passing /api and /office-js to the service at
 *   SERVICE_URL (https://localhost:$PORT), so the pane and the API still share one origin.
 *
 * Office.js is never bundled: taskpane.html loads it from Microsoft's CDN, and the pane falls back to the
 * service's copy (/office-js/office.js) when that did not load. The harness page does not load Office.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { default: CopyWebpackPlugin } = await import('copy-webpack-plugin');
const { default: HtmlWebpackPlugin } = await import('html-webpack-plugin');
const { devManifest, renderManifest } = await import('./manifest/render.mjs');

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(ROOT, 'dist/addin');
const DEV_SERVER_PORT = Number(process.env.DEV_SERVER_PORT ?? 3001);

/** Whether `origin` is this dev server's own (https://localhost:DEV_SERVER_PORT or a loopback address). */
function isDevServerOrigin(origin) {
  if (typeof origin !== 'string') return false;
  try {
    const url = new URL(origin);
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && url.port === String(DEV_SERVER_PORT);
  } catch {
    return false;
  }
}

/**
 * The dev server's https options: the Office Add-in dev certificates, made and trusted on first use. Trusting
 * the certificate authority needs the right to change the machine's certificate store (sudo on Linux); without
 * it the certificates are still made, so the server starts with them and says in one paragraph what Excel needs.
 */
async function devServerHttps(port) {
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  try {
    const { ca, key, cert } = await getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (err) {
    const reason = String(err instanceof Error ? err.message : err).split('\n')[0];
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(dir, f));
    if (![ca, cert, key].every((f) => existsSync(f))) {
      throw new Error(
        `The Office Add-in development certificates could not be made in ${dir}: ${reason} ` +
          'Run `npm run certs` as a user who may change the certificate store, then `npm run dev-server` again.',
        { cause: err },
      );
    }
    console.warn(
      `dev-server: the Office Add-in development certificate authority is not trusted on this machine (${reason}).\n` +
        `  Serving https://localhost:${port} with the certificate made in ${dir} all the same: a browser asks\n` +
        '  before it opens the harness, and Excel will not load the pane until the authority is trusted\n' +
        '  (`npm run certs` as a user who may change the certificate store).',
    );
    return { type: 'https', options: { ca: readFileSync(ca), cert: readFileSync(cert), key: readFileSync(key) } };
  }
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL?.trim();
  const service = process.env.SERVICE_URL ?? `https://localhost:${process.env.PORT?.trim() || 3000}`;
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
          { from: 'addin/assets', to: 'assets', noErrorOnMissing: true },
          // The accessibility statement the register page links to: plain HTML, no script.
          { from: 'addin/register/accessibility.html', to: 'accessibility.html' },
          {
            from: 'manifest/manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            // With ADDIN_BASE_URL, the production manifest: every URL on that origin (manifest/render.mjs);
            // else the development manifest for the service's PORT (3000 unless set).
            transform: (content) =>
              baseUrl ? renderManifest(content.toString(), baseUrl) : devManifest(content.toString(), process.env.PORT),
          },
        ],
      }),
    ],
    ...(serving
      ? {
          devServer: {
            port: DEV_SERVER_PORT,
            server: await devServerHttps(DEV_SERVER_PORT),
            headers: { 'Access-Control-Allow-Origin': '*' },
            static: false,
            proxy: [
              {
                context: ['/api', '/office-js'],
                target: service,
                secure: false,
                changeOrigin: true,
                // The service's development sign-in answers only its own pages (server/api/routes/signIn.ts):
                // this server's own pages (the pane) are passed on as coming from the service's origin; any
                // other origin is passed on as it is, and refused there.
                on: {
                  proxyReq: (proxyReq, req) => {
                    if (isDevServerOrigin(req.headers.origin)) proxyReq.setHeader('origin', new URL(service).origin);
                  },
                },
              },
            ],
          },
        }
      : {}),
  };
};
