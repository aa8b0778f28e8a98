package io.heliox.atlas.web.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every answer. Scripts run only from this origin, plus the inline
 * bootstrap scripts of the built UI's {@code index.html}, each allowed by its sha256 (computed here
 * from the file the jar serves, so a rebuilt UI needs no edit). No {@code unsafe-inline} and no
 * {@code unsafe-eval} for scripts; styles keep {@code unsafe-inline} for Svelte's style attributes.
 * Nothing may frame the app, and forms and the base URL stay on this origin.
 */
final class ContentSecurityPolicy {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private ContentSecurityPolicy() {
    }

    static String forIndex(Resource index) {
        List<String> hashes = index.exists() ? inlineScriptHashes(read(index)) : List.of();
        return "default-src 'self'; script-src 'self'" + (hashes.isEmpty() ? "" : " " + String.join(" ", hashes))
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    static String forBuiltUi() {
        return forIndex(new ClassPathResource("static/index.html"));
    }

    /** {@code 'sha256-…'} of each inline script's text, as CSP hashes it (the exact characters between the tags). */
    static List<String> inlineScriptHashes(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            out.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
        }
        return out;
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UI's index.html", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
