package io.kubecdc.chfront.protocol;

import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Writes ClickHouse's native compressed framing (what the HTTP interface sends for {@code
 * compress=1}): LZ4 blocks of at most {@link #BLOCK_SIZE} uncompressed bytes, see {@link
 * BlockFrame}. An empty stream writes no block, like the server.
 */
public final class CompressedBlockOutputStream extends OutputStream {
  public static final int BLOCK_SIZE = 1 << 20;
  private static final LZ4Compressor LZ4 = LZ4Factory.fastestInstance().fastCompressor();

  private final OutputStream out;
  private final byte[] buffer;
  private final byte[] frame;
  private int count;

  public CompressedBlockOutputStream(OutputStream out) {
    this.out = out;
    this.buffer = new byte[BLOCK_SIZE];
    this.frame = new byte[BlockFrame.PREFIX + LZ4.maxCompressedLength(BLOCK_SIZE)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
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
    int payload =
        LZ4.compress(buffer, 0, count, frame, BlockFrame.PREFIX, frame.length - BlockFrame.PREFIX);
    out.write(frame, 0, BlockFrame.seal(frame, BlockFrame.METHOD_LZ4, payload, count));
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
}
