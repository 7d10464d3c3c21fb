package io.meetingintel.gateway.security;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How tokens are verified. Production: an issuer (its discovery document names the JWKS) or a JWKS URL directly.
 * Local stack: a shared HS256 secret. With none of them the gateway refuses to start rather than run open.
 *
 * @param issuerUri env GATEWAY_JWT_ISSUER_URI; also checked against the token's iss claim
 * @param jwkSetUri env GATEWAY_JWT_JWK_SET_URI
 * @param secret    env GATEWAY_JWT_SECRET, HS256 key of at least 32 bytes (UTF-8)
 */
@ConfigurationProperties("gateway.jwt")
public record JwtSettings(String issuerUri, String jwkSetUri, String secret) {

    static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        issuerUri = blankToNull(issuerUri);
        jwkSetUri = blankToNull(jwkSetUri);
        secret = blankToNull(secret);
        if (issuerUri == null && jwkSetUri == null && secret == null) {
            throw new IllegalStateException("No JWT verification configured: set GATEWAY_JWT_ISSUER_URI or "
                    + "GATEWAY_JWT_JWK_SET_URI (production) or GATEWAY_JWT_SECRET (local, HS256, >= "
                    + MIN_SECRET_BYTES + " bytes)");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("GATEWAY_JWT_SECRET is too short for HS256: at least "
                    + MIN_SECRET_BYTES + " bytes required");
        }
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
