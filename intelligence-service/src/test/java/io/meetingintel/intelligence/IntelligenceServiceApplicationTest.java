package io.meetingintel.intelligence;

import io.meetingintel.testing.ServiceProbe;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class IntelligenceServiceApplicationTest extends IntelligenceServiceTestBase {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsMigratesItsDatabaseAndReportsHealth() {
        ServiceProbe.assertHealthyWithPlatformMetrics(port);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("intelligence");
    }
}
