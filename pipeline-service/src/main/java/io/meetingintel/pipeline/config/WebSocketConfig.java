package io.meetingintel.pipeline.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The two socket endpoints: {@code /ws/ingest/{botId}} for bots (authenticated by their token, any origin: bots are
 * not browsers) and {@code /ws/captions/{meetingId}} for caption clients behind the gateway.
 */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private final WebSocketHandler botIngestHandler;
    private final HandshakeInterceptor botHandshakeInterceptor;
    private final WebSocketHandler captionSocketHandler;
    private final HandshakeInterceptor captionHandshakeInterceptor;
    private final PipelineProperties properties;

    WebSocketConfig(WebSocketHandler botIngestHandler, HandshakeInterceptor botHandshakeInterceptor,
                    WebSocketHandler captionSocketHandler, HandshakeInterceptor captionHandshakeInterceptor,
                    PipelineProperties properties) {
        this.botIngestHandler = botIngestHandler;
        this.botHandshakeInterceptor = botHandshakeInterceptor;
        this.captionSocketHandler = captionSocketHandler;
        this.captionHandshakeInterceptor = captionHandshakeInterceptor;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(botIngestHandler, "/ws/ingest/*")
                .addInterceptors(botHandshakeInterceptor)
                .setAllowedOriginPatterns("*");
        registry.addHandler(captionSocketHandler, "/ws/captions/*")
                .addInterceptors(captionHandshakeInterceptor)
                .setAllowedOriginPatterns(properties.captions().allowedOrigins().toArray(String[]::new));
    }

    /** Segments carry up to 20,000 characters of text: the container's 8 KiB default would cut them off. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.ingest().maxFrameBytes());
        return container;
    }
}
