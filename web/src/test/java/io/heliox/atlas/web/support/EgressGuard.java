package io.heliox.atlas.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Permission;
import java.util.Set;

/**
 * Installed as the security manager of an app process under test
 * ({@code -Djava.security.manager=io.heliox.atlas.web.support.EgressGuard}): every attempt to
 * resolve or connect to a host that is not loopback is written to the file named by
 * {@code atlas.egress.log} (with the first non-JDK frame that asked) and refused. Everything else
 * is allowed. Name resolution counts as an attempt (a DNS query leaves the machine), so even a
 * failed lookup is caught. The machine's own hostname is allowed: Spring Boot and Axon resolve it
 * to name the node, and the OS answers that from /etc/hosts without the network.
 */
public class EgressGuard extends SecurityManager {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "0:0:0:0:0:0:0:1", "[::1]");
    private final Path log = Path.of(System.getProperty("atlas.egress.log", "target/egress.log"));
    private final String ownHostname = readHostname();

    @Override
    public void checkConnect(String host, int port) {
        if (!isLoopback(host) && !host.equalsIgnoreCase(ownHostname)) {
            record(host + ":" + port);
            throw new SecurityException("egress refused: " + host + ":" + port);
        }
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        checkConnect(host, port);
    }

    @Override
    public void checkPermission(Permission permission) {
        // everything else is allowed: this guard is about the network only
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase();
        // the wildcard addresses are where this process listens, not somewhere it goes
        return LOOPBACK_NAMES.contains(h) || h.startsWith("127.") || h.isEmpty() || h.equals("0.0.0.0")
                || h.equals("::") || h.equals("0:0:0:0:0:0:0:0") || h.equals("[::]");
    }

    private static String readHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    private void record(String target) {
        try {
            String caller = java.util.Arrays.stream(new Throwable().getStackTrace())
                    .map(StackTraceElement::toString)
                    .filter(frame -> !frame.startsWith("java.") && !frame.startsWith("jdk.") && !frame.startsWith("sun.")
                            && !frame.contains("EgressGuard"))
                    .findFirst().orElse("?");
            Files.writeString(log, target + " from " + caller + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
