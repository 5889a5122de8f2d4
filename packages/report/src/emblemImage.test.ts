import { describe, expect, it } from "vitest";
import { EmblemImageError, emblemImage } from "./emblemImage";

/** The first bytes of a PNG: signature and IHDR with `width` x `height`. */
function pngHead(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  bytes.set([...Buffer.from("IHDR")], 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** A JPEG's markers up to its frame header: SOI, an APP0 segment, then SOF0 with the size. */
function jpegHead(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46];
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    0,
  ];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0, 0]);
}

describe("emblem images", () => {
  it.each([
    ["a PNG", pngHead(120, 100), { type: "png", width: 120, height: 100 }],
    ["a JPEG", jpegHead(300, 250), { type: "jpg", width: 300, height: 250 }],
  ])("reads the type and size of %s from its content", (_name, bytes, expected) => {
    expect(emblemImage(bytes)).toMatchObject(expected);
  });

  it.each([
    ["an SVG", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), /PNG or JPEG/],
    ["a GIF", Buffer.from("GIF89a\x10\x00\x10\x00"), /PNG or JPEG/],
    ["a PNG of 4 pixels", pngHead(2, 2), /16 to 4000 pixels/],
    ["a PNG of 10,000 pixels a side", pngHead(10_000, 10_000), /16 to 4000 pixels/],
    ["a file over 512 KB", new Uint8Array(600 * 1024), /largest accepted is 512 KB/],
  ])("refuses %s with a reason", (_name, bytes, reason) => {
    expect(() => emblemImage(new Uint8Array(bytes))).toThrow(EmblemImageError);
    expect(() => emblemImage(new Uint8Array(bytes))).toThrow(reason);
  });
});
