// The RouterOS API's wire format (https://help.mikrotik.com/docs/display/ROS/API): a sentence is
// a list of words ended by an empty word; each word is prefixed by its length in 1–5 bytes
// (thresholds 0x80, 0x4000, 0x200000, 0x10000000). Strings are windows-1252, as RouterOS sends.
import iconv from "iconv-lite";

export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >> 16) | 0xc0, (length >> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) return Buffer.from([(length >>> 24) | 0xe0, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  return Buffer.from([0xf0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
}

export function encodeSentence(words: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = iconv.encode(word, "win1252");
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** Reads a byte stream into sentences; feed it whatever chunks the socket delivers. */
export class SentenceReader {
  private buffer: Buffer = Buffer.alloc(0);
  private words: string[] = [];

  push(chunk: Buffer): string[][] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const sentences: string[][] = [];
    for (;;) {
      const header = decodeLength(this.buffer);
      if (!header) break;
      const [size, length] = header;
      if (this.buffer.length < size + length) break;
      const word = iconv.decode(this.buffer.subarray(size, size + length), "win1252");
      this.buffer = this.buffer.subarray(size + length);
      if (length === 0) {
        sentences.push(this.words);
        this.words = [];
      } else {
        this.words.push(word);
      }
    }
    return sentences;
  }
}

/** [bytes of the prefix, length], or null when the prefix is not complete yet. */
function decodeLength(data: Buffer): [number, number] | null {
  if (data.length === 0) return null;
  const b = data[0]!;
  const size = b < 0x80 ? 1 : b < 0xc0 ? 2 : b < 0xe0 ? 3 : b < 0xf0 ? 4 : 5;
  if (data.length < size) return null;
  if (size === 1) return [1, b];
  if (size === 2) return [2, ((b & 0x3f) << 8) | data[1]!];
  if (size === 3) return [3, ((b & 0x1f) << 16) | (data[1]! << 8) | data[2]!];
  if (size === 4) return [4, ((b & 0x0f) * 0x1000000) + ((data[1]! << 16) | (data[2]! << 8) | data[3]!)];
  return [5, data.readUInt32BE(1)];
}
