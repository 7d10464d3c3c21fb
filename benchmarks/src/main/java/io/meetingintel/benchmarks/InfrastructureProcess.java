package io.meetingintel.benchmarks;

import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The embedded broker and registry in a child JVM, so a benchmark's allocations and GC pauses do not slow the broker
 * down as they would never do in production. Closing it closes the child's standard input, which stops it.
 */
final class InfrastructureProcess implements AutoCloseable {

    private final Process process;
    private final Map<String, String> endpoints = new HashMap<>();

    InfrastructureProcess() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-cp", classPath(),
                EmbeddedInfrastructure.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (endpoints.size() < 2 && (line = lines.readLine()) != null) {
            int separator = line.indexOf('=');
            if (separator > 0 && (line.startsWith("kafka=") || line.startsWith("registry="))) {
                endpoints.put(line.substring(0, separator), line.substring(separator + 1));
            }
        }
        if (endpoints.size() < 2) {
            throw new IOException("The infrastructure process ended before announcing its endpoints");
        }
    }

    /** The benchmark's class path; under exec:java it is the plugin's class loader, not java.class.path. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    String bootstrapServers() {
        return endpoints.get("kafka");
    }

    String schemaRegistryUrl() {
        return endpoints.get("registry");
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
