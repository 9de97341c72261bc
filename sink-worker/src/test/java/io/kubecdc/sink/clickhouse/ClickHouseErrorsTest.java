package io.kubecdc.sink.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.ServerException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseErrorsTest {
  private static RuntimeException classify(int code) {
    ServerException server =
        new ServerException(code, "Code: " + code + ". DB::Exception", 500, "q");
    return ClickHouseErrors.classify("insert into `d`.`t`", new ExecutionException(server));
  }

  @ParameterizedTest
  @ValueSource(ints = {62, 47, 16, 60, 81, 497, 516, 10, 20, 44, 50, 192, 193, 194})
  void shouldTreatErrorsOfTheStatementOrTheSetupAsSystematic(int code) {
    RuntimeException e = classify(code);
    assertThat(e).isInstanceOf(ClickHouseSystematicException.class);
    assertThat(((ClickHouseSystematicException) e).code()).isEqualTo(code);
    assertThat(e.getMessage()).startsWith("insert into `d`.`t` refused: code " + code);
  }

  @ParameterizedTest
  @ValueSource(ints = {27, 53, 69, 70, 6, 72, 117, 33, 321, 349, 407, 12345})
  void shouldTreatErrorsAboutTheRowsAsDataErrors(int code) {
    RuntimeException e = classify(code);
    assertThat(e).isExactlyInstanceOf(ClickHouseRejectedException.class);
    assertThat(((ClickHouseRejectedException) e).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 159, 202, 209, 210, 241, 252, 394})
  void shouldTreatOverloadAndTimeoutsAsUnavailable(int code) {
    assertThat(classify(code)).isInstanceOf(ClickHouseUnavailableException.class);
  }

  @Test
  void shouldTreatAnythingButAServerAnswerAsUnavailable() {
    assertThat(ClickHouseErrors.classify("query", new ConnectException("refused")))
        .isInstanceOf(ClickHouseUnavailableException.class)
        .hasMessageContaining("ConnectException: refused");
  }

  @Test
  void shouldNotListACodeInTwoKinds() {
    assertThat(ClickHouseErrors.SYSTEMATIC_CODES)
        .doesNotContainAnyElementsOf(ClickHouseErrors.AVAILABILITY_CODES);
  }
}
