package io.meetingintel.gateway.routing;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Services trust X-User-Id as the caller's identity, so the gateway is its only source: any incoming value is
 * dropped and replaced by the authenticated token's subject.
 */
@Component
public class UserIdForwardingFilter implements GlobalFilter, Ordered {

    public static final String USER_ID_HEADER = "X-User-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(userId -> withUserId(exchange, userId))
                .defaultIfEmpty(withUserId(exchange, null))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withUserId(ServerWebExchange exchange, String userId) {
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(USER_ID_HEADER);
            if (userId != null) {
                headers.set(USER_ID_HEADER, userId);
            }
        })).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
