package io.kubecdc.chfront.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads ClickHouse's native compressed framing (what clients send with {@code decompress=1}),
 * verifying each block's CityHash128 checksum. LZ4 and uncompressed blocks are supported.
 */
public final class CompressedBlockInputStream extends InputStream {
  private static final int MAX_BLOCK = 1 << 30;

  private final InputStream in;
  private final byte[] header = new byte[16 + CompressedBlockOutputStream.HEADER];
  private byte[] block = new byte[0];
  private byte[] data = new byte[0];
  private int pos;
  private int limit;

  public CompressedBlockInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (pos == limit && !refill()) {
      return -1;
    }
    return data[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == limit && !refill()) {
      return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(data, pos, b, off, n);
    pos += n;
    return n;
  }

  private boolean refill() throws IOException {
    do {
      int first = in.readNBytes(header, 0, header.length);
      if (first == 0) {
        return false;
      }
      if (first < header.length) {
        throw new EOFException("Truncated compressed block header");
      }
      byte method = header[16];
      int sizeWithHeader = getInt(header, 17);
      int size = getInt(header, 21);
      if (sizeWithHeader < CompressedBlockOutputStream.HEADER
          || sizeWithHeader > MAX_BLOCK
          || size < 0
          || size > MAX_BLOCK) {
        throw new IOException("Corrupted compressed block sizes");
      }
      if (block.length < sizeWithHeader) {
        block = new byte[sizeWithHeader];
      }
      System.arraycopy(header, 16, block, 0, CompressedBlockOutputStream.HEADER);
      int payload = sizeWithHeader - CompressedBlockOutputStream.HEADER;
      if (in.readNBytes(block, CompressedBlockOutputStream.HEADER, payload) < payload) {
        throw new EOFException("Truncated compressed block");
      }
      long[] sum = CityHash128.hash(block, 0, sizeWithHeader);
      if (sum[0] != CityHash128.fetch64(header, 0) || sum[1] != CityHash128.fetch64(header, 8)) {
        throw new IOException("Checksum doesn't match: corrupted data");
      }
      if (data.length < size) {
        data = new byte[size];
      }
      if (method == CompressedBlockOutputStream.METHOD_LZ4) {
        Lz4Block.decompress(block, CompressedBlockOutputStream.HEADER, payload, data, 0, size);
      } else if (method == CompressedBlockOutputStream.METHOD_NONE && payload == size) {
        System.arraycopy(block, CompressedBlockOutputStream.HEADER, data, 0, size);
      } else {
        throw new IOException("Unsupported compression method: " + (method & 0xff));
      }
      pos = 0;
      limit = size;
    } while (limit == 0);
    return true;
  }

  private static int getInt(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] << 24);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
