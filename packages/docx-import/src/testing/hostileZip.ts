import { deflateRawSync, constants as zlib } from "node:zlib";

const MiB = 1024 * 1024;

/**
 * A DEFLATE stream that inflates to `mebibytes` MiB of "a" from about 1 KiB per MiB: one
 * compressed MiB, flushed so that it refers to nothing before it, repeated.
 */
export function repeatedDeflate(mebibytes: number): Uint8Array {
  const segment = deflateRawSync(Buffer.alloc(MiB, "a"), { finishFlush: zlib.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mebibytes }, () => segment), end]);
}

/** A one-file ZIP written by hand, declaring whatever uncompressed size we like. */
export function rawZip(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryOffset = local.length + nameBytes.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

/**
 * A one-file ZIP whose DEFLATE stream inflates to `mebibytes` MiB while declaring 10 KiB: a
 * hostile `.docx` that an importer must refuse without inflating it.
 */
export function zipBomb(mebibytes: number): Uint8Array {
  return rawZip("word/document.xml", repeatedDeflate(mebibytes), 10 * 1024);
}
