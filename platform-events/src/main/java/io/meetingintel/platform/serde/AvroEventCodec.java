package io.meetingintel.platform.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meetingintel.devregistry.CompatibilityRules;
import io.meetingintel.platform.registry.SchemaNotFoundException;
import io.meetingintel.platform.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes events as Confluent-framed Avro and decodes them back into their generated classes. Subjects follow
 * TopicNameStrategy ({@code <topic>-value}). Decoding resolves the writer schema (fetched by id) against the current
 * generated class, so older and newer producers' records decode as long as the schemas are compatible.
 *
 * <p>Decoding failures are split by what the consumer should do: {@link PoisonPillException} and its subclasses for
 * bytes that will never decode, while registry outages propagate unchanged so the record is retried.
 *
 * <p>Thread-safe. The per-record path only does cache lookups and reuses per-thread encoders and decoders.
 */
public final class AvroEventCodec {

    private static final int INITIAL_BUFFER_BYTES = 512;
    private static final ThreadLocal<EncodingBuffer> ENCODING_BUFFERS = ThreadLocal.withInitial(EncodingBuffer::new);
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<String, String> subjectsByTopic = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<SpecificRecord>> writersBySchema = new ConcurrentHashMap<>();
    /** A schema id fixes the writer schema, and the writer's record name fixes the reader class. */
    private final Map<Integer, SpecificDatumReader<SpecificRecord>> readersBySchemaId = new ConcurrentHashMap<>();

    /**
     * @param autoRegister register the record's schema when serializing (development, tests); when false the schema
     *                     must already be registered, and serializing an unregistered one fails
     */
    public AvroEventCodec(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    /** The value subject of a topic under TopicNameStrategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** The record as plain Avro binary with its own schema, without the Confluent header. */
    public byte[] encodeBody(SpecificRecord record) {
        EncodingBuffer buffer = ENCODING_BUFFERS.get();
        buffer.out.reset();
        encode(record, buffer);
        return buffer.out.toByteArray();
    }

    /** The registry id of the schema under the subject: registered when auto-registering, else looked up. */
    public int schemaIdFor(String subject, Schema schema) {
        return autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
    }

    /** The record framed for the topic: header with the id of its schema under the topic's value subject, then body. */
    public byte[] serialize(String topic, SpecificRecord record) {
        int schemaId = schemaIdFor(subjectsByTopic.computeIfAbsent(topic, AvroEventCodec::valueSubject),
                record.getSchema());
        EncodingBuffer buffer = ENCODING_BUFFERS.get();
        buffer.out.reset();
        ConfluentWireFormat.writeHeader(buffer.out, schemaId);
        encode(record, buffer);
        return buffer.out.toByteArray();
    }

    /**
     * The event in a framed record, as an instance of its generated class.
     *
     * @throws MalformedEventException     bad header, truncated or corrupt body
     * @throws UnknownSchemaException      the registry does not know the schema id
     * @throws IncompatibleEventException  the writer schema is not one of our events or cannot be read as it
     * @throws io.meetingintel.platform.registry.SchemaRegistryUnavailableException registry unreachable: retry later
     */
    public SpecificRecord deserialize(String topic, byte[] framed) {
        int schemaId = ConfluentWireFormat.schemaId(framed);
        SpecificDatumReader<SpecificRecord> reader = readersBySchemaId.computeIfAbsent(schemaId,
                id -> newReader(topic, id));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH,
                framed.length - ConfluentWireFormat.HEADER_LENGTH, DECODERS.get());
        DECODERS.set(decoder);
        SpecificRecord record;
        boolean trailingBytes;
        try {
            record = reader.read(null, decoder);
            trailingBytes = !decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            // Corrupt bytes surface as EOF, bad union or enum indexes, negative lengths, invalid UTF-8...
            throw new MalformedEventException("Corrupt Avro body on topic " + topic + " (schema id " + schemaId
                    + ", " + framed.length + " bytes): " + e, e);
        }
        if (trailingBytes) {
            throw new MalformedEventException("Corrupt Avro body on topic " + topic + " (schema id " + schemaId
                    + "): bytes left over after the " + reader.getSchema().getFullName() + " record");
        }
        return record;
    }

    private SpecificDatumReader<SpecificRecord> newReader(String topic, int schemaId) {
        Schema writer;
        try {
            writer = registry.getSchemaById(schemaId);
        } catch (SchemaNotFoundException e) {
            throw new UnknownSchemaException("Record on topic " + topic + " names schema id " + schemaId
                    + ", which the schema registry does not have", e);
        }
        Class<?> eventClass = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (eventClass == null || !SpecificRecord.class.isAssignableFrom(eventClass)) {
            throw new IncompatibleEventException("Record on topic " + topic + " was written with schema id "
                    + schemaId + " (" + writer.getFullName() + "), which is not an event this service knows");
        }
        Schema reader = SpecificData.get().getSchema(eventClass);
        if (!CompatibilityRules.canRead(reader, writer)) {
            throw new IncompatibleEventException("Record on topic " + topic + " was written with schema id "
                    + schemaId + ", which cannot be read as the current " + reader.getFullName());
        }
        return new SpecificDatumReader<>(writer, reader, new PlainListData(SpecificData.getForSchema(reader)));
    }

    private void encode(SpecificRecord record, EncodingBuffer buffer) {
        Schema schema = record.getSchema();
        DatumWriter<SpecificRecord> writer = writersBySchema.computeIfAbsent(schema, NullableFastWriter::new);
        try {
            writer.write(record, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // The encoder may hold half a record: start the next one on a fresh buffer.
            ENCODING_BUFFERS.remove();
            throw new IllegalArgumentException("Cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The generated class's data model, but decoding arrays into {@link ArrayList}s: Avro's own array type compares
     * elements without logical type conversions, so a decoded event holding a list of records with a date in a union
     * would not equal the same event built with the generated builders.
     */
    private static final class PlainListData extends SpecificData {

        PlainListData(SpecificData generatedModel) {
            super(generatedModel.getClassLoader());
            generatedModel.getConversions().forEach(this::addLogicalTypeConversion);
        }

        @Override
        public Object newArray(Object old, int size, Schema schema) {
            if (old instanceof Collection<?> reused) {
                reused.clear();
                return reused;
            }
            return new ArrayList<>(size);
        }
    }

    /**
     * Avro resolves every union value by looking its type name up in the union; our unions are almost all
     * {@code ["null", X]}, where null-or-not decides the branch. Skipping the lookup there is the largest saving on
     * the publish path's encoding.
     */
    private static final class NullableFastWriter extends SpecificDatumWriter<SpecificRecord> {

        NullableFastWriter(Schema schema) {
            super(schema);
        }

        @Override
        protected int resolveUnion(Schema union, Object datum) {
            List<Schema> branches = union.getTypes();
            if (branches.size() == 2) {
                if (branches.get(0).getType() == Schema.Type.NULL) {
                    return datum == null ? 0 : 1;
                }
                if (branches.get(1).getType() == Schema.Type.NULL) {
                    return datum == null ? 1 : 0;
                }
            }
            return super.resolveUnion(union, datum);
        }
    }

    /** A thread's output stream and the encoder writing into it, reused from record to record. */
    private static final class EncodingBuffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
        private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    }
}
