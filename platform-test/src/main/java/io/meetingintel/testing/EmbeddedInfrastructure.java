package io.meetingintel.testing;

import io.meetingintel.devregistry.DevSchemaRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft), one real PostgreSQL and the development schema registry. Tests share one instance
 * per JVM ({@link #get()}), stopped when the JVM exits; the local stack owns one ({@link #start()}) and closes it
 * after its services have drained. Each service gets its own database.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static final int PARTITIONS = 6;
    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;
    private final DevSchemaRegistry registry;

    private EmbeddedInfrastructure(boolean stopWithJvm) throws IOException {
        long started = System.nanoTime();
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "5"));
        kafka.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setRegisterShutdownHook(stopWithJvm)
                .start();
        registry = DevSchemaRegistry.start(0);
        log.info("Embedded infrastructure up in {} ms: kafka={} postgres=port {} registry={}",
                (System.nanoTime() - started) / 1_000_000, kafka.getBrokersAsString(), postgres.getPort(), registry.url());
    }

    /** The JVM-wide instance for tests, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            instance = create(true);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-infrastructure-stop"));
        }
        return instance;
    }

    /** A new instance its caller owns and must {@link #close()}: nothing stops it behind the caller's back. */
    public static EmbeddedInfrastructure start() {
        return create(false);
    }

    private static EmbeddedInfrastructure create(boolean stopWithJvm) {
        try {
            return new EmbeddedInfrastructure(stopWithJvm);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded infrastructure", e);
        }
    }

    /**
     * Runs the infrastructure as a process of its own (benchmarks measure clients without the broker in their JVM):
     * prints {@code kafka=<bootstrap servers>} and {@code registry=<url>}, then runs until its standard input closes.
     */
    public static void main(String[] args) throws IOException {
        try (EmbeddedInfrastructure infrastructure = start()) {
            System.out.println("kafka=" + infrastructure.bootstrapServers());
            System.out.println("registry=" + infrastructure.schemaRegistryUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent holds our standard input open while it needs us
            }
        }
        System.exit(0);
    }

    public String bootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public DevSchemaRegistry schemaRegistry() {
        return registry;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    /** JDBC URL of the named database, created on first request. */
    public synchronized String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database names are lower-case identifiers: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    /** Points a Spring Boot service at this infrastructure, with its own database. */
    public void registerProperties(DynamicPropertyRegistry properties, String database) {
        String jdbcUrl = jdbcUrl(database);
        properties.add("spring.datasource.url", () -> jdbcUrl);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
        properties.add("spring.kafka.bootstrap-servers", this::bootstrapServers);
        properties.add("platform.events.schema-registry-url", this::schemaRegistryUrl);
    }

    @Override
    public void close() {
        closeQuietly(registry::close);
        closeQuietly(kafka::destroy);
        closeQuietly(postgres::close);
    }

    private static void closeQuietly(ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            log.warn("Embedded infrastructure did not stop cleanly: {}", e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
