package io.meetingintel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingintel.gateway.security.JwtSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class JwtSettingsTest {

    @Test
    void refusesToStartWithoutAnyVerificationKey() {
        var app = new SpringApplication(GatewayApplication.class);
        // command-line arguments: they win over any GATEWAY_JWT_* variable in the build's environment
        assertThatThrownBy(() -> app.run("--server.port=0", "--gateway.jwt.secret=", "--gateway.jwt.issuer-uri=",
                "--gateway.jwt.jwk-set-uri="))
                .rootCause().hasMessageContaining("No JWT verification configured");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new JwtSettings(null, null, "short"))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void acceptsAnIssuerAlone() {
        assertThat(new JwtSettings("https://login.example.com/", " ", null).secret()).isNull();
    }
}
