import { deflateRawSync, constants as zlib } from "node:zlib";

const MiB = 1024 * 1024;

/**
 * A one-file ZIP whose DEFLATE stream inflates to `mebibytes` MiB while declaring 10 KiB: a
 * hostile `.docx` that an importer must refuse without inflating it.
 */
export function zipBomb(mebibytes: number): Uint8Array {
  const segment = deflateRawSync(Buffer.alloc(MiB, "a"), { finishFlush: zlib.Z_FULL_FLUSH });
  const deflated = Buffer.concat([
    ...Array.from({ length: mebibytes }, () => segment),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  const name = Buffer.from("word/document.xml");
  const declared = 10 * 1024;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + deflated.length, 16);
  return Buffer.concat([local, name, deflated, central, name, end]);
}
