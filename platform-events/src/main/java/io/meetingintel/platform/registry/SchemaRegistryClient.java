package io.meetingintel.platform.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the platform needs. Implementations cache: ids and schemas never
 * change once registered, so each is fetched at most once per process.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent: an identical schema returns its existing id). */
    int register(String subject, Schema schema);

    /** The schema with this global id; {@link SchemaNotFoundException} when the registry does not know it. */
    Schema getSchemaById(int id);

    /** Whether the schema could be registered under the subject with the registry's compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /**
     * The id of a schema already registered under the subject, without registering it (for producers that must not
     * change the registry); {@link SchemaNotFoundException} when the subject does not have it.
     */
    int lookup(String subject, Schema schema);
}
