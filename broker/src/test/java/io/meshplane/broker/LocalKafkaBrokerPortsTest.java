package io.meshplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The broker's two listeners never share a port, even when the system offers the same free port twice. */
class LocalKafkaBrokerPortsTest {
  @Test
  void aPortOfferedTwiceIsNotTakenForBothListeners() {
    // what CI met: two listeners on 44977, and Kafka refusing to start
    assertThat(LocalKafkaBroker.clientAndControllerPorts(0, offering(44977, 44977, 44978)))
        .containsExactly(44977, 44978);
  }

  @Test
  void aGivenClientPortIsKeptAndTheControllerTakesAnother() {
    assertThat(LocalKafkaBroker.clientAndControllerPorts(9092, offering(9092, 40001))).containsExactly(9092, 40001);
    assertThat(LocalKafkaBroker.clientAndControllerPorts(9092, offering(40002))).containsExactly(9092, 40002);
  }

  @Test
  void aSystemWithOnlyOneFreePortIsSaidSo() {
    assertThatThrownBy(() -> LocalKafkaBroker.clientAndControllerPorts(0, () -> 5000))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("5000");
  }

  private static IntSupplier offering(Integer... ports) {
    Iterator<Integer> next = List.of(ports).iterator();
    return next::next;
  }
}
