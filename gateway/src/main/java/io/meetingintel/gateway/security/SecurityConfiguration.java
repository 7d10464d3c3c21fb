package io.meetingintel.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Stateless bearer-token security: actuator health and metrics and Google's push notifications are open, everything
 * else needs a valid JWT.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String GOOGLE_PUSH_NOTIFICATIONS = "/api/calendar/google/notifications";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http) {
        var unauthorized = new ProblemAuthenticationEntryPoint();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        // Called by Google, not by a user: calendar-service verifies the channel token.
                        .pathMatchers(HttpMethod.POST, GOOGLE_PUSH_NOTIFICATIONS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokens())
                        .authenticationEntryPoint(unauthorized)
                        .jwt(jwt -> { }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                .build();
    }

    /**
     * Browsers cannot set headers on a WebSocket handshake, so /ws/** also accepts ?access_token=; REST calls only
     * the Authorization header (tokens in URLs end up in logs).
     */
    private static ServerAuthenticationConverter bearerTokens() {
        var headerOnly = new ServerBearerTokenAuthenticationConverter();
        var headerOrQuery = new ServerBearerTokenAuthenticationConverter();
        headerOrQuery.setAllowUriQueryParameter(true);
        return exchange -> exchange.getRequest().getPath().value().startsWith("/ws/")
                ? headerOrQuery.convert(exchange)
                : headerOnly.convert(exchange);
    }
}
