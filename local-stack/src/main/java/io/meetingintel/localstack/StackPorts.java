package io.meetingintel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The HTTP port of every process of the stack. */
public final class StackPorts {

    private final Map<PlatformService, Integer> ports;

    private StackPorts(Map<PlatformService, Integer> ports) {
        this.ports = ports;
    }

    /** The documented layout: gateway on {@code base}, calendar on base + 21 ... intelligence on base + 25. */
    public static StackPorts fromBase(int base) {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, base + service.portOffset());
        }
        return new StackPorts(ports);
    }

    /** Free ports picked by the operating system (tests: no clash with a running local stack). */
    public static StackPorts randomFree() {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            // held open until all are chosen so that no port is handed out twice
            for (PlatformService service : PlatformService.values()) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.put(service, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reserve free ports", e);
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
        return new StackPorts(ports);
    }

    public int of(PlatformService service) {
        return ports.get(service);
    }

    public String httpUrl(PlatformService service) {
        return "http://localhost:" + of(service);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // only a reservation
        }
    }
}
