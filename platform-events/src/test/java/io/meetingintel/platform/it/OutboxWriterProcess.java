package io.meetingintel.platform.it;

import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.schemas.Topics;

import java.time.Clock;
import java.time.Duration;

/**
 * A process that changes state and appends events as fast as it can while its relay publishes them, printing each
 * committed id. The crash test kills it with SIGKILL at an arbitrary moment.
 * Arguments: jdbcUrl bootstrapServers registryUrl meetingId
 */
public final class OutboxWriterProcess {

    public static void main(String[] args) {
        var outbox = new StandaloneOutbox(args[0], args[1], args[2], Duration.ofMillis(50));
        var metadata = new EventMetadataFactory("outbox-writer-process", Clock.systemUTC());
        String meetingId = args[3];
        outbox.relay.start();
        for (long id = 1; ; id++) {
            long committed = id;
            outbox.transaction.executeWithoutResult(status -> {
                outbox.jdbc.update("INSERT INTO test_business (id, meeting_id) VALUES (?, ?)", committed, meetingId);
                outbox.writer.append(Topics.TRANSCRIPT_CHUNK, meetingId,
                        TestEvents.chunk(metadata.create("user-1", null), meetingId, committed, "Segment " + committed));
            });
            System.out.println("committed " + committed);
            System.out.flush();
        }
    }
}
