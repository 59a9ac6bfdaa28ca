package io.meshplane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  @Test
  void comparesNumbersOfEveryKindExactly() {
    assertThat(JsonValues.compare(100, 100.0)).isZero();
    assertThat(JsonValues.compare(100L, 99.5)).isPositive();
    assertThat(JsonValues.compare(99.5, 100)).isNegative();
    assertThat(JsonValues.compare(-5, -5.5)).isPositive();
    assertThat(JsonValues.compare(-6, -5.5)).isNegative();
    // 2^53 + 1 has no double: a long compare must not round it
    assertThat(JsonValues.compare(9007199254740993L, 9007199254740992.0)).isPositive();
    assertThat(JsonValues.compare(Long.MAX_VALUE, 0x1p63)).isNegative();
    assertThat(JsonValues.compare(Long.MIN_VALUE, -0x1p63)).isZero();
    assertThat(JsonValues.compare(0, -0.0)).isZero();
    assertThat(JsonValues.compare(new BigInteger("123456789012345678901234567890"), Long.MAX_VALUE)).isPositive();
    assertThat(JsonValues.compare(new BigDecimal("0.1"), 0.1)).isNegative();
    assertThat(JsonValues.compare(new BigDecimal("2.50"), 2.5)).isZero();
  }

  @Test
  void numbersEqualAcrossTypesButNotStrings() {
    assertThat(JsonValues.equal(1, 1L)).isTrue();
    assertThat(JsonValues.equal(1, "1")).isFalse();
    assertThat(JsonValues.equal("a", "a")).isTrue();
  }
}
