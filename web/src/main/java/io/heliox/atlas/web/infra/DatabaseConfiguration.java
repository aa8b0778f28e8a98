package io.heliox.atlas.web.infra;

import com.zaxxer.hikari.HikariConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** External PostgreSQL when {@code ATLAS_DB_URL} is set, else the embedded one under {@code var/}. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    public AtlasDataSource dataSource(AtlasProperties properties) {
        AtlasProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("atlas");
        config.setMaximumPoolSize(db.poolSize());
        EmbeddedDatabase embedded = null;
        if (db.url() == null || db.url().isBlank()) {
            embedded = EmbeddedDatabase.start(Path.of(properties.dataDir(), "pg").toAbsolutePath(), db.embeddedPort());
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword("postgres");
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        return new AtlasDataSource(config, embedded);
    }
}
