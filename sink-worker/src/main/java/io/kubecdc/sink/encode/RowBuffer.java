package io.kubecdc.sink.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte buffer with the little-endian and LEB128 writes of RowBinary. */
final class RowBuffer {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] bytes;
  int position;

  RowBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  void ensure(int more) {
    if (bytes.length - position < more) {
      long wanted = Math.max((long) bytes.length * 2, (long) position + more);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("batch exceeds 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }

  void writeByte(int b) {
    ensure(1);
    bytes[position++] = (byte) b;
  }

  void writeShort(int v) {
    ensure(2);
    SHORT.set(bytes, position, (short) v);
    position += 2;
  }

  void writeInt(int v) {
    ensure(4);
    INT.set(bytes, position, v);
    position += 4;
  }

  void writeLong(long v) {
    ensure(8);
    LONG.set(bytes, position, v);
    position += 8;
  }

  void writeZeros(int n) {
    ensure(n);
    Arrays.fill(bytes, position, position + n, (byte) 0);
    position += n;
  }

  /** A two's-complement integer of {@code width} bytes, little-endian, sign-extended. */
  void writeLongExtended(long v, int width) {
    writeLong(v);
    if (width > 8) {
      ensure(width - 8);
      Arrays.fill(bytes, position, position + width - 8, (byte) (v < 0 ? -1 : 0));
      position += width - 8;
    }
  }

  /** A two's-complement integer known to fit {@code width} bytes, little-endian. */
  void writeBig(BigInteger v, int width) {
    if (v.bitLength() < 64) {
      writeLongExtended(v.longValue(), width);
      return;
    }
    byte[] be = v.toByteArray();
    ensure(width);
    byte fill = (byte) (v.signum() < 0 ? -1 : 0);
    for (int i = 0; i < width; i++) {
      int from = be.length - 1 - i;
      bytes[position + i] = from >= 0 ? be[from] : fill;
    }
    position += width;
  }

  void writeVarUInt(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      bytes[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[position++] = (byte) v;
  }

  void writeBytes(byte[] b) {
    writeVarUInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, position, b.length);
    position += b.length;
  }

  /** A String as LEB128 length + UTF-8, encoded in place (unpaired surrogates become '?'). */
  void writeUtf8(CharSequence s) {
    int n = s.length();
    int length = utf8Length(s, n);
    writeVarUInt(length);
    ensure(length);
    byte[] b = bytes;
    int p = position;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[p++] = '?';
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  private static int utf8Length(CharSequence s, int n) {
    int length = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          length += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          length += 2; // 4 bytes for 2 chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          length += 2;
        }
      }
    }
    return length;
  }
}
