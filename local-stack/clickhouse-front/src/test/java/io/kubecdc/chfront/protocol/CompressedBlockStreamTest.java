package io.kubecdc.chfront.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.internal.CompressedBlockOutputStream.LZ4OutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class CompressedBlockStreamTest {

  private static byte[] data(int len) {
    byte[] b = new byte[len];
    Random r = new Random(len);
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (i % 7 == 0 ? r.nextInt() : 'x' + i % 3);
    }
    return b;
  }

  @Test
  void shouldBeReadableByTheClientV2Decompressor() throws IOException {
    byte[] src = data(3 * CompressedBlockOutputStream.BLOCK_SIZE + 123);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (CompressedBlockOutputStream out = new CompressedBlockOutputStream(framed)) {
      out.write(src);
    }
    var in =
        new com.clickhouse.client.api.internal.CompressedBlockInputStream(
            new ByteArrayInputStream(framed.toByteArray()),
            LZ4Factory.safeInstance().fastDecompressor(),
            8192);
    assertThat(in.readAllBytes()).isEqualTo(src);
  }

  @Test
  void shouldReadWhatTheClientV2CompressorSends() throws IOException {
    byte[] src = data(500_000);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (LZ4OutputStream out =
        new LZ4OutputStream(framed, LZ4Factory.safeInstance().fastCompressor(), 65536)) {
      out.write(src);
    }
    var in = new CompressedBlockInputStream(new ByteArrayInputStream(framed.toByteArray()));
    assertThat(in.readAllBytes()).isEqualTo(src);
  }

  @Test
  void shouldWriteNoBlockForAnEmptyResultAndReadNoneBack() throws IOException {
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    new CompressedBlockOutputStream(framed).close();
    assertThat(framed.size()).isZero();
    var in = new CompressedBlockInputStream(new ByteArrayInputStream(new byte[0]));
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void shouldRejectACorruptedBlock() throws IOException {
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (CompressedBlockOutputStream out = new CompressedBlockOutputStream(framed)) {
      out.write(data(1000));
    }
    byte[] bytes = framed.toByteArray();
    bytes[bytes.length - 3] ^= 1;
    var in = new CompressedBlockInputStream(new ByteArrayInputStream(bytes));
    assertThatThrownBy(in::readAllBytes).hasMessageContaining("Checksum");
  }
}
