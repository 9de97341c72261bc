package io.kubecdc.chfront.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The layout of one block of ClickHouse's native compressed framing, little-endian: {@code
 * [CityHash128 of the rest: 16][method: 1][compressed size incl. these 9 bytes: u32][uncompressed
 * size: u32][payload]}. The checksum is clickhouse-java's own CityHash, the one the drivers verify
 * with, so the front and the drivers cannot disagree on it.
 */
final class BlockFrame {
  static final byte METHOD_NONE = (byte) 0x02;
  static final byte METHOD_LZ4 = (byte) 0x82;
  static final int CHECKSUM = 16;
  static final int HEADER = 9;
  static final int PREFIX = CHECKSUM + HEADER;

  private BlockFrame() {}

  /** Fills in method, sizes and checksum of a frame whose payload is already at {@link #PREFIX}. */
  static int seal(byte[] frame, byte method, int payload, int uncompressed) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    b.put(CHECKSUM, method)
        .putInt(CHECKSUM + 1, HEADER + payload)
        .putInt(CHECKSUM + 5, uncompressed);
    long[] sum = checksum(frame, HEADER + payload);
    b.putLong(0, sum[0]).putLong(8, sum[1]);
    return PREFIX + payload;
  }

  /**
   * Whether the first 16 bytes of {@code frame} are the checksum of the {@code sized} after them.
   */
  static boolean checksumMatches(byte[] frame, int sized) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    long[] sum = checksum(frame, sized);
    return sum[0] == b.getLong(0) && sum[1] == b.getLong(8);
  }

  static int getInt(byte[] frame, int index) {
    return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(index);
  }

  @SuppressWarnings("deprecation") // deprecated for users, but what the 0.x drivers still verify
  private static long[] checksum(byte[] frame, int len) {
    return ClickHouseCityHash.cityHash128(frame, CHECKSUM, len);
  }
}
