// Loopback server for the bench pages: the repository's files, plus a map-tile route so both maps load
// real PNG tiles without the internet (one 256×256 image, the same for every tile).
import {deflateSync, crc32} from 'node:zlib';
import {serveStatic} from '../../scripts/static-server.mjs';

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function tilePng() {
  const size = 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set(x % 32 === 0 ? [200, 200, 200] : [236, 234, 228], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({length: size}, (_, y) => (y % 32 === 0 ? Buffer.alloc(row.length, 200).fill(0, 0, 1) : row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function startServer(root) {
  const server = await serveStatic(root);
  const [files] = server.listeners('request');
  server.removeAllListeners('request');
  const png = tilePng();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/tile/')) {
      return res.writeHead(200, {'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600'}).end(png);
    }
    files(req, res);
  });
  return {server, origin: `http://127.0.0.1:${server.address().port}`};
}
