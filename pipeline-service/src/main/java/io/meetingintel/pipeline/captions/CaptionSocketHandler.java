package io.meetingintel.pipeline.captions;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Caption clients only listen: they are subscribed on connect and anything they send is ignored. */
@Component
class CaptionSocketHandler extends TextWebSocketHandler {

    private static final String LISTENER = CaptionSocketHandler.class.getName() + ".listener";

    private final CaptionHub hub;

    CaptionSocketHandler(CaptionHub hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        String meetingId = (String) socket.getAttributes().get(CaptionHandshakeInterceptor.MEETING_ID);
        socket.getAttributes().put(LISTENER, hub.subscribe(meetingId, socket));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        if (socket.getAttributes().get(LISTENER) instanceof WebSocketSession listener) {
            hub.unsubscribe((String) socket.getAttributes().get(CaptionHandshakeInterceptor.MEETING_ID), listener);
        }
    }
}
