package io.meetingintel.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.registry.InMemorySchemaRegistryClient;
import io.meetingintel.platform.registry.SchemaNotFoundException;
import io.meetingintel.platform.registry.SchemaRegistryClient;
import io.meetingintel.platform.registry.SchemaRegistryUnavailableException;
import io.meetingintel.schemas.Topic;
import io.meetingintel.schemas.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroEventCodecTest {

    private static final String TRANSCRIPTS = Topics.TRANSCRIPT_CHUNK_NAME;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroEventCodec codec = new AvroEventCodec(registry, true);

    static Stream<Topic<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void everyEventRoundTripsInConfluentWireFormat(Topic<?> topic) {
        SpecificRecord event = SampleEvents.byTopic().get(topic.name());
        assertThat(event).as("sample event for %s", topic.name()).isNotNull();

        byte[] framed = codec.serialize(topic.name(), event);

        int registeredId = registry.lookup(topic.valueSubject(), topic.valueSchema());
        assertThat(framed[0]).isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(registeredId);
        assertThat(framed).isEqualTo(ConfluentWireFormat.frame(registeredId, codec.encodeBody(event)));
        SpecificRecord decoded = codec.deserialize(topic.name(), framed);
        assertThat(decoded).isInstanceOf(topic.valueType()).isEqualTo(event);
    }

    @Test
    void theSamplesCoverTheWholeCatalogue() {
        assertThat(SampleEvents.byTopic().keySet())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    }

    @Test
    void repeatedRecordsReuseTheRegisteredIdAndDecodeIndependently() {
        TranscriptChunk first = SampleEvents.transcriptChunk();
        TranscriptChunk second = TranscriptChunk.newBuilder(first).setSequence(18).setSpeaker(null)
                .setText("Short.").build();

        byte[] firstBytes = codec.serialize(TRANSCRIPTS, first);
        byte[] secondBytes = codec.serialize(TRANSCRIPTS, second);

        assertThat(ConfluentWireFormat.schemaId(secondBytes)).isEqualTo(ConfluentWireFormat.schemaId(firstBytes));
        assertThat(codec.deserialize(TRANSCRIPTS, secondBytes)).isEqualTo(second);
        assertThat(codec.deserialize(TRANSCRIPTS, firstBytes)).isEqualTo(first);
    }

    @Test
    void bytesWithoutAValidHeaderAreMalformed() {
        byte[] valid = codec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk());
        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 1;

        assertMalformed(new byte[0]);
        assertMalformed(null);
        assertMalformed(new byte[] {0, 0, 0, 1});
        assertMalformed(wrongMagic);
        assertMalformed("{\"meetingId\": \"m-1\"}".getBytes());
    }

    @Test
    void truncatedOrCorruptBodiesAreMalformed() {
        byte[] valid = codec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk());
        int schemaId = ConfluentWireFormat.schemaId(valid);

        assertMalformed(Arrays.copyOf(valid, valid.length / 2));
        assertMalformed(Arrays.copyOf(valid, ConfluentWireFormat.HEADER_LENGTH));
        assertMalformed(Arrays.copyOf(valid, valid.length + 3));
        // 0x7F is the zig-zag varint -64: a negative length for the first string.
        assertMalformed(ConfluentWireFormat.frame(schemaId, new byte[] {0x7F, 1, 2, 3}));
    }

    @Test
    void aSchemaIdUnknownToTheRegistryIsAPoisonPill() {
        byte[] body = codec.encodeBody(SampleEvents.transcriptChunk());

        assertThatThrownBy(() -> codec.deserialize(TRANSCRIPTS, ConfluentWireFormat.frame(4711, body)))
                .isInstanceOf(UnknownSchemaException.class)
                .isInstanceOf(PoisonPillException.class)
                .hasCauseInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("4711")
                .hasMessageContaining(TRANSCRIPTS);
    }

    @Test
    void aRecordThatIsNotOneOfOurEventsIsIncompatible() {
        Schema current = TranscriptChunk.getClassSchema();
        Schema foreign = Schema.createRecord("MeetingTranscribed", null, "com.example.other", false,
                current.getFields().stream().map(field -> new Schema.Field(field, field.schema())).toList());
        int foreignId = registry.register("foreign-value", foreign);
        int stringId = registry.register("strings-value", Schema.create(Schema.Type.STRING));
        byte[] body = codec.encodeBody(SampleEvents.transcriptChunk());

        assertThatThrownBy(() -> codec.deserialize(TRANSCRIPTS, ConfluentWireFormat.frame(foreignId, body)))
                .isInstanceOf(IncompatibleEventException.class)
                .hasMessageContaining("com.example.other.MeetingTranscribed");
        assertThatThrownBy(() -> codec.deserialize(TRANSCRIPTS, ConfluentWireFormat.frame(stringId, new byte[] {2,
                'h'}))).isInstanceOf(IncompatibleEventException.class);
    }

    @Test
    void aWriterSchemaThatCannotBeResolvedToTheCurrentClassIsIncompatible() {
        Schema current = TranscriptChunk.getClassSchema();
        Schema sequenceAsString = Schema.createRecord(current.getName(), null, current.getNamespace(), false,
                current.getFields().stream().map(field -> field.name().equals("sequence")
                        ? new Schema.Field("sequence", Schema.create(Schema.Type.STRING))
                        : new Schema.Field(field, field.schema())).toList());
        int id = registry.register("legacy-value", sequenceAsString);

        assertThatThrownBy(() -> codec.deserialize(TRANSCRIPTS, ConfluentWireFormat.frame(id, new byte[10])))
                .isInstanceOf(IncompatibleEventException.class)
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void recordsFromAnOlderWriterDecodeWithDefaults() throws IOException {
        Schema withoutLanguage = SampleEvents.transcriptChunkWithoutLanguage();
        int oldId = registry.register(Topics.TRANSCRIPT_CHUNK.valueSubject(), withoutLanguage);
        TranscriptChunk current = SampleEvents.transcriptChunk();

        byte[] oldBytes = ConfluentWireFormat.frame(oldId, encodeAs(withoutLanguage, current));
        TranscriptChunk decoded = (TranscriptChunk) codec.deserialize(TRANSCRIPTS, oldBytes);

        assertThat(registry.register(Topics.TRANSCRIPT_CHUNK.valueSubject(), TranscriptChunk.getClassSchema()))
                .isNotEqualTo(oldId);
        assertThat(decoded.getLanguage()).isNull();
        assertThat(decoded).isEqualTo(TranscriptChunk.newBuilder(current).setLanguage(null).build());
    }

    @Test
    void recordsFromANewerWriterDecodeWithoutTheFieldsThisServiceDoesNotKnow() throws IOException {
        Schema current = TranscriptChunk.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>(current.getFields().stream()
                .map(field -> new Schema.Field(field, field.schema())).toList());
        fields.add(new Schema.Field("confidence", Schema.create(Schema.Type.DOUBLE), null, 1.0));
        Schema withConfidence = Schema.createRecord(current.getName(), null, current.getNamespace(), false, fields);
        int newId = registry.register(Topics.TRANSCRIPT_CHUNK.valueSubject(), withConfidence);
        TranscriptChunk event = SampleEvents.transcriptChunk();

        GenericRecord newer = copyInto(withConfidence, event).set("confidence", 0.93).build();
        byte[] newBytes = ConfluentWireFormat.frame(newId, write(withConfidence, newer));

        assertThat(codec.deserialize(TRANSCRIPTS, newBytes)).isEqualTo(event);
    }

    @Test
    void anUnreachableRegistryIsNotAPoisonPill() throws IOException {
        byte[] framed = codec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk());
        try (HttpSchemaRegistryClient unreachable = HttpSchemaRegistryClient.builder(unusedPortUrl())
                .maxAttempts(2).baseBackoff(Duration.ofMillis(1)).requestTimeout(Duration.ofSeconds(1)).build()) {
            AvroEventCodec codecWithoutRegistry = new AvroEventCodec(unreachable, true);

            assertThatThrownBy(() -> codecWithoutRegistry.deserialize(TRANSCRIPTS, framed))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .isNotInstanceOf(PoisonPillException.class);
            assertThatThrownBy(() -> codecWithoutRegistry.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk()))
                    .isInstanceOf(SchemaRegistryUnavailableException.class);
        }
    }

    @Test
    void aRegistryOutageIsNotRememberedOnceTheRegistryIsBack() {
        byte[] framed = codec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk());
        AvroEventCodec consumerCodec = new AvroEventCodec(new UnavailableOnceRegistry(registry), false);

        assertThatThrownBy(() -> consumerCodec.deserialize(TRANSCRIPTS, framed))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(consumerCodec.deserialize(TRANSCRIPTS, framed)).isEqualTo(SampleEvents.transcriptChunk());
    }

    @Test
    void withoutAutoRegistrationOnlyRegisteredSchemasCanBeWritten() {
        AvroEventCodec strictCodec = new AvroEventCodec(registry, false);

        assertThatThrownBy(() -> strictCodec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk()))
                .isInstanceOf(SchemaNotFoundException.class);
        int id = registry.register(Topics.TRANSCRIPT_CHUNK.valueSubject(), TranscriptChunk.getClassSchema());
        assertThat(ConfluentWireFormat.schemaId(strictCodec.serialize(TRANSCRIPTS, SampleEvents.transcriptChunk())))
                .isEqualTo(id);
    }

    @Test
    void aRecordThatBreaksItsSchemaCannotBeEncoded() {
        TranscriptChunk missingRequiredText = SampleEvents.transcriptChunk();
        missingRequiredText.setText(null);

        assertThatThrownBy(() -> codec.serialize(TRANSCRIPTS, missingRequiredText))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TranscriptChunk");
        // The failed record must not leak into the next one written on this thread.
        TranscriptChunk valid = SampleEvents.transcriptChunk();
        assertThat(codec.deserialize(TRANSCRIPTS, codec.serialize(TRANSCRIPTS, valid))).isEqualTo(valid);
    }

    private void assertMalformed(byte[] bytes) {
        assertThatThrownBy(() -> codec.deserialize(TRANSCRIPTS, bytes))
                .isInstanceOf(MalformedEventException.class)
                .isInstanceOf(PoisonPillException.class);
    }

    /** The event's values in a record of another version of its schema (fields matched by name). */
    private static GenericRecordBuilder copyInto(Schema schema, TranscriptChunk event) {
        GenericRecordBuilder builder = new GenericRecordBuilder(schema);
        schema.getFields().stream()
                .filter(field -> event.getSchema().getField(field.name()) != null)
                .forEach(field -> builder.set(field, event.get(field.name())));
        return builder;
    }

    private static byte[] encodeAs(Schema schema, TranscriptChunk event) throws IOException {
        return write(schema, copyInto(schema, event).build());
    }

    /** Writes with the generated classes' logical type conversions (UUID, Instant) like a real producer. */
    private static byte[] write(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, SpecificData.getForSchema(TranscriptChunk.getClassSchema()))
                .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static URI unusedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** Fails the first schema fetch like an outage, then answers from the delegate. */
    private static final class UnavailableOnceRegistry implements SchemaRegistryClient {

        private final SchemaRegistryClient delegate;
        private boolean failed;

        UnavailableOnceRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public Schema getSchemaById(int id) {
            if (!failed) {
                failed = true;
                throw new SchemaRegistryUnavailableException("simulated outage", 1, null);
            }
            return delegate.getSchemaById(id);
        }

        @Override
        public int register(String subject, Schema schema) {
            return delegate.register(subject, schema);
        }

        @Override
        public boolean isCompatible(String subject, Schema schema) {
            return delegate.isCompatible(subject, schema);
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return delegate.lookup(subject, schema);
        }
    }
}
