package io.meetingintel.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 as an RFC 9457 problem detail, with the RFC 6750 WWW-Authenticate challenge: for a missing token the plain
 * challenge, for a rejected one error="invalid_token" and the reason (expired, bad signature, ...).
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String detail;
        String challenge;
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription() != null
                    ? oauth.getError().getDescription() : "The bearer token is not valid";
            detail = description;
            challenge = "Bearer error=\"" + oauth.getError().getErrorCode() + "\", error_description=\""
                    + description.replace("\"", "'") + "\"";
        } else {
            detail = "A bearer token is required (Authorization: Bearer <JWT>)";
            challenge = "Bearer";
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
