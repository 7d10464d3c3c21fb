package io.meetingintel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One service JVM started from its jar, its output going to its log file. */
final class ChildProcess {

    private final PlatformService service;
    private final Path logFile;
    private final Process process;

    private ChildProcess(PlatformService service, Path logFile, Process process) {
        this.service = service;
        this.logFile = logFile;
        this.process = process;
    }

    static ChildProcess start(PlatformService service, String java, List<String> jvmOptions, Path jar,
                              Path workingDirectory, Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(service, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module() + ": " + command, e);
        }
    }

    PlatformService service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code action} with the exit code when the process ends, whatever the reason. */
    void onExit(IntConsumer action) {
        process.onExit().thenAccept(ended -> action.accept(ended.exitValue()));
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks for a graceful shutdown (SIGTERM: Spring drains requests, consumers and the outbox). */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code millis} for the exit, then kills. Returns true when it stopped by itself. */
    boolean awaitStop(long millis) {
        try {
            if (process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last {@code lines} lines of the log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }
}
