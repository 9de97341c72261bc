package io.kubecdc.chfront.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // the driver's own CityHash is the reference
class CityHash128Test {

  @Test
  void shouldMatchTheClickHouseDriversChecksumForEveryLengthBranch() {
    Random random = new Random(42);
    int[] lengths = {
      0, 1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 64, 127, 128, 129, 143, 144, 145, 200, 255, 256,
      257, 1000, 4096, 65_537, 1 << 20
    };
    for (int len : lengths) {
      byte[] data = new byte[len + 5];
      random.nextBytes(data);
      assertThat(CityHash128.hash(data, 5, len))
          .as("length %d", len)
          .containsExactly(ClickHouseCityHash.cityHash128(data, 5, len));
    }
  }

  @Test
  void shouldMatchForManyRandomLengths() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      byte[] data = new byte[random.nextInt(600)];
      random.nextBytes(data);
      assertThat(CityHash128.hash(data, 0, data.length))
          .containsExactly(ClickHouseCityHash.cityHash128(data, 0, data.length));
    }
  }
}
