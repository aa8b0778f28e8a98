package io.heliox.atlas.command.application.identity;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aKeyHasThePrefixTheIdTheSecretAndAChecksumAndParsesBack() {
        ApiKeyToken token = ApiKeyToken.generate(RANDOM);
        String key = token.value();

        assertThat(key).hasSize(57).startsWith("atlas_" + token.id() + "_" + token.secret());
        assertThat(key).matches("atlas_[a-z2-7]{12}_[0-9A-Za-z]{38}");
        assertThat(ApiKeyToken.parse(key)).contains(token);
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void everySingleCharacterTypoIsCaughtByTheChecksum() {
        String key = ApiKeyToken.generate(RANDOM).value();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = "atlas_".length(); i < key.length(); i++) {
            if (key.charAt(i) == '_') {
                continue;
            }
            for (char c : alphabet.toCharArray()) {
                if (c != key.charAt(i)) {
                    String typo = key.substring(0, i) + c + key.substring(i + 1);
                    assertThat(ApiKeyToken.parse(typo)).as(typo).isEmpty();
                }
            }
        }
    }

    @Test
    void whatIsNotAKeyIsNotParsed() {
        String key = ApiKeyToken.generate(RANDOM).value();
        assertThat(ApiKeyToken.parse(null)).isEmpty();
        assertThat(ApiKeyToken.parse("")).isEmpty();
        assertThat(ApiKeyToken.parse(key.substring(0, key.length() - 1))).isEmpty();
        assertThat(ApiKeyToken.parse(key + "x")).isEmpty();
        assertThat(ApiKeyToken.parse("Bearer " + key)).isEmpty();
        assertThat(ApiKeyToken.parse(key.replace("atlas_", "atlaz_"))).isEmpty();
    }

    @Test
    void theStoredHashMatchesOnlyItsOwnSecret() {
        ApiKeyToken a = ApiKeyToken.generate(RANDOM);
        ApiKeyToken b = ApiKeyToken.generate(RANDOM);
        assertThat(a.secretSha256()).matches("[0-9a-f]{64}");
        assertThat(a.matches(a.secretSha256())).isTrue();
        assertThat(a.matches(b.secretSha256())).isFalse();
        assertThat(new ApiKeyToken(a.id(), b.secret()).matches(a.secretSha256())).isFalse();
    }

    @Test
    void idsAndSecretsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ApiKeyToken t = ApiKeyToken.generate(RANDOM);
            ids.add(t.id());
            secrets.add(t.secret());
        }
        assertThat(ids).hasSize(10_000);
        assertThat(secrets).hasSize(10_000);
    }
}
