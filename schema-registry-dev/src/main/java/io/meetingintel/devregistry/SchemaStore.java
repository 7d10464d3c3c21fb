package io.meetingintel.devregistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state and rules without any HTTP: subjects with their ordered versions, global schema ids and
 * compatibility levels. Behaves like Confluent's registry: ids are global (the same schema under two subjects has one
 * id), registering a schema a subject already has returns the existing version, and a schema that breaks the
 * subject's compatibility level is refused. Thread-safe; every failure is a {@link RegistryException}.
 */
public final class SchemaStore {

    /** One version of a subject. */
    public record SubjectVersion(String subject, int version, int id, Schema schema) {
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    /** Keyed by the parsed schema's normalised JSON, so formatting differences do not create new ids. */
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    /** Version n of a subject is element n - 1. Sorted so subject listings are stable. */
    private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int lastId;

    public SchemaStore() {
        this(CompatibilityLevel.BACKWARD_TRANSITIVE);
    }

    public SchemaStore(CompatibilityLevel globalLevel) {
        this.globalLevel = globalLevel;
    }

    /** Parses Avro schema JSON; an invalid schema is the registry's 422 / 42201. */
    public static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    /**
     * Registers the schema as the subject's next version, or returns the version that already holds it.
     *
     * @throws RegistryException 409 when the subject's compatibility level refuses the schema
     */
    public synchronized SubjectVersion register(String subject, Schema schema) {
        Optional<SubjectVersion> existing = findVersion(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        CompatibilityLevel level = effectiveLevel(subject);
        if (!CompatibilityRules.isCompatible(level, schema, schemasOf(subject))) {
            throw RegistryException.incompatible(subject, level);
        }
        int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> {
            schemasById.put(++lastId, schema);
            return lastId;
        });
        List<Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        ids.add(id);
        return new SubjectVersion(subject, ids.size(), id, schemasById.get(id));
    }

    /**
     * The version of the subject that holds the schema.
     *
     * @throws RegistryException 40401 for an unknown subject, 40403 when the subject does not have the schema
     */
    public synchronized SubjectVersion lookup(String subject, Schema schema) {
        requireSubject(subject);
        return findVersion(subject, schema).orElseThrow(() -> RegistryException.schemaNotRegisteredUnder(subject));
    }

    /** @throws RegistryException 40403 for an unknown id */
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound(id);
        }
        return schema;
    }

    public synchronized List<String> subjects() {
        return List.copyOf(idsBySubject.keySet());
    }

    /** @throws RegistryException 40401 for an unknown subject */
    public synchronized List<Integer> versions(String subject) {
        return IntStream.rangeClosed(1, requireSubject(subject).size()).boxed().toList();
    }

    /** @throws RegistryException 40401 for an unknown subject, 40402 for an unknown version */
    public synchronized SubjectVersion version(String subject, int version) {
        List<Integer> ids = requireSubject(subject);
        if (version < 1 || version > ids.size()) {
            throw RegistryException.versionNotFound(subject, version);
        }
        return subjectVersion(subject, version, ids.get(version - 1));
    }

    /** @throws RegistryException 40401 for an unknown subject */
    public synchronized SubjectVersion latest(String subject) {
        return version(subject, requireSubject(subject).size());
    }

    /**
     * Whether {@link #register} would accept the schema: checked against the versions the subject's level looks at.
     *
     * @throws RegistryException 40401 for an unknown subject
     */
    public synchronized boolean isCompatibleWithLatest(String subject, Schema schema) {
        requireSubject(subject);
        return CompatibilityRules.isCompatible(effectiveLevel(subject), schema, schemasOf(subject));
    }

    /**
     * Whether the schema is compatible with one given version under the subject's level.
     *
     * @throws RegistryException 40401 for an unknown subject, 40402 for an unknown version
     */
    public synchronized boolean isCompatibleWithVersion(String subject, int version, Schema schema) {
        Schema earlier = version(subject, version).schema();
        return CompatibilityRules.isCompatible(effectiveLevel(subject), schema, List.of(earlier));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized void setGlobalLevel(CompatibilityLevel level) {
        globalLevel = level;
    }

    /** The level set for this subject, if any (the subject itself does not need to exist, as in Confluent). */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    /** The subject's own level, or the global one. */
    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private Optional<SubjectVersion> findVersion(String subject, Schema schema) {
        Integer id = idsBySchemaText.get(schema.toString());
        List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
        int index = id == null ? -1 : ids.indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(subjectVersion(subject, index + 1, id));
    }

    private List<Schema> schemasOf(String subject) {
        return idsBySubject.getOrDefault(subject, List.of()).stream().map(schemasById::get).toList();
    }

    private List<Integer> requireSubject(String subject) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null) {
            throw RegistryException.subjectNotFound(subject);
        }
        return ids;
    }

    private SubjectVersion subjectVersion(String subject, int version, int id) {
        return new SubjectVersion(subject, version, id, schemasById.get(id));
    }
}
