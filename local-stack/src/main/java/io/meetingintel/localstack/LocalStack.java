package io.meetingintel.localstack;

import io.meetingintel.testing.DevTokens;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        Stack stack = new Stack();
        // A shutdown hook runs on Ctrl-C and SIGTERM: services drain first, the infrastructure goes last.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            StackSettings settings = StackSettings.fromEnvironment(System.getenv());
            settings.requireJars(); // before spending seconds on the infrastructure
            EmbeddedInfrastructure infrastructure = stack.startInfrastructure();
            long infrastructureMillis = millisSince(started);
            PlatformProcesses platform = stack.startServices(settings);
            platform.awaitHealthy(settings.startTimeout());
            System.out.println(banner(settings, infrastructure, platform, infrastructureMillis, millisSince(started)));
        } catch (CancellationException e) {
            return; // Ctrl-C while starting: the shutdown hook stops what was started
        } catch (RuntimeException | LinkageError e) {
            log.error("The local stack did not start: {}", e.getMessage(), e);
            System.exit(1); // runs the shutdown hook; the embedded broker's threads would keep the JVM alive
        }
    }

    /** What the launcher started, stopped in reverse order exactly once. */
    private static final class Stack {
        private EmbeddedInfrastructure infrastructure;
        private PlatformProcesses services;
        private boolean closed;

        synchronized EmbeddedInfrastructure startInfrastructure() {
            infrastructure = EmbeddedInfrastructure.start();
            return infrastructure;
        }

        PlatformProcesses startServices(StackSettings settings) {
            PlatformProcesses processes;
            synchronized (this) {
                if (closed) {
                    throw new CancellationException("stopping");
                }
                processes = new PlatformProcesses(settings);
                services = processes;
            }
            processes.start(infrastructure);
            return processes;
        }

        void close() {
            PlatformProcesses runningServices;
            EmbeddedInfrastructure runningInfrastructure;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                runningServices = services;
                runningInfrastructure = infrastructure;
            }
            if (runningServices != null) {
                log.info("Stopping the services (up to 30 s each), then the infrastructure");
                runningServices.close();
            }
            if (runningInfrastructure != null) {
                runningInfrastructure.close();
            }
        }
    }

    private static String banner(StackSettings settings, EmbeddedInfrastructure infrastructure,
                                 PlatformProcesses platform, long infrastructureMillis, long coldStartMillis) {
        String gateway = platform.gatewayUrl();
        String token = DevTokens.mint(settings.jwtSecret(), StackSettings.DEMO_USER, TOKEN_VALIDITY);
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
