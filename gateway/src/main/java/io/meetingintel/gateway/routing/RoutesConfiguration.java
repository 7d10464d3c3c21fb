package io.meetingintel.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service, full paths forwarded unchanged (services serve /api/... themselves). Every route is
 * behind JWT authentication (see security) and gets X-User-Id from {@link UserIdForwardingFilter}.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder routes, ServiceUrls services) {
        return routes.routes()
                .route("calendar-service", r -> r.path("/api/calendar", "/api/calendar/**").uri(services.calendar()))
                .route("meeting-service", r -> r.path("/api/meetings", "/api/meetings/**").uri(services.meeting()))
                .route("bot-service", r -> r.path("/api/bots", "/api/bots/**").uri(services.bot()))
                .route("pipeline-service", r -> r.path("/api/transcripts", "/api/transcripts/**")
                        .uri(services.pipeline()))
                .route("pipeline-captions", r -> r.path("/ws/captions/**").uri(services.pipelineWebSocket()))
                .route("intelligence-service", r -> r.path("/api/insights", "/api/insights/**")
                        .uri(services.intelligence()))
                .build();
    }
}
