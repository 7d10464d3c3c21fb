package io.meetingintel.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of the platform: its name, its key and value types and how many partitions it is created with.
 * Keys are always the meeting id, so everything about one meeting stays ordered on one partition.
 */
public record Topic<V extends SpecificRecord>(String name, Class<String> keyType, Class<V> valueType, Schema valueSchema,
                                              int partitions) {

    /** Subject of the value schema under Confluent's TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }

    /** Dead-letter topic that receives records of this topic that can never be processed. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }
}
