package io.kubecdc.chfront.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class Lz4BlockTest {

  private static byte[] sample(int len, long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[len];
    String words = "id,name,amount,2024-01-01 00:00:00,";
    for (int i = 0; i < len; i++) {
      b[i] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) words.charAt(i % words.length());
    }
    return b;
  }

  @Test
  void shouldProduceBlocksThatLz4JavaDecompresses() {
    for (int len : new int[] {0, 1, 5, 12, 13, 100, 65_536, 1 << 20}) {
      byte[] src = sample(len, len);
      byte[] compressed = new byte[Lz4Block.maxCompressedLength(len)];
      int n = Lz4Block.compress(src, 0, len, compressed, 0);
      byte[] restored = new byte[len];
      LZ4Factory.safeInstance().fastDecompressor().decompress(compressed, 0, restored, 0, len);
      assertThat(restored).as("length %d", len).isEqualTo(src);
      if (len >= 65_536) {
        assertThat(n).isLessThan(len);
      }
    }
  }

  @Test
  void shouldDecompressBlocksMadeByLz4Java() {
    byte[] src = sample(300_000, 3);
    byte[] compressed = LZ4Factory.safeInstance().highCompressor().compress(src);
    byte[] restored = new byte[src.length];
    Lz4Block.decompress(compressed, 0, compressed.length, restored, 0, src.length);
    assertThat(restored).isEqualTo(src);
  }

  @Test
  void shouldRoundTripHighlyRepetitiveData() {
    byte[] src = new byte[100_000];
    Arrays.fill(src, (byte) 'a');
    byte[] compressed = new byte[Lz4Block.maxCompressedLength(src.length)];
    int n = Lz4Block.compress(src, 0, src.length, compressed, 0);
    byte[] restored = new byte[src.length];
    Lz4Block.decompress(compressed, 0, n, restored, 0, src.length);
    assertThat(restored).isEqualTo(src);
    assertThat(n).isLessThan(1000);
  }

  @Test
  void shouldRejectABlockThatDoesNotExpandToTheDeclaredSize() {
    byte[] src = "hello hello hello hello".getBytes(StandardCharsets.US_ASCII);
    byte[] compressed = new byte[64];
    int n = Lz4Block.compress(src, 0, src.length, compressed, 0);
    assertThatThrownBy(() -> Lz4Block.decompress(compressed, 0, n, new byte[40], 0, 40))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
