package io.heliox.atlas.web.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The connection pool; when it runs on the embedded PostgreSQL it also stops that server on close. */
public class AtlasDataSource extends HikariDataSource {

    private final EmbeddedDatabase embedded;

    public AtlasDataSource(HikariConfig config, EmbeddedDatabase embedded) {
        super(config);
        this.embedded = embedded;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        super.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
