// A small PNG reader for tests (8-bit greyscale, RGB or RGBA, not interlaced: what resvg writes):
// chunks, IHDR, the inflated IDAT stream and the five row filters of the PNG specification.
import zlib from 'node:zlib';

/** A decoded PNG: size, channels per pixel and the unfiltered samples, row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes a PNG; throws on anything this reader does not handle. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes);
  if (!buf.subarray(0, 8).equals(Buffer.from(PNG_SIGNATURE))) throw new Error('not a PNG: wrong signature');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: bit depth ${depth}, interlace ${interlace}`);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour!] ?? 0;
      if (!channels) throw new Error(`unsupported PNG colour type ${colour}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter!];
      if (predictor === undefined) throw new Error(`unknown PNG row filter ${filter}`);
      data[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** How many pixels are dark (each colour sample below `threshold`; ink, not the white or the pale fills). */
export function darkPixels(png: DecodedPng, threshold = 96): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += png.channels) {
    let dark = true;
    for (let c = 0; c < Math.min(3, png.channels); c++) if (png.data[i + c]! >= threshold) dark = false;
    if (dark) n++;
  }
  return n;
}
