package io.kubecdc.chfront.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes ClickHouse's native compressed framing (what the HTTP interface sends for {@code
 * compress=1}): blocks of {@code [CityHash128 checksum: 16][0x82][compressed size incl. 9-byte
 * header: u32][uncompressed size: u32][LZ4 block]}, little-endian.
 */
public final class CompressedBlockOutputStream extends OutputStream {
  static final byte METHOD_LZ4 = (byte) 0x82;
  static final byte METHOD_NONE = (byte) 0x02;
  static final byte METHOD_ZSTD = (byte) 0x90;
  static final int HEADER = 9;
  public static final int BLOCK_SIZE = 1 << 20;

  private final OutputStream out;
  private final byte[] buffer;
  private byte[] frame;
  private int count;

  public CompressedBlockOutputStream(OutputStream out) {
    this(out, BLOCK_SIZE);
  }

  public CompressedBlockOutputStream(OutputStream out, int blockSize) {
    this.out = out;
    this.buffer = new byte[blockSize];
    this.frame = new byte[16 + HEADER + Lz4Block.maxCompressedLength(blockSize)];
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buffer.length) {
      flushBlock();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (count == buffer.length) {
        flushBlock();
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  private void flushBlock() throws IOException {
    if (count == 0) {
      return;
    }
    int compressed = Lz4Block.compress(buffer, 0, count, frame, 16 + HEADER);
    int sizeWithHeader = compressed + HEADER;
    frame[16] = METHOD_LZ4;
    putInt(frame, 17, sizeWithHeader);
    putInt(frame, 21, count);
    long[] checksum = CityHash128.hash(frame, 16, sizeWithHeader);
    putLong(frame, 0, checksum[0]);
    putLong(frame, 8, checksum[1]);
    out.write(frame, 0, 16 + sizeWithHeader);
    count = 0;
  }

  @Override
  public void flush() throws IOException {
    flushBlock();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }

  static void putInt(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }

  static void putLong(byte[] b, int i, long v) {
    for (int k = 0; k < 8; k++) {
      b[i + k] = (byte) (v >>> (8 * k));
    }
  }
}
