package io.meetingintel.platform.serde;

import java.net.URI;
import java.util.Map;

import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import org.apache.kafka.common.config.ConfigException;

/** Kafka client properties read by {@link AvroEventSerializer} and {@link AvroEventDeserializer}: Confluent's names. */
public final class AvroSerdeConfig {

    /** Base URL of the schema registry (required). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Whether the serializer registers schemas it has not seen (default true, as Confluent's). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Optional {@code user:password} for HTTP basic authentication. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    private AvroSerdeConfig() {
    }

    static HttpSchemaRegistryClient registryClient(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "the schema registry URL is required");
        }
        HttpSchemaRegistryClient.Builder builder;
        try {
            builder = HttpSchemaRegistryClient.builder(URI.create(url.toString().strip()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        if (userInfo != null && !userInfo.toString().isBlank()) {
            builder.basicAuth(userInfo.toString());
        }
        return builder.build();
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString().strip());
    }

    /** Keys are meeting ids serialized as strings; only values are Avro events. */
    static void requireValue(boolean isKey, Class<?> serde) {
        if (isKey) {
            throw new ConfigException(serde.getSimpleName() + " handles record values only; keys are strings");
        }
    }
}
