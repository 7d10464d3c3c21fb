package io.meetingintel.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtSettings settings) {
        NimbusReactiveJwtDecoder decoder;
        if (settings.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            log.info("Verifying JWTs with the key set at {}", settings.jwkSetUri());
        } else if (settings.issuerUri() != null) {
            // Resolved lazily on the first request, so the gateway starts even while the issuer is unreachable.
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            log.info("Verifying JWTs issued by {}", settings.issuerUri());
        } else {
            var key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
            log.warn("Verifying JWTs with the shared HS256 secret (GATEWAY_JWT_SECRET): for local use only");
        }
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    /** Expiry/not-before (default clock skew), the issuer when one is configured, and a subject to forward. */
    private static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefault());
        if (settings.issuerUri() != null) {
            validators.add(new JwtIssuerValidator(settings.issuerUri()));
        }
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
