/** CloudEvents 1.0 on the wire: structured JSON, Kafka binary mode and the event bus. */
package io.meshplane.codecs.cloudevents;
