package io.meshplane.graph;

import com.hazelcast.map.EntryProcessor;
import java.nio.ByteBuffer;
import java.util.Map;

/** Adds one to the lineage epoch on the member that owns it, so concurrent changes never lose an increment. */
final class EpochIncrement implements EntryProcessor<String, byte[], Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public Long process(Map.Entry<String, byte[]> entry) {
    long next = (entry.getValue() == null ? 0 : ByteBuffer.wrap(entry.getValue()).getLong()) + 1;
    entry.setValue(ByteBuffer.allocate(Long.BYTES).putLong(next).array());
    return next;
  }
}
