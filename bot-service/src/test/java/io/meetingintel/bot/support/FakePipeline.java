package io.meetingintel.bot.support;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for pipeline-service's ingestion WebSocket ({@code /ws/ingest/{botId}}), following the contract:
 * records the handshake (token, meetingId, userId) and every frame, replies ack/draft/duplicate per segment and closes on
 * {@code {"type":"end"}}. One embedded Tomcat per test JVM.
 */
public final class FakePipeline {

    private static FakePipeline instance;
    private static final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final int port;

    private FakePipeline() throws Exception {
        var baseDir = Files.createTempDirectory("fake-pipeline");
        var tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "default", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(IngestEndpoint.class, "/ws/ingest/{botId}")
                        .configurator(new HandshakeRecorder()).build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.getConnector();
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    public static synchronized FakePipeline get() {
        if (instance == null) {
            try {
                instance = new FakePipeline();
            } catch (Exception e) {
                throw new IllegalStateException("Fake pipeline did not start", e);
            }
        }
        return instance;
    }

    public String ingestUrl() {
        return "ws://127.0.0.1:" + port + "/ws/ingest";
    }

    public Recording recording(String botId) {
        return recordings.get(botId);
    }

    /** What one bot connection sent. */
    public static final class Recording {
        public final String authorization;
        public final String meetingId;
        public final String userId;
        public final List<String> frames = new CopyOnWriteArrayList<>();
        private final Set<String> persistedChunks = new HashSet<>();
        private long sequence;
        public volatile boolean ended;

        Recording(String authorization, String meetingId, String userId) {
            this.authorization = authorization;
            this.meetingId = meetingId;
            this.userId = userId;
        }

        public List<JsonNode> parsedFrames() {
            return frames.stream().map(json::readTree).toList();
        }

        synchronized String reply(JsonNode frame) {
            if (frame.path("type").asString().equals("end")) {
                ended = true;
                return null;
            }
            if (!frame.path("final").asBoolean()) {
                return "{\"type\":\"draft\"}";
            }
            String chunkId = frame.path("chunkId").asString(null);
            if (chunkId != null && !persistedChunks.add(chunkId)) {
                return "{\"type\":\"duplicate\",\"chunkId\":\"" + chunkId + "\"}";
            }
            return "{\"type\":\"ack\",\"sequence\":" + (++sequence) + "}";
        }
    }

    public static class HandshakeRecorder extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                    HandshakeResponse response) {
            List<String> authorization = request.getHeaders().get("Authorization");
            config.getUserProperties().put("authorization", authorization == null ? null : authorization.getFirst());
        }
    }

    public static class IngestEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            var recording = new Recording((String) config.getUserProperties().get("authorization"),
                    parameter(session, "meetingId"), parameter(session, "userId"));
            recordings.put(session.getPathParameters().get("botId"), recording);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                recording.frames.add(text);
                String reply = recording.reply(json.readTree(text));
                try {
                    if (reply != null) {
                        session.getBasicRemote().sendText(reply);
                    } else {
                        session.close();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private static String parameter(Session session, String name) {
            var values = session.getRequestParameterMap().get(name);
            return values == null ? null : values.getFirst();
        }
    }
}
