package io.meetingintel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import io.meetingintel.testing.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five services and the gateway as child JVMs wired to the embedded infrastructure: started together, awaited
 * until every /actuator/health is UP, stopped gracefully. Used by {@link LocalStack} and the end-to-end test.
 */
public final class PlatformProcesses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformProcesses.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int LOG_TAIL_LINES = 40;
    /** Variables a developer's shell may carry that would make the gateway ignore the local signing key. */
    private static final Set<String> GATEWAY_PRODUCTION_AUTH =
            Set.of("GATEWAY_JWT_ISSUER_URI", "GATEWAY_JWT_JWK_SET_URI");

    private final StackSettings settings;
    private final Map<PlatformService, ChildProcess> children = new EnumMap<>(PlatformService.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean stopped;
    /** Set once all are healthy: from then on a child that exits is worth an error in the launcher's log. */
    private volatile boolean running;

    public PlatformProcesses(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts every process (in parallel: the JVMs warm up at the same time); returns without waiting for health.
     * Synchronized with {@link #close()}: a stop requested meanwhile waits for the launches and then stops them
     * all; after a stop nothing is launched.
     */
    public synchronized void start(EmbeddedInfrastructure infrastructure) {
        settings.requireJars();
        try {
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + settings.logDirectory(), e);
        }
        String java = javaCommand();
        for (PlatformService service : PlatformService.values()) {
            if (stopped) {
                throw new CancellationException("Stopped while starting");
            }
            Map<String, String> environment = environmentOf(service, infrastructure);
            Path logFile = settings.logDirectory().resolve(service.module() + ".log");
            ChildProcess child = ChildProcess.start(service, java, settings.jvmOptions(), settings.jarOf(service),
                    settings.root(), environment, logFile);
            children.put(service, child);
            child.onExit(code -> reportUnexpectedExit(child, code));
            log.info("Started {} (pid {}, port {}, log {})", service.module(), child.pid(),
                    settings.ports().of(service), logFile);
        }
    }

    private void reportUnexpectedExit(ChildProcess child, int code) {
        if (running && !stopped) {
            log.error("{} exited unexpectedly with code {}. Last lines of {}:{}{}", child.service().module(), code,
                    child.logFile(), System.lineSeparator(), child.logTail(LOG_TAIL_LINES));
        }
    }

    private Map<String, String> environmentOf(PlatformService service, EmbeddedInfrastructure infrastructure) {
        StackPorts ports = settings.ports();
        Map<String, String> env = new HashMap<>(settings.demoEnvironment());
        env.put("PORT", String.valueOf(ports.of(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", infrastructure.schemaRegistryUrl());
        if (service.database() != null) {
            env.put("DATABASE_URL", infrastructure.jdbcUrl(service.database()));
            env.put("DATABASE_USER", "postgres");
            env.put("DATABASE_PASSWORD", "");
        }
        switch (service) {
            case CALENDAR -> env.putIfAbsent("CALENDAR_DEMO_USER", StackSettings.DEMO_USER);
            case BOT -> {
                env.put("BOT_INGEST_SECRET", settings.botIngestSecret());
                env.put("PIPELINE_INGEST_URL", "ws://localhost:" + ports.of(PlatformService.PIPELINE) + "/ws/ingest");
            }
            case PIPELINE -> env.put("BOT_INGEST_SECRET", settings.botIngestSecret());
            case GATEWAY -> {
                for (PlatformService backend : PlatformService.values()) {
                    if (backend.urlVariable() != null) {
                        env.put(backend.urlVariable(), ports.httpUrl(backend));
                    }
                }
                env.put("GATEWAY_JWT_SECRET", settings.jwtSecret());
                GATEWAY_PRODUCTION_AUTH.forEach(variable -> env.put(variable, ""));
            }
            default -> { }
        }
        return env;
    }

    /**
     * Polls every /actuator/health until it answers UP. Fails fast when a process exits, and at the deadline names
     * the services still not up with the tail of their logs.
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PlatformService> pending = new ArrayList<>(children.keySet());
        while (!pending.isEmpty()) {
            if (stopped) {
                throw new CancellationException("Stopped while starting");
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                ChildProcess child = children.get(it.next());
                if (!child.isAlive()) {
                    throw new IllegalStateException(child.service().module() + " exited with code "
                            + child.exitValue() + " while starting. Last lines of " + child.logFile() + ":"
                            + System.lineSeparator() + child.logTail(LOG_TAIL_LINES));
                }
                if (isHealthy(child.service())) {
                    log.info("{} is UP", child.service().module());
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                var message = new StringBuilder("Not healthy after " + timeout.toSeconds() + " s:");
                for (PlatformService service : pending) {
                    ChildProcess child = children.get(service);
                    message.append(System.lineSeparator()).append("== ").append(service.module())
                            .append(" (http://localhost:").append(settings.ports().of(service))
                            .append("/actuator/health), last lines of ").append(child.logFile()).append(':')
                            .append(System.lineSeparator()).append(child.logTail(LOG_TAIL_LINES));
                }
                throw new IllegalStateException(message.toString());
            }
            sleep(Duration.ofMillis(500));
        }
        running = true;
    }

    private boolean isHealthy(PlatformService service) {
        var request = HttpRequest.newBuilder(URI.create(settings.ports().httpUrl(service) + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(json.readTree(response.body()).path("status").asString(null));
        } catch (IOException | JacksonException e) {
            return false; // not listening yet, or not answering health yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + service.module(), e);
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return settings.ports().httpUrl(PlatformService.GATEWAY);
    }

    /** The last lines of every service's log, for a failing test or a confused operator. */
    public String logTails(int lines) {
        var tails = new StringBuilder();
        children.values().forEach(child -> tails.append("===== ").append(child.service().module())
                .append(" (").append(child.logFile()).append(')').append(System.lineSeparator())
                .append(child.logTail(lines)).append(System.lineSeparator()));
        return tails.toString();
    }

    /**
     * SIGTERM to every child, up to 30 s for their graceful shutdown (shared deadline), then kill what is left.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        children.values().forEach(ChildProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ChildProcess child : children.values()) {
            long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (child.awaitStop(remaining)) {
                log.info("{} stopped", child.service().module());
            } else {
                log.warn("{} did not stop within {} s and was killed", child.service().module(),
                        STOP_GRACE.toSeconds());
            }
        }
    }

    /** The JVM running this launcher, so the children use the same Java. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the platform", e);
        }
    }
}
