package io.kubecdc.chfront.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Reads ClickHouse's native compressed framing (what clients send with {@code decompress=1}),
 * verifying each block's checksum. LZ4 and uncompressed blocks are supported. The safe LZ4
 * decompressor is used because the input comes from the network.
 */
public final class CompressedBlockInputStream extends InputStream {
  private static final int MAX_BLOCK = 1 << 30;
  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

  private final InputStream in;
  private byte[] frame = new byte[BlockFrame.PREFIX];
  private byte[] data = new byte[0];
  private int pos;
  private int limit;

  public CompressedBlockInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == limit) {
      if (!refill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(data, pos, b, off, n);
    pos += n;
    return n;
  }

  /** Reads the next block; false at the end of the stream. */
  private boolean refill() throws IOException {
    int first = in.readNBytes(frame, 0, BlockFrame.PREFIX);
    if (first == 0) {
      return false;
    }
    if (first < BlockFrame.PREFIX) {
      throw new EOFException("Truncated compressed block header");
    }
    byte method = frame[BlockFrame.CHECKSUM];
    int sized = BlockFrame.getInt(frame, BlockFrame.CHECKSUM + 1);
    int size = BlockFrame.getInt(frame, BlockFrame.CHECKSUM + 5);
    if (sized < BlockFrame.HEADER || sized > MAX_BLOCK || size < 0 || size > MAX_BLOCK) {
      throw new IOException("Corrupted compressed block sizes");
    }
    int payload = sized - BlockFrame.HEADER;
    if (frame.length < BlockFrame.PREFIX + payload) {
      frame = java.util.Arrays.copyOf(frame, BlockFrame.PREFIX + payload);
    }
    if (in.readNBytes(frame, BlockFrame.PREFIX, payload) < payload) {
      throw new EOFException("Truncated compressed block");
    }
    if (!BlockFrame.checksumMatches(frame, sized)) {
      throw new IOException("Checksum doesn't match: corrupted data");
    }
    if (data.length < size) {
      data = new byte[size];
    }
    pos = 0;
    limit = size;
    if (method == BlockFrame.METHOD_NONE && payload == size) {
      System.arraycopy(frame, BlockFrame.PREFIX, data, 0, size);
    } else if (method != BlockFrame.METHOD_LZ4) {
      throw new IOException("Unsupported compression method: " + (method & 0xff));
    } else if (decompress(payload, size) != size) {
      throw new IOException("LZ4 block does not expand to its declared " + size + " bytes");
    }
    return true;
  }

  private int decompress(int payload, int size) throws IOException {
    try {
      return LZ4.decompress(frame, BlockFrame.PREFIX, payload, data, 0, size);
    } catch (LZ4Exception e) {
      throw new IOException("Corrupted LZ4 block: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
