package io.kubecdc.chfront.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorTest {

  @Test
  void shouldParseTheEngineErrorText() {
    ServerError e =
        ServerError.parse(
            "Code: 60. DB::Exception: Unknown table expression identifier 'nope'. (UNKNOWN_TABLE)");
    assertThat(e.code()).isEqualTo(60);
    assertThat(e.message())
        .isEqualTo("Unknown table expression identifier 'nope'. (UNKNOWN_TABLE)");
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.body("26.7.2.1"))
        .startsWith("Code: 60. DB::Exception: Unknown table")
        .endsWith("(version 26.7.2.1)\n");
  }

  @Test
  void shouldMapCodesToTheHttpStatusOfTheRealServer() {
    assertThat(new ServerError(62, "x").httpStatus()).isEqualTo(400);
    assertThat(new ServerError(81, "x").httpStatus()).isEqualTo(404);
    assertThat(new ServerError(516, "x").httpStatus()).isEqualTo(401);
    assertThat(new ServerError(395, "x").httpStatus()).isEqualTo(500);
  }

  @Test
  void shouldFallBackToAnUnknownCodeForTextWithoutCode() {
    assertThat(ServerError.parse("boom").code()).isEqualTo(ServerError.UNKNOWN_EXCEPTION);
  }
}
