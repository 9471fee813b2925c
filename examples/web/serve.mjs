#!/usr/bin/env node
// A tiny static file server for the demo (no server code is needed by the page itself: any static
// host works). It serves the repository root, so the page at /examples/web/ can load the package
// from /wasm/pkg/. Loopback only.
//
//   node examples/web/serve.mjs [PORT]     then open http://127.0.0.1:PORT/examples/web/
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Starts the server; resolves to `{ server, url }` (port 0 picks a free one). */
export function serve({ root = repoRoot, port = 0, host = "127.0.0.1" } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { location: path + "/" }).end();
          return;
        }
        file = join(file, "index.html");
      }
      const { size } = statSync(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { url } = await serve({ port: Number(process.argv[2] ?? 8000) });
  console.log(`vanban demo: ${url}/examples/web/  (Ctrl+C to stop)`);
}
