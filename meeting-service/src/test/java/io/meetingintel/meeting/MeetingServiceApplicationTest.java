package io.meetingintel.meeting;

import io.meetingintel.testing.ServiceProbe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingServiceApplicationTest extends MeetingServiceTestBase {

    @Test
    void startsMigratesItsDatabaseAndReportsHealth() {
        ServiceProbe.assertHealthyWithPlatformMetrics(port);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("meeting");
    }
}
