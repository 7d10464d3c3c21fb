package io.meetingintel.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints HS256 tokens the gateway accepts when it runs with GATEWAY_JWT_SECRET: for the local stack and tests, never
 * for production (where an identity provider issues tokens).
 */
public final class DevTokens {

    private DevTokens() {
    }

    /** A token for {@code userId} (the sub claim) valid from now for {@code validity}. */
    public static String mint(String secret, String userId, Duration validity) {
        Instant now = Instant.now();
        return mint(secret, userId, now, now.plus(validity));
    }

    /** A token with explicit issue and expiry times (tests use past expiries). */
    public static String mint(String secret, String userId, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer("meetingintel-dev")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with this secret (HS256 needs >= 32 bytes)", e);
        }
        return jwt.serialize();
    }
}
