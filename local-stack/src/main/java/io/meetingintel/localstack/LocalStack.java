package io.meetingintel.localstack;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import io.meetingintel.testing.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The whole platform on one machine with only a JDK:
 * {@code java -jar local-stack/target/local-stack-0.1.0-SNAPSHOT.jar} from the repository root after
 * {@code ./mvnw -q install -DskipTests}. Embedded Kafka, PostgreSQL and the schema
 * registry run in this JVM; the services and the gateway run as child JVMs from their jars. Ctrl-C stops everything.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private LocalStack() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        AtomicReference<PlatformProcesses> platform = new AtomicReference<>();
        stopChildrenBeforeInfrastructure(platform);
        try {
            StackSettings settings = StackSettings.fromEnvironment(System.getenv());
            settings.requireJars(); // before spending seconds on the infrastructure
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
            long infrastructureMillis = millisSince(started);
            platform.set(new PlatformProcesses(settings));
            platform.get().start(infrastructure);
            platform.get().awaitHealthy(settings.startTimeout());
            long coldStartMillis = millisSince(started);
            System.out.println(banner(settings, infrastructure, platform.get(), infrastructureMillis,
                    coldStartMillis));
        } catch (CancellationException e) {
            return; // Ctrl-C while starting: the signal handler stops everything and exits
        } catch (RuntimeException | LinkageError e) {
            log.error("The local stack did not start: {}", e.getMessage(), e);
            System.exit(1); // the embedded broker's threads would keep the JVM alive
        }
        awaitSignal();
    }

    /** Runs until Ctrl-C / SIGTERM, whose handler exits the JVM. */
    private static void awaitSignal() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * EmbeddedInfrastructure stops Kafka and PostgreSQL in its own shutdown hook, and the JVM runs hooks in no
     * particular order. The services should drain (commit offsets, flush their outbox) while the infrastructure
     * is still up, so Ctrl-C and SIGTERM are handled here: children first, then exit (which stops the
     * infrastructure). The shutdown hook covers every other way out.
     */
    private static void stopChildrenBeforeInfrastructure(AtomicReference<PlatformProcesses> platform) {
        Runnable stopChildren = () -> {
            PlatformProcesses running = platform.get();
            if (running != null) {
                running.close();
            }
        };
        for (String signal : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(signal), received -> {
                log.info("SIG{}: stopping the services (up to 30 s), then the infrastructure", received.getName());
                stopChildren.run();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stopChildren, "local-stack-stop"));
    }

    private static String banner(StackSettings settings, EmbeddedInfrastructure infrastructure,
                                 PlatformProcesses platform, long infrastructureMillis, long coldStartMillis) {
        String gateway = platform.gatewayUrl();
        String token = DevToken.mint(settings.jwtSecret(), StackSettings.DEMO_USER, TOKEN_VALIDITY);
        var text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append(nl).append("Meeting intelligence local stack is UP in ")
                .append(String.format("%.1f s", coldStartMillis / 1000.0))
                .append(" (infrastructure ").append(String.format("%.1f s", infrastructureMillis / 1000.0))
                .append(")").append(nl).append(nl);
        text.append(String.format("  %-22s%s", "Gateway", gateway)).append(nl);
        for (PlatformService service : PlatformService.values()) {
            if (service != PlatformService.GATEWAY) {
                text.append(String.format("  %-22s%s (log %s)", service.module(),
                        settings.ports().httpUrl(service),
                        settings.logDirectory().resolve(service.module() + ".log"))).append(nl);
            }
        }
        text.append(String.format("  %-22s%s", "Kafka", infrastructure.bootstrapServers())).append(nl);
        text.append(String.format("  %-22s%s", "Schema registry", infrastructure.schemaRegistryUrl())).append(nl);
        text.append(String.format("  %-22slocalhost:%d", "PostgreSQL", infrastructure.postgresPort()))
                .append(" (user postgres; databases calendar, meeting, bot, pipeline, intelligence)").append(nl);
        text.append(nl).append("Development token for ").append(StackSettings.DEMO_USER).append(" (valid ")
                .append(TOKEN_VALIDITY.toHours()).append(" h):").append(nl);
        text.append("  export TOKEN=").append(token).append(nl).append(nl);
        text.append("Try:").append(nl);
        for (String path : new String[] {"/api/meetings", "/api/calendar/meetings", "/api/bots"}) {
            text.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(gateway).append(path).append(nl);
        }
        text.append("  # with a meeting id from /api/meetings (the demo client meeting starts a few minutes")
                .append(" after start):").append(nl);
        for (String path : new String[] {"/api/meetings/<meetingId>", "/api/transcripts/<meetingId>",
                "/api/insights/<meetingId>"}) {
            text.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(gateway).append(path).append(nl);
        }
        text.append(nl).append("Ctrl-C stops everything.").append(nl);
        return text.toString();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
