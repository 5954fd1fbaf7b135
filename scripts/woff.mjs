/**
 * A WOFF 1.0 font unpacked into the TrueType/OpenType file it wraps (W3C WOFF 1.0, section 5):
 * the image cards shape with HarfBuzz, which reads no WOFF, and @fontsource ships Noto Sans only
 * as WOFF and WOFF2. Each table is zlib-compressed or stored; the directory is rebuilt around them.
 */
import { inflateSync } from 'node:zlib';

export function sfntOfWoff(woff) {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const [offset, compressed, length] = [0, 4, 8].map((at) => woff.readUInt32BE(entry + 4 + at));
    const stored = woff.subarray(offset, offset + compressed);
    tables.push({
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    });
  }
  // The offset table's binary-search fields (OpenType's "Organization of an OpenType Font").
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  woff.copy(header, 0, 4, 8);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts = [header];
  let at = header.length;
  for (const [i, { tag, checksum, data }] of tables.entries()) {
    const record = 12 + i * 16;
    tag.copy(header, record);
    header.writeUInt32BE(checksum, record + 4);
    header.writeUInt32BE(at, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4);
    data.copy(padded);
    parts.push(padded);
    at += padded.length;
  }
  return Buffer.concat(parts);
}
