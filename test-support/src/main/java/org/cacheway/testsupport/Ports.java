package org.cacheway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks free loopback ports, never 6379/26379 and never one handed out before in this JVM. */
final class Ports {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int CLUSTER_BUS_OFFSET = 10000;

    private Ports() {
    }

    /**
     * Returns a port that was free a moment ago; with {@code clusterBus} also checks that
     * {@code port + 10000} (Redis Cluster's bus port) is free.
     */
    static int freePort(boolean clusterBus) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ephemeralPort();
            if (port == 6379 || port == 26379 || HANDED_OUT.contains(port)) {
                continue;
            }
            if (clusterBus) {
                int bus = port + CLUSTER_BUS_OFFSET;
                if (bus > 65535 || HANDED_OUT.contains(bus) || !isFree(bus)) {
                    continue;
                }
                HANDED_OUT.add(bus);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("test-support: could not find a free port on 127.0.0.1");
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("test-support: cannot bind a socket on 127.0.0.1: " + e, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
