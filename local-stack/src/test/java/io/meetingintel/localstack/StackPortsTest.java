package io.meetingintel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void documentedLayoutFromTheBasePort() {
        StackPorts ports = StackPorts.fromBase(8080);
        assertThat(ports.of(PlatformService.GATEWAY)).isEqualTo(8080);
        assertThat(ports.of(PlatformService.CALENDAR)).isEqualTo(8101);
        assertThat(ports.of(PlatformService.MEETING)).isEqualTo(8102);
        assertThat(ports.of(PlatformService.BOT)).isEqualTo(8103);
        assertThat(ports.of(PlatformService.PIPELINE)).isEqualTo(8104);
        assertThat(ports.of(PlatformService.INTELLIGENCE)).isEqualTo(8105);
        assertThat(StackPorts.fromBase(18080).httpUrl(PlatformService.BOT)).isEqualTo("http://localhost:18103");
    }

    @Test
    void randomPortsAreDistinct() {
        StackPorts ports = StackPorts.randomFree();
        assertThat(Arrays.stream(PlatformService.values()).map(ports::of).distinct().count())
                .isEqualTo(PlatformService.values().length);
    }
}
