package io.kubecdc.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceDriftTest {
  @Test
  void shouldReportASpecChangedOutsideGit() {
    var c = SourceDrift.condition("sha256:aaa", "sha256:bbb", Instant.EPOCH, 2).orElseThrow();

    assertThat(c.type()).isEqualTo("SourceInSync");
    assertThat(c.status()).isEqualTo("False");
    assertThat(c.reason()).isEqualTo("DriftedFromSource");
    assertThat(c.message())
        .startsWith("spec is revision sha256:bbb but the GitOps source says sha256:aaa");
  }

  @Test
  void shouldSayInSyncOrNothingWithoutTheAnnotation() {
    assertThat(SourceDrift.condition("sha256:aaa", "sha256:aaa", Instant.EPOCH, 2))
        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("MatchesSource"));
    assertThat(SourceDrift.condition(null, "sha256:aaa", Instant.EPOCH, 2)).isEmpty();
  }
}
