package io.heliox.atlas.web.infra;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What the address the server listens on ({@code server.address}) says about who can reach it. */
public final class BindAddress {

    private BindAddress() {
    }

    /** Whether only this machine can connect: a loopback address. Blank means every interface. */
    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
