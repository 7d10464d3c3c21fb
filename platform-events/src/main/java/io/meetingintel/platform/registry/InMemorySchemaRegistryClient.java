package io.meetingintel.platform.registry;

import java.util.function.Supplier;

import io.meetingintel.devregistry.RegistryException;
import io.meetingintel.devregistry.SchemaStore;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} for unit tests: the development registry's {@link SchemaStore} without HTTP, so ids,
 * idempotency, compatibility (BACKWARD_TRANSITIVE by default) and error codes behave exactly like the real registry's.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaStore store;

    public InMemorySchemaRegistryClient() {
        this(new SchemaStore());
    }

    /** Shares a store, e.g. one with a different compatibility level or pre-registered schemas. */
    public InMemorySchemaRegistryClient(SchemaStore store) {
        this.store = store;
    }

    @Override
    public int register(String subject, Schema schema) {
        return call("register under subject '" + subject + "'", () -> store.register(subject, schema).id());
    }

    @Override
    public Schema getSchemaById(int id) {
        return call("get schema id " + id, () -> store.schemaById(id));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return store.isCompatibleWithLatest(subject, schema);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw refusal("compatibility check under subject '" + subject + "'", e);
        }
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return call("lookup under subject '" + subject + "'", () -> store.lookup(subject, schema).id());
    }

    private static <T> T call(String request, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RegistryException e) {
            throw refusal(request, e);
        }
    }

    private static SchemaRegistryRequestException refusal(String request, RegistryException e) {
        return SchemaRegistryRequestException.of("in-memory registry " + request, e.httpStatus(), e.errorCode(),
                e.getMessage());
    }
}
