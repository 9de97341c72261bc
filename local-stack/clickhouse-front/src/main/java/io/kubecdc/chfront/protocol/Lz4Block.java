package io.kubecdc.chfront.protocol;

/** Raw LZ4 block format (no frame): a greedy single-pass compressor and a decompressor. */
public final class Lz4Block {
  private static final int MIN_MATCH = 4;
  private static final int LAST_LITERALS = 5;
  private static final int MF_LIMIT = 12;
  private static final int HASH_BITS = 14;
  private static final int MAX_OFFSET = 65535;

  private Lz4Block() {}

  public static int maxCompressedLength(int len) {
    return len + len / 255 + 16;
  }

  /** Compresses {@code src[off, off+len)} into {@code dst} at {@code dOff}; returns its size. */
  public static int compress(byte[] src, int off, int len, byte[] dst, int dOff) {
    int end = off + len;
    int anchor = off;
    int dp = dOff;
    if (len > MF_LIMIT) {
      int[] table = new int[1 << HASH_BITS];
      int matchLimit = end - LAST_LITERALS;
      int ip = off;
      while (ip < end - MF_LIMIT) {
        int seq = readInt(src, ip);
        int h = (seq * -1640531535) >>> (32 - HASH_BITS);
        int ref = table[h] - 1;
        table[h] = ip + 1;
        if (ref >= off && ip - ref <= MAX_OFFSET && readInt(src, ref) == seq) {
          int matchLen = MIN_MATCH;
          while (ip + matchLen < matchLimit && src[ref + matchLen] == src[ip + matchLen]) {
            matchLen++;
          }
          dp = writeSequence(dst, dp, src, anchor, ip - anchor, ip - ref, matchLen);
          ip += matchLen;
          anchor = ip;
        } else {
          ip++;
        }
      }
    }
    int literals = end - anchor;
    int token = Math.min(literals, 15) << 4;
    dst[dp++] = (byte) token;
    dp = writeLength(dst, dp, literals);
    System.arraycopy(src, anchor, dst, dp, literals);
    return dp + literals - dOff;
  }

  private static int writeSequence(
      byte[] dst, int dp, byte[] src, int litStart, int literals, int offset, int matchLen) {
    int ml = matchLen - MIN_MATCH;
    dst[dp++] = (byte) ((Math.min(literals, 15) << 4) | Math.min(ml, 15));
    dp = writeLength(dst, dp, literals);
    System.arraycopy(src, litStart, dst, dp, literals);
    dp += literals;
    dst[dp++] = (byte) offset;
    dst[dp++] = (byte) (offset >>> 8);
    return writeLength(dst, dp, ml);
  }

  private static int writeLength(byte[] dst, int dp, int value) {
    if (value < 15) {
      return dp;
    }
    int rest = value - 15;
    while (rest >= 255) {
      dst[dp++] = (byte) 255;
      rest -= 255;
    }
    dst[dp++] = (byte) rest;
    return dp;
  }

  /** Decompresses a block that must expand to exactly {@code dLen} bytes. */
  public static void decompress(byte[] src, int sOff, int sLen, byte[] dst, int dOff, int dLen) {
    int sp = sOff;
    int send = sOff + sLen;
    int dp = dOff;
    int dend = dOff + dLen;
    while (true) {
      int token = src[sp++] & 0xff;
      int literals = token >>> 4;
      if (literals == 15) {
        int b;
        do {
          b = src[sp++] & 0xff;
          literals += b;
        } while (b == 255);
      }
      if (sp + literals > send || dp + literals > dend) {
        throw new IllegalArgumentException("LZ4 block is corrupted (literals out of bounds)");
      }
      System.arraycopy(src, sp, dst, dp, literals);
      sp += literals;
      dp += literals;
      if (sp >= send) {
        break;
      }
      int offset = (src[sp] & 0xff) | (src[sp + 1] & 0xff) << 8;
      sp += 2;
      int matchLen = token & 15;
      if (matchLen == 15) {
        int b;
        do {
          b = src[sp++] & 0xff;
          matchLen += b;
        } while (b == 255);
      }
      matchLen += MIN_MATCH;
      int ref = dp - offset;
      if (offset == 0 || ref < dOff || dp + matchLen > dend) {
        throw new IllegalArgumentException("LZ4 block is corrupted (bad match)");
      }
      for (int i = 0; i < matchLen; i++) {
        dst[dp++] = dst[ref + i];
      }
    }
    if (dp != dend) {
      throw new IllegalArgumentException("LZ4 block expanded to " + (dp - dOff) + " not " + dLen);
    }
  }

  private static int readInt(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] << 24);
  }
}
