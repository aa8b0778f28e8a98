package io.heliox.atlas.command.application.identity;

/** A key just issued: its description, and the key itself, which is shown this once and never stored. */
public record IssuedKey(ApiKeyInfo info, String key) {

    @Override
    public String toString() {
        return "IssuedKey[" + info + ", key=<hidden>]";
    }
}
