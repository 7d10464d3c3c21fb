package io.meetingintel.intelligence;

import io.meetingintel.testing.EmbeddedInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against the shared embedded Kafka, PostgreSQL and schema registry. Every test class extends this one
 * so they all share one Spring context. Short settle time and small note windows keep the flows fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "intelligence.settle=1s",
        "intelligence.max-wait=30s",
        "intelligence.notes-every=5",
        "intelligence.notes-window=8",
        "platform.scheduler.polling-interval=200ms"})
public abstract class IntelligenceServiceTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "intelligence");
    }
}
