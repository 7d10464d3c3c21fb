package io.meetingintel.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a local run needs to know.
 *
 * @param root             repository root: the service jars are {@code <root>/<module>/target/<module>-<version>.jar}
 * @param logDirectory     where each child writes {@code <module>.log}
 * @param ports            the HTTP port of every process
 * @param jwtSecret        HS256 key shared by the gateway and the development tokens
 * @param botIngestSecret  key of the bot tokens, shared by bot-service and pipeline-service
 * @param demoEnvironment  extra variables for every child (demo speed settings); the wiring variables win over them
 * @param jvmOptions       options of every child JVM
 * @param startTimeout     how long the whole platform may take to become healthy
 */
public record StackSettings(Path root, Path logDirectory, StackPorts ports, String jwtSecret, String botIngestSecret,
                            Map<String, String> demoEnvironment, List<String> jvmOptions, Duration startTimeout) {

    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String DEMO_USER = "demo-user";
    static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m");

    public StackSettings {
        demoEnvironment = Map.copyOf(demoEnvironment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Settings for {@code java -jar local-stack.jar}: root from -Dplatform.root or the working directory, ports from
     * LOCAL_STACK_PORT_BASE (default 8080), secrets from GATEWAY_JWT_SECRET / BOT_INGEST_SECRET or random per run,
     * child JVM options from LOCAL_STACK_JVM_OPTS, start timeout from LOCAL_STACK_START_TIMEOUT (seconds, 300).
     */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = Path.of(System.getProperty("platform.root", "")).toAbsolutePath().normalize();
        int base = Integer.parseInt(env.getOrDefault("LOCAL_STACK_PORT_BASE", "8080"));
        List<String> jvmOptions = env.containsKey("LOCAL_STACK_JVM_OPTS")
                ? List.of(env.get("LOCAL_STACK_JVM_OPTS").trim().split("\\s+"))
                : DEFAULT_JVM_OPTIONS;
        return new StackSettings(root, root.resolve("local-data/logs"), StackPorts.fromBase(base),
                env.getOrDefault("GATEWAY_JWT_SECRET", randomSecret()),
                env.getOrDefault("BOT_INGEST_SECRET", randomSecret()),
                Map.of(), jvmOptions,
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOCAL_STACK_START_TIMEOUT", "300"))));
    }

    public Path jarOf(PlatformService service) {
        return root.resolve(service.module()).resolve("target").resolve(service.module() + "-" + VERSION + ".jar");
    }

    /** Fails with the build command when a service jar is missing. */
    public void requireJars() {
        for (PlatformService service : PlatformService.values()) {
            if (!Files.isRegularFile(jarOf(service))) {
                throw new IllegalStateException("Missing " + jarOf(service) + ": build the platform first "
                        + "(./mvnw -q install -DskipTests in " + root
                        + "), or point -Dplatform.root at the repository");
            }
        }
    }

    /** 32 random bytes, base64url: 43 characters, enough for HS256. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
